import { z } from '@hono/zod-openapi';

/** `budget` of `POST /scan`: the job stops PARTIAL (BUDGET_EXCEEDED) once one is reached. */
const budgetFields = {
  max_bytes: z.number().int().positive().optional().openapi({ description: 'Bytes read' }),
  max_objects: z.number().int().positive().optional().openapi({ description: 'Objects started' }),
  max_cost_usd: z.number().positive().max(1e9).optional().openapi({
    description: "Estimated cost on the deployment's profile (the same model as POST /scan/estimate)",
  }),
};
export const BudgetSchema = z
  .object(budgetFields)
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'give max_bytes, max_objects or max_cost_usd' })
  .openapi('ScanBudget');
export type Budget = z.infer<typeof BudgetSchema>;

/** `sample` of `POST /scan`: scan a deterministic part of the source. */
const sampleFields = {
  fraction: z.number().gt(0).max(1).optional().openapi({
    description: 'Part of each prefix scanned, chosen by a hash of the key (the same objects every run)',
  }),
  max_objects_per_prefix: z.number().int().positive().optional().openapi({
    description: 'At most this many objects per prefix (folder), the first in listing order',
  }),
  max_bytes_per_object: z.number().int().positive().optional().openapi({
    description: 'Read at most this many bytes of each object (a larger object is PARTIAL: SAMPLE_TRUNCATED)',
  }),
};
export const SampleSchema = z
  .object(sampleFields)
  .strict()
  .refine((s) => Object.keys(s).length > 0, {
    message: 'give fraction, max_objects_per_prefix or max_bytes_per_object',
  })
  .openapi('ScanSample');
export type Sample = z.infer<typeof SampleSchema>;

/** Fields of `POST /scan` (and schedules) beyond the source and detectors. */
export const scanOptionFields = {
  incremental: z
    .boolean()
    .optional()
    .openapi({
      description:
        'Skip objects unchanged (S3: etag, version id, size; files: size, mtime, inode) since a complete scan ' +
        'with the same detectors and engine; false by default, true by default for schedules',
    }),
  budget: BudgetSchema.optional(),
  sample: SampleSchema.optional(),
};

/** Fields of a job's JSON that show its options. */
export const jobOptionFields = {
  incremental: z.boolean(),
  // Inline (not the request's named schemas), so the contract states a plain nullable object.
  budget: z.object(budgetFields).nullable(),
  sample: z
    .object(sampleFields)
    .nullable()
    .openapi({ description: 'Set when only a sample of the source is scanned' }),
};

/** Progress counters of the options. */
export const jobOptionProgressFields = {
  objects_unchanged: z.number().int().openapi({
    description: 'Objects an incremental scan skipped as unchanged (not in objects_total)',
  }),
  objects_sampled_out: z.number().int().openapi({
    description: 'Objects the sample left out (not in objects_total)',
  }),
};

/** Columns read for `jobOptionsView`. */
export const JOB_OPTION_COLUMNS = 'incremental, budget, sample, objects_unchanged, objects_sampled_out';

/** The row fields `jobOptionsView` reads. */
export interface JobOptionRow {
  incremental: boolean;
  budget: Budget | null;
  sample: Sample | null;
  objects_unchanged: string;
  objects_sampled_out: string;
}

/** A job's options and their counters, for its JSON. */
export function jobOptionsView(r: JobOptionRow): {
  options: { incremental: boolean; budget: Budget | null; sample: Sample | null };
  progress: { objects_unchanged: number; objects_sampled_out: number };
} {
  return {
    options: { incremental: r.incremental, budget: r.budget, sample: r.sample },
    progress: {
      objects_unchanged: Number(r.objects_unchanged),
      objects_sampled_out: Number(r.objects_sampled_out),
    },
  };
}
