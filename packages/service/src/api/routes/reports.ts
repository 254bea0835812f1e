import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  EXPORT_FORMATS,
  EXPORT_MEDIA,
  ensureJobReport,
  exportStream,
  isPartialExport,
  JobNotFinishedError,
  JobNotFoundError,
  reportFilename,
} from '../../reports/index.ts';
import type { ApiDeps, ApiEnv } from '../api-env.ts';
import { HttpError } from '../http-error.ts';
import { JobIdParamSchema } from '../schemas.ts';
import { BEARER, errorResponses } from './openapi-parts.ts';

const binary = z.string().openapi({ format: 'binary' });

const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS).openapi({
    description:
      'sarif (SARIF 2.1.0), csv (header row), json (`{job, findings}`) or jsonl (a Finding per line)',
    example: 'jsonl',
  }),
});

const getReport = createRoute({
  method: 'get',
  path: '/jobs/{job_id}/report.pdf',
  tags: ['reports'],
  summary: 'PDF report of an ended job: summary, counts, top objects and the masked findings table',
  security: BEARER,
  request: {
    params: JobIdParamSchema,
    query: z.object({
      delivery: z
        .enum(['redirect', 'stream'])
        .default('redirect')
        .openapi({
          description:
            'With an S3 report store: `redirect` (302 to a presigned URL) or `stream` (the bytes through the API, ' +
            'for browser code that fetches with an Authorization header and cannot follow a cross-origin redirect)',
        }),
    }),
  },
  responses: {
    200: {
      description: 'The report (local report store, or `delivery=stream`)',
      content: { 'application/pdf': { schema: binary } },
    },
    302: {
      description: 'Redirect to a presigned download URL valid for 5 minutes (S3 report store)',
      headers: z.object({ Location: z.string().url() }),
    },
    ...errorResponses(401, 404, 409, 422),
  },
});

const exportFindings = createRoute({
  method: 'get',
  path: '/jobs/{job_id}/export',
  tags: ['reports'],
  summary:
    'Every finding of a job in one streamed document (running jobs: the findings so far, labelled partial in the content and the file name)',
  security: BEARER,
  request: { params: JobIdParamSchema, query: ExportQuerySchema },
  responses: {
    200: {
      description: 'The findings, streamed',
      content: Object.fromEntries(
        EXPORT_FORMATS.map((f) => [EXPORT_MEDIA[f].contentType, { schema: binary }]),
      ),
    },
    ...errorResponses(401, 404, 422),
  },
});

const attachment = (filename: string) => `attachment; filename="${filename}"`;

/**
 * `GET /jobs/{id}/report.pdf` and `GET /jobs/{id}/export`; registered only when the API has
 * `deps.reports`. Authentication is the `/jobs/*` middleware of `registerJobs`.
 */
export function registerReports(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const reports = deps.reports;
  if (!reports) return;

  app.openapi(getReport, async (c) => {
    const { tenantId } = c.get('principal');
    const jobId = c.req.valid('param').job_id;
    try {
      await ensureJobReport(reports, tenantId, jobId);
    } catch (err) {
      if (err instanceof JobNotFoundError) throw HttpError.notFound('No such job');
      if (err instanceof JobNotFinishedError)
        throw new HttpError(
          409,
          'job_not_finished',
          `The job is ${err.status}; its report exists once it has ended`,
        );
      throw err;
    }
    const filename = reportFilename(jobId, 'pdf');
    if (reports.store.presignedUrl && c.req.valid('query').delivery === 'redirect') {
      c.header('Cache-Control', 'no-store');
      return c.redirect(await reports.store.presignedUrl(tenantId, jobId, filename), 302);
    }
    const pdf = await reports.store.open(tenantId, jobId);
    if (!pdf) throw new HttpError(503, 'service_unavailable', 'The report was stored but cannot be read');
    return c.body(Readable.toWeb(pdf) as ReadableStream<Uint8Array>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(filename),
      'Cache-Control': 'private, no-store',
    });
  });

  app.openapi(exportFindings, async (c) => {
    const { tenantId } = c.get('principal');
    const jobId = c.req.valid('param').job_id;
    const { format } = c.req.valid('query');
    const job = await deps.store.getJob(tenantId, jobId);
    if (!job) throw HttpError.notFound('No such job');
    const logger = c.get('logger');
    const body = exportStream(reports.pool, job, format, {
      onError: (err) => logger.error({ err, job_id: jobId, format }, 'export failed mid-stream'),
    });
    const media = EXPORT_MEDIA[format];
    return c.body(body, 200, {
      'Content-Type': media.contentType,
      'Content-Disposition': attachment(reportFilename(jobId, media.extension, isPartialExport(job))),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
