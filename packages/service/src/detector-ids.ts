import { detectorById } from '@data-scanner/detect';

/** The ids among `ids` that name no detector of the catalogue, each once, in the order given. */
export function unknownDetectorIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => !detectorById(id)))];
}
