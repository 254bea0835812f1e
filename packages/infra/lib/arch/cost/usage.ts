/** Monthly usage the templates cannot say: hours, traffic, storage and requests. */
export interface Usage {
  /** Hours in the month for always-on resources. @default 730 */
  readonly hours: number;
  /** Task-hours per month for services whose name contains the key; others run `desiredCount × hours`. */
  readonly taskHours: Readonly<Record<string, number>>;
  readonly natGb: number;
  readonly transferOutGb: number;
  /** Average load balancer capacity units per hour. */
  readonly albLcu: number;
  readonly s3Gb: number;
  readonly s3PutRequests: number;
  readonly s3GetRequests: number;
  readonly cloudfrontGb: number;
  readonly cloudfrontRequests: number;
  readonly logsGb: number;
  readonly ecrGb: number;
  readonly apiRequests: number;
  readonly lambdaRequests: number;
  readonly lambdaGbSeconds: number;
  readonly sqsRequests: number;
  readonly secretsApiCalls: number;
  readonly kmsRequests: number;
  readonly sesEmails: number;
  readonly snsPublishes: number;
  /** Root volume of each EC2 instance. @default 8 */
  readonly ebsGbPerInstance: number;
  /** RDS backup storage beyond the free allowance (the provisioned size). @default 0 */
  readonly rdsExtraBackupGb: number;
}

/** Light usage: the defaults a profile starts from before applying its seed's figures. */
export const DEFAULT_USAGE: Usage = {
  hours: 730,
  taskHours: {},
  natGb: 10,
  transferOutGb: 10,
  albLcu: 0,
  s3Gb: 10,
  s3PutRequests: 1000,
  s3GetRequests: 1000,
  cloudfrontGb: 0,
  cloudfrontRequests: 0,
  logsGb: 5,
  ecrGb: 1,
  apiRequests: 0,
  lambdaRequests: 0,
  lambdaGbSeconds: 0,
  sqsRequests: 0,
  secretsApiCalls: 0,
  kmsRequests: 0,
  sesEmails: 0,
  snsPublishes: 0,
  ebsGbPerInstance: 8,
  rdsExtraBackupGb: 0,
};

/** Cost categories; the seed comparison maps its rows onto these. */
export type Category =
  | 'fargate'
  | 'lambda'
  | 'ec2'
  | 'ebs'
  | 'rds'
  | 'rds-storage'
  | 'rds-backup'
  | 'cache'
  | 'nat'
  | 'nat-data'
  | 'ipv4'
  | 'alb'
  | 'transfer'
  | 's3-storage'
  | 's3-requests'
  | 'cloudfront'
  | 'sqs'
  | 'sns'
  | 'ses'
  | 'apigw'
  | 'secrets'
  | 'kms'
  | 'logs'
  | 'alarms'
  | 'dashboards'
  | 'ecr';

/** One row of a seed's cost table, mapped onto our categories. */
export interface SeedRow {
  readonly label: string;
  /** The seed's monthly figure; a `[low, high]` pair where it gives a range. */
  readonly seed: number | readonly [number, number];
  readonly categories: readonly Category[];
}

/** A seed's cost table for one env, with why our figures differ where they do. */
export interface SeedCost {
  readonly file: string;
  readonly title: string;
  readonly total: number | readonly [number, number];
  readonly rows: readonly SeedRow[];
  /** Why a price or quantity differs from the seed's, one line each. */
  readonly notes: readonly string[];
}

/** Usage assumptions and the seed's cost table for one profile. */
export interface ProfileUsage {
  readonly profile: string;
  /** Usage for an env (defaults applied by the caller). */
  usage(env: string): Partial<Usage>;
  /** The seed's cost table for an env, if the seed gives one. */
  seed(env: string): SeedCost | undefined;
}
