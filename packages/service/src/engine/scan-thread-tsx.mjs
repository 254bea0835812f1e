// Runs the TypeScript scan thread in place through tsx (tests and `npm start` from a clone);
// a build runs its bundled scan-thread.js instead.
import { register } from 'tsx/esm/api';

register();
const thread = await import('./scan-thread.ts');
export default thread.default;
export const scanSourceInThread = thread.scanSourceInThread;
