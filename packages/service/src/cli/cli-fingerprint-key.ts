import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** Used when no key is configured and no key file can be written (fingerprints then only group within one machine's default). */
export const DEFAULT_FINGERPRINT_KEY = 'data-scanner-default-fingerprint-key';

/**
 * The CLI's fingerprint key: `DATA_SCANNER_FINGERPRINT_KEY`, else `FINGERPRINT_KEY` (the service's
 * name, so one variable serves both and a CLI baseline matches the service's fingerprints), else
 * the key file (`DATA_SCANNER_KEY_FILE`, default `$XDG_CONFIG_HOME/data-scanner/fingerprint-key`
 * or `~/.config/...`), created with 32 random bytes (mode 0600) on first use; if it can be
 * neither read nor created, the documented default key.
 */
export async function cliFingerprintKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.DATA_SCANNER_FINGERPRINT_KEY || env.FINGERPRINT_KEY;
  if (fromEnv) return fromEnv;
  const file =
    env.DATA_SCANNER_KEY_FILE ??
    path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'data-scanner', 'fingerprint-key');
  try {
    const key = (await readFile(file, 'utf8')).trim();
    if (key) return key;
  } catch {
    // Created below.
  }
  try {
    const key = randomBytes(32).toString('hex');
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    try {
      const key = (await readFile(file, 'utf8')).trim();
      if (key) return key;
    } catch {
      // Falls back to the default.
    }
    return DEFAULT_FINGERPRINT_KEY;
  }
}

/** The `--help` line that says where the key comes from. */
export const FINGERPRINT_KEY_HELP =
  'Fingerprint key: DATA_SCANNER_FINGERPRINT_KEY, else FINGERPRINT_KEY (as the service), else ~/.config/data-scanner/fingerprint-key (created on first use).';
