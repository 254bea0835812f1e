/**
 * Names the directory where profile syntheses are kept for the whole test run (set by the global
 * setup), so a profile, env and options synthesized by one test file is read, not synthesized again,
 * by the others.
 */
export const SYNTH_CACHE_ENV = 'DATA_SCANNER_SYNTH_CACHE';
