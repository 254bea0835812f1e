import { register } from 'node:module';

register('./module-log-hook.mjs', import.meta.url);
