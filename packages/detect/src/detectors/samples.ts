/**
 * The samples contract: every detector family file `<family>.ts` has a `<family>.samples.ts`
 * beside it that exports `samples: FamilySamples`, one entry per detector id of the family.
 * One table-driven test holds each detector to its samples, and the eval draws on them, so
 * adding a detector touches one place. Values are generated (checksums computed): nothing real.
 */

/** A seeded random source in [0, 1) (`eval/random.ts` has `createRng` and helpers over it). */
export type Rng = () => number;

/** A planted true value: the raw value and the text that carries it (the value occurs once). */
export interface Planted {
  value: string;
  /** The line(s) as a real file would hold them (`export FOO_TOKEN=...`, a YAML key, a JSON field). */
  text: string;
  /** Field name for structured formats (CSV column, JSON key). */
  field: string;
}

/** The samples of one detector. */
export interface DetectorSamples {
  /** Generators of true values: the detector finds each value, and no other detector reports it. */
  truePositives: readonly ((rng: Rng) => Planted)[];
  /**
   * Near-misses: texts that look like the detector's values but are not (documented example keys,
   * wrong checksums, placeholders, identifiers, hashes). None of them yields any finding.
   */
  nearMisses: readonly (string | ((rng: Rng) => string))[];
}

/** Samples of a family, keyed by detector id. */
export type FamilySamples = Readonly<Record<string, DetectorSamples>>;
