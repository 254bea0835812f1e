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
