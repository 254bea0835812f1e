import { unknownDetectorIds } from '../detector-ids.ts';
import { HttpError } from './http-error.ts';

/**
 * Refuses (422, `body.detectors`) a selection naming ids no detector has, so a job is never accepted
 * only to fail once a worker takes it.
 * `customIds` are the tenant's own detectors (`/detectors`).
 */
export function checkDetectorIds(ids: readonly string[] | undefined, customIds?: ReadonlySet<string>): void {
  const unknown = unknownDetectorIds(ids ?? [], customIds);
  if (unknown.length === 0) return;
  const message = `Unknown detector ids: ${unknown.join(', ')}`;
  throw HttpError.validation(message, [
    { path: 'body.detectors', message: `${message} (\`data-scanner detectors\` lists the ids)` },
  ]);
}
