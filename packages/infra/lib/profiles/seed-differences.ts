import type { Stack } from 'aws-cdk-lib';

/** One place where a profile deliberately deploys something other than its seed document says. */
export interface SeedDifference {
  /** What it is about, e.g. `AWS credentials secret`. */
  readonly topic: string;
  /** What the seed says. */
  readonly seed: string;
  /** What the profile deploys instead. */
  readonly deployed: string;
  /** Why. */
  readonly reason: string;
}

/** Template metadata key under which a stack lists its {@link SeedDifference}s. */
export const SEED_DIFFERENCES_METADATA_KEY = 'DataScanner::SeedDifferences';

/**
 * Writes the differences into the template's `Metadata` section, where the architecture-document
 * generator (which reads synthesized templates) finds them next to what really deploys.
 */
export function recordDifferences(stack: Stack, differences: readonly SeedDifference[]): void {
  stack.addMetadata(
    SEED_DIFFERENCES_METADATA_KEY,
    differences.map((d) => ({ ...d })),
  );
}
