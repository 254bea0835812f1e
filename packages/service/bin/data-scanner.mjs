#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx, so a fresh clone needs no build step.
// Container images and Lambda bundles use an esbuild bundle of the same entry point instead.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
