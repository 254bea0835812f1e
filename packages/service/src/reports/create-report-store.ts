import type { Config } from '../config.ts';
import type { ReportStore } from '../ports/report-store.ts';
import { createS3Client } from '../sources/s3-source.ts';
import { LocalReportStore } from './local-report-store.ts';
import { S3ReportStore } from './s3-report-store.ts';

/**
 * The report store the configuration names: the S3 bucket `REPORTS_BUCKET` (reached like the S3
 * sources: region, endpoint, path style) when set, else the local folder `REPORTS_DIR`.
 */
export function createReportStore(config: Pick<Config, 'reports' | 'sources'>): ReportStore {
  const { bucket, kmsKeyId, dir } = config.reports;
  if (!bucket) return new LocalReportStore(dir);
  const { region, endpoint, forcePathStyle } = config.sources.s3;
  return new S3ReportStore({
    client: createS3Client({ region, endpoint, forcePathStyle }),
    bucket,
    ...(kmsKeyId ? { kmsKeyId } : {}),
  });
}
