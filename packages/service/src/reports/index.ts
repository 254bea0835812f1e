export type { ReportStore } from '../ports/report-store.ts';
export { createReportStore } from './create-report-store.ts';
export { ensureJobReport, type ReportsDeps } from './ensure-job-report.ts';
export { type ExportStreamOptions, exportStream } from './export-stream.ts';
export { EXPORT_FORMATS, EXPORT_MEDIA, type ExportFormat, isPartialExport } from './export-writers.ts';
export {
  type JobReportData,
  loadJobReportData,
  REPORT_MAX_ISSUES,
  type ReportChanges,
  type ReportIssue,
} from './job-report-data.ts';
export { LocalReportStore } from './local-report-store.ts';
export { renderJobReport } from './pdf-report.ts';
export { JobNotFinishedError, JobNotFoundError } from './report-errors.ts';
export { reportFilename } from './report-ids.ts';
export { PRESIGNED_URL_SECONDS, S3ReportStore, type S3ReportStoreOptions } from './s3-report-store.ts';
