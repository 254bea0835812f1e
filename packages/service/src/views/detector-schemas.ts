import type { Detector } from '@data-scanner/detect';
import { z } from '@hono/zod-openapi';
import type { StoredCustomDetector } from '../store/custom-detector-store.ts';

/** One detector of `GET /detectors`: a built-in one, or the tenant's own with its spec. */
export const DetectorViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    category: z.string(),
    severity: z.string(),
    builtin: z.boolean(),
    validator: z.string().nullable(),
    spec: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'The spec of a custom detector' }),
    created_at: z.string().nullable(),
  })
  .openapi('Detector');

export const DetectorListSchema = z.object({ items: z.array(DetectorViewSchema) }).openapi('DetectorList');
export type DetectorView = z.infer<typeof DetectorViewSchema>;

/** A built-in detector as `GET /detectors` lists it. */
export function builtinDetectorView(d: Detector): DetectorView {
  return {
    id: d.id,
    name: d.name,
    category: d.category,
    severity: d.severity,
    builtin: true,
    validator: d.validator ?? null,
    spec: null,
    created_at: null,
  };
}

/** A tenant's own detector as `GET /detectors` lists it, with its spec. */
export function customDetectorView(stored: StoredCustomDetector): DetectorView {
  const s = stored.spec as { name?: string; category?: string; severity?: string; validator?: string };
  return {
    id: stored.id,
    name: s.name ?? stored.id,
    category: s.category ?? 'credentials',
    severity: s.severity ?? 'high',
    builtin: false,
    validator: s.validator ?? null,
    spec: stored.spec,
    created_at: stored.createdAt.toISOString(),
  };
}
