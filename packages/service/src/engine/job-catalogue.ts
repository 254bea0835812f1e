import { compileCustomDetector, type Detector, detectorById, detectors } from '@data-scanner/detect';

/**
 * The detectors a job runs: the built-ins it names (all when it names none), plus its custom
 * detectors compiled from their specs, unless the job names ids and leaves one out. Undefined
 * when that is the plain built-in catalogue. Throws an Error naming unknown ids or a bad spec.
 */
export function jobCatalogue(
  ids: readonly string[] | null | undefined,
  customSpecs: readonly unknown[] | null | undefined,
): readonly Detector[] | undefined {
  const custom = (customSpecs ?? []).map((spec) => compileCustomDetector(spec));
  const named = ids && ids.length > 0 ? new Set(ids) : undefined;
  if (named) {
    const customIds = new Set(custom.map((d) => d.id));
    const unknown = [...named].filter((id) => !detectorById(id) && !customIds.has(id));
    if (unknown.length > 0) throw new Error(`unknown detectors: ${unknown.join(', ')}`);
    return [...detectors.filter((d) => named.has(d.id)), ...custom.filter((d) => named.has(d.id))];
  }
  return custom.length > 0 ? [...detectors, ...custom] : undefined;
}
