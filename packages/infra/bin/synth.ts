import { runSynthCli } from '../lib/synth-cli.ts';

process.exitCode = runSynthCli(process.argv.slice(2));
