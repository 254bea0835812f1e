import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { estimateScan } from '../../estimate/scan-estimate.ts';
import type { ObjectSource } from '../../ports/object-source.ts';
import { inventoryListing, parseInventoryUri, readInventoryManifest } from '../../sources/s3-inventory.ts';
import { SourceError } from '../../sources/source-error.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { authenticate } from '../auth/authenticate.ts';
import { HttpError } from '../http-error.ts';
import { ScanRequestSchema } from '../schemas.ts';
import { checkInventory, checkSource } from '../source-policy.ts';
import { BEARER, errorResponses, jsonContent } from './openapi-parts.ts';

const Totals = z.object({ objects: z.number().int(), bytes: z.number().int() });

export const ScanEstimateSchema = z
  .object({
    source: z.string(),
    objects: z
      .number()
      .int()
      .openapi({ description: 'Objects the scan would read (after exclusions and the sample)' }),
    bytes: z.number().int(),
    by_format: z.record(z.string(), Totals).openapi({ description: 'By file extension, most bytes first' }),
    skipped: z.object({
      excluded: z.number().int().openapi({ description: 'Matched an `exclude` glob' }),
      sampled_out: z.number().int(),
      unscannable: z
        .number()
        .int()
        .openapi({ description: 'FIFOs, symlinks leaving the roots, unreadable folders' }),
    }),
    listing_complete: z.boolean().openapi({ description: 'False when listing stopped at its cap' }),
    profile: z.string().openapi({ description: 'The deployment profile the cost is priced on' }),
    worker_bytes_per_second: z.number(),
    estimated_hours: z.object({
      one_worker: z.number(),
      max_workers: z.number(),
      workers: z.number().int().openapi({ description: "The profile's most worker tasks" }),
    }),
    estimated_cost_usd: z.number().openapi({
      description:
        "Worker time, S3 requests and queue messages on the profile's prices; not the fixed monthly bill",
    }),
  })
  .openapi('ScanEstimate');

const estimateRoute = createRoute({
  method: 'post',
  path: '/scan/estimate',
  tags: ['scans'],
  summary: 'List a source (reading no object) and estimate the scan: objects, bytes by format, hours, cost',
  security: BEARER,
  request: { body: { required: true, content: { 'application/json': { schema: ScanRequestSchema } } } },
  responses: { 200: jsonContent(ScanEstimateSchema, 'The estimate'), ...errorResponses(401, 413, 415, 422) },
});

/** `source` as its S3 Inventory lists it (every data file of the manifest), with no ListObjectsV2 call. */
async function fromInventory(
  estimates: { openSource(uri: string): Promise<ObjectSource> },
  source: ObjectSource,
  inventory: string,
): Promise<ObjectSource> {
  const [, bucket = '', prefix = ''] = /^s3:\/\/([^/]+)\/?(.*)$/.exec(source.uri) ?? [];
  const store = await estimates.openSource(`s3://${parseInventoryUri(inventory).bucket}/`);
  const manifest = await readInventoryManifest(store, inventory);
  if (manifest.sourceBucket !== bucket) {
    throw new SourceError(
      'INVALID_SOURCE',
      `inventory ${inventory} lists bucket ${manifest.sourceBucket}, not the source's bucket ${bucket}`,
    );
  }
  return {
    uri: source.uri,
    list: () => inventoryListing(store, manifest, { bucket, prefix }),
    read: (object, options) => source.read(object, options),
    readRange: (object, start, end, options) => source.readRange(object, start, end, options),
  };
}

/** `POST /scan/estimate`, when the API can open sources (`deps.estimates`). */
export function registerScanEstimate(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const estimates = deps.estimates;
  if (!estimates) return;
  app.use('/scan/estimate', authenticate(deps));
  app.openapi(estimateRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.inventory !== undefined) await checkInventory(body.inventory, body.source, deps.config);
    const source = await checkSource(body.source, deps.config);
    try {
      const opened = await estimates.openSource(source);
      const listed = body.inventory ? await fromInventory(estimates, opened, body.inventory) : opened;
      const estimate = await estimateScan(listed, {
        exclude: body.exclude,
        sample: body.sample,
        costModel: estimates.costModel,
        ...(estimates.maxObjects ? { maxObjects: estimates.maxObjects } : {}),
        signal: c.req.raw.signal,
      });
      return c.json(estimate, 200);
    } catch (err) {
      if (err instanceof SourceError && !err.retryable) {
        throw new HttpError(422, 'source_not_allowed', `the source cannot be listed: ${err.message}`, [
          { path: 'body.source', message: err.code },
        ]);
      }
      throw err;
    }
  });
}
