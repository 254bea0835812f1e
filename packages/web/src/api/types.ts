import {
  type components,
  exposureStateValues,
  jobObjectStatusValues,
  jobStatusValues,
  pathsFindingsGetParametersQuerySortValues,
  pathsResultsGetParametersQuerySeverityValues,
} from './openapi.ts';

type Schemas = components['schemas'];

/** A job as `GET /jobs` lists it. */
export type Job = Schemas['Job'];
/** A job with its findings counted by severity, category and detector (`GET /jobs/{id}`). */
export type JobDetail = Schemas['JobDetail'];
export type JobStatus = Job['status'];
/** A finding as `GET /results` returns it; the raw value never leaves the scanner. */
export type Finding = Schemas['Finding'];
/** Where a finding (or an aggregate's sample) sits inside an object. */
export type Location = Schemas['Location'];
/** Matches of one personal-data detector in one field of an object, counted exactly (`GET /results/aggregates`). */
export type FindingAggregate = Schemas['FindingAggregate'];
/** One object of a job (`GET /jobs/{id}/objects`). */
export type JobObject = Schemas['JobObject'];
export type JobObjectStatus = JobObject['status'];
/** A recurring scan (`/schedules`). */
export type Schedule = Schemas['Schedule'];
export type NotificationSettings = Schemas['NotificationSettings'];
export type NotificationSettingsRequest = Schemas['NotificationSettingsRequest'];
/** A notification that failed: dead, or waiting to be tried again (`GET /settings/notifications/failures`). */
export type DeliveryFailure = Schemas['DeliveryFailure'];
export type ChannelName = NotificationSettings['channels_available'][number];
export type Severity = (typeof SEVERITIES)[number];

/** One exposure: a distinct value (or bulk personal data in one field) across jobs (`GET /findings`). */
export type Exposure = Schemas['Exposure'];
/** An exposure with a page of occurrences, its history and a remediation hint (`GET /findings/{id}`). */
export type ExposureDetail = Schemas['ExposureDetail'];
export type Occurrence = Schemas['Occurrence'];
export type ExposureHistoryEntry = Schemas['ExposureHistoryEntry'];
export type ExposureState = Exposure['state'];
export type ExposureSort = (typeof EXPOSURE_SORTS)[number];

/** Every exposure state: `open` and `resolved` are the scanner's, the others a person's. */
export const EXPOSURE_STATES = exposureStateValues;
/** Orders `GET /findings` accepts. */
export const EXPOSURE_SORTS = pathsFindingsGetParametersQuerySortValues;
/** Each exposure state in words. */
export const STATE_LABELS: Record<ExposureState, string> = {
  open: 'open',
  resolved: 'resolved',
  false_positive: 'false positive',
  accepted_risk: 'accepted risk',
  revoked: 'revoked',
};

/** Every job status, in lifecycle order, as the contract lists them. */
export const JOB_STATUSES = jobStatusValues;
/** Every object status, as the contract lists them. */
export const JOB_OBJECT_STATUSES = jobObjectStatusValues;
/** Severity levels, most severe first, as `GET /results?severity=` accepts them. */
export const SEVERITIES = pathsResultsGetParametersQuerySeverityValues;

/** A keyset-paginated list as every list route answers it. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

const TERMINAL_STATUSES: ReadonlySet<JobStatus> = new Set(['succeeded', 'partial', 'failed', 'cancelled']);

/** True while a job can still change. */
export function isActive(status: JobStatus): boolean {
  return !TERMINAL_STATUSES.has(status);
}
