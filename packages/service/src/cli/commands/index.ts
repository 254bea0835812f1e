import type { Command } from 'commander';

/** A command file exports one function that adds its command to the program. */
export type RegisterCommand = (program: Command) => void;

/** A CLI command: its name and how to load its file, so a process loads only the command it runs. */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<{ register: RegisterCommand }>;
}

/** Every CLI command, in the order `--help` lists them. Add new command files here. */
export const commands: readonly CommandEntry[] = [
  { name: 'keys', load: () => import('./keys.ts') },
  { name: 'migrate', load: () => import('./migrate.ts') },
  { name: 'serve', load: () => import('./serve.ts') },
  { name: 'jobs', load: () => import('./jobs.ts') },
  { name: 'scan', load: () => import('./scan.ts') },
  { name: 'baseline', load: () => import('./baseline.ts') },
  { name: 'detectors', load: () => import('./detectors.ts') },
];

/**
 * The register functions `argv` needs: only the named command's file when the first argument names
 * one, every command otherwise (help, an unknown command and its suggestions).
 */
export async function loadCommands(argv: readonly string[]): Promise<RegisterCommand[]> {
  const named = commands.find((c) => c.name === argv[0]);
  const wanted = named ? [named] : commands;
  return (await Promise.all(wanted.map((c) => c.load()))).map((m) => m.register);
}
