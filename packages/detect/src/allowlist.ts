import { readFile } from 'node:fs/promises';
import picomatch from 'picomatch';
import type { AllowlistConfig } from './types.ts';

/** The compiled allowlist: values, fingerprints and paths that are never reported. */
export class Allowlist {
  private readonly patterns: RegExp[];
  private readonly fingerprints: Set<string>;
  private readonly pathMatch: ((path: string) => boolean) | undefined;

  constructor(config: AllowlistConfig = {}) {
    this.patterns = (config.patterns ?? []).map((source, i) => {
      try {
        return new RegExp(source);
      } catch {
        throw new Error(`allowlist pattern #${i + 1} is not a valid regular expression`);
      }
    });
    this.fingerprints = new Set((config.fingerprints ?? []).map((f) => f.toLowerCase()));
    const globs = config.paths ?? [];
    this.pathMatch = globs.length > 0 ? picomatch(globs, { dot: true }) : undefined;
  }

  /** True when the object key or archive member path is allowlisted. */
  allowsPath(path: string): boolean {
    return this.pathMatch?.(path) === true;
  }

  /** True when the raw value or its fingerprint is allowlisted. */
  allowsValue(value: string, fingerprint: string): boolean {
    if (this.fingerprints.has(fingerprint)) return true;
    return this.patterns.some((p) => p.test(value));
  }
}

/** A bad allowlist file: the message names the file and the problem, never a value from it. */
export class AllowlistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AllowlistError';
  }
}

const KEYS = ['patterns', 'fingerprints', 'paths'] as const;

/**
 * Checks the JSON text of an allowlist file, `{"patterns": [...], "fingerprints": [...],
 * "paths": [...]}` (each list optional), and returns its config. Throws an AllowlistError
 * listing every problem; `name` (the file) prefixes the message.
 */
export function parseAllowlist(text: string, name: string): AllowlistConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // The parser's message may quote the file, which may hold secrets; keep only the position.
    const at = /position (\d+)/.exec(String(err))?.[1];
    throw new AllowlistError(
      `allowlist ${name} is not valid JSON${at === undefined ? '' : ` (at position ${at})`}`,
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new AllowlistError(
      `allowlist ${name} must be a JSON object with patterns, fingerprints and/or paths`,
    );
  }
  const record = data as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key)) problems.push(`unknown key ${JSON.stringify(key)}`);
  }
  const config: AllowlistConfig = {};
  for (const key of KEYS) {
    const list = record[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' && v.length > 0)) {
      problems.push(`${key} must be an array of non-empty strings`);
      continue;
    }
    config[key] = list as string[];
  }
  config.fingerprints?.forEach((f, i) => {
    if (!/^[0-9a-fA-F]{64}$/.test(f)) problems.push(`fingerprints #${i + 1} is not 64 hex characters`);
  });
  config.patterns?.forEach((p, i) => {
    try {
      new RegExp(p);
    } catch {
      problems.push(`patterns #${i + 1} is not a valid regular expression`);
    }
  });
  if (problems.length > 0) throw new AllowlistError(`allowlist ${name}: ${problems.join('; ')}`);
  return config;
}

/** Reads and checks an allowlist file (see `parseAllowlist`). */
export async function readAllowlistFile(file: string): Promise<AllowlistConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AllowlistError(`allowlist ${file} cannot be read${code ? ` (${code})` : ''}`);
  }
  return parseAllowlist(text, file);
}
