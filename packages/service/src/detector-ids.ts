import { detectorById } from '@data-scanner/detect';

/**
 * The ids among `ids` that name no built-in detector and none of `customIds` (a tenant's own),
 * each once, in the order given.
 */
export function unknownDetectorIds(
  ids: readonly string[],
  customIds: ReadonlySet<string> = new Set(),
): string[] {
  return [...new Set(ids.filter((id) => !detectorById(id) && !customIds.has(id)))];
}
