import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { loadCommands } from './commands/index.ts';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.ts';

/**
 * Builds the `data-scanner` program. Each command lives in `commands/<name>.ts`; only the command
 * `argv` names is loaded (every command for help or an unknown name).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('data-scanner')
    .description('Find secrets and personal data in S3 buckets and local folders')
    .version(packageJson.version, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  for (const register of await loadCommands(argv)) register(program);
  return program;
}

/** Runs the CLI and returns the process exit code (never throws). */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`data-scanner: ${message}\n`);
    return EXIT_ERROR;
  }
}
