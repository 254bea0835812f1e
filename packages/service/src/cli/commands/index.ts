import type { Command } from 'commander';
import { register as detectorsCommand } from './detectors.ts';
import { register as jobs } from './jobs.ts';
import { register as keys } from './keys.ts';
import { register as migrate } from './migrate.ts';
import { register as scan } from './scan.ts';
import { register as serve } from './serve.ts';

/** A command file exports one function that adds its command to the program. */
export type RegisterCommand = (program: Command) => void;

/** Every CLI command, in the order `--help` lists them. Add new command files here. */
export const commands: RegisterCommand[] = [keys, migrate, serve, jobs, scan, detectorsCommand];
