import type { ProfileUsage } from '../cost/usage.ts';

const NOTES = [
  'ALB: the seed writes $25 for one ALB: $16.43 of hours plus about 1.5 LCU on average ($8.76), which the usage assumes.',
  'NAT Gateway: 2 x 730 h x $0.045 = $65.70 plus data processed; the seed writes $70.',
];

/** What the seed's table leaves out, with this env's figures. */
const notInSeed = (cloudfront: string, logs: string, alarms: string) =>
  `Not in the seed's table: public IPv4 addresses of the 2 NAT gateways and 2 load balancer nodes at $0.005/h ($14.60; AWS bills them since February 2024, after the seed), five secrets ($2.00), CloudWatch Logs (${logs}), the alarm topic's KMS key ($1.00), CloudFront (${cloudfront}), alarms (${alarms}) and ECR storage ($0.20).`;

/** Seed 002, "Tiger (Development)": scheduled scale-down at nights and weekends keeps the API near 1 task. */
export const tigerUsage: ProfileUsage = {
  profile: 'tiger',
  usage: () => ({
    transferOutGb: 100,
    s3Gb: 10,
    albLcu: 1.5,
    natGb: 10,
    logsGb: 5,
    ecrGb: 2,
    cloudfrontGb: 10,
    cloudfrontRequests: 100000,
  }),
  seed: (env) =>
    env !== 'dev'
      ? undefined
      : {
          file: '002_3a149d6e15966cab.txt',
          title: 'Tiger (Development)',
          total: 147,
          rows: [
            { label: 'ECS Fargate (1 task, 0.5 vCPU, 1GB)', seed: 15, categories: ['fargate'] },
            { label: 'ALB', seed: 25, categories: ['alb'] },
            { label: 'RDS db.t3.micro', seed: 15, categories: ['rds', 'rds-storage'] },
            { label: 'ElastiCache cache.t3.micro', seed: 12, categories: ['cache'] },
            { label: 'NAT Gateway (2)', seed: 70, categories: ['nat', 'nat-data'] },
            { label: 'S3 (10GB)', seed: 1, categories: ['s3-storage', 's3-requests'] },
            { label: 'Data Transfer (100GB)', seed: 9, categories: ['transfer'] },
          ],
          notes: [
            'ECS Fargate: the seed prices one API task all month (0.5 vCPU / 1 GB is $18.02 at $0.04048 per vCPU-hour and $0.004445 per GB-hour; it writes $15); tiger runs the API and the worker only 07:00-20:00 UTC on weekdays (39 % of the week), so both cost $10.47.',
            ...NOTES,
            notInSeed('$0.95', '$2.50', '$0.30'),
          ],
        },
};

/** Seed 002, "Cheetah (Staging)". */
export const cheetahUsage: ProfileUsage = {
  profile: 'cheetah',
  usage: () => ({
    transferOutGb: 500,
    s3Gb: 50,
    albLcu: 1.5,
    natGb: 10,
    logsGb: 10,
    ecrGb: 2,
    cloudfrontGb: 50,
    cloudfrontRequests: 500000,
  }),
  seed: (env) =>
    env !== 'staging'
      ? undefined
      : {
          file: '002_3a149d6e15966cab.txt',
          title: 'Cheetah (Staging)',
          total: 280,
          rows: [
            { label: 'ECS Fargate (2 tasks, 0.5 vCPU, 1GB each)', seed: 30, categories: ['fargate'] },
            { label: 'ALB', seed: 25, categories: ['alb'] },
            { label: 'RDS db.t3.small (Multi-AZ)', seed: 60, categories: ['rds', 'rds-storage'] },
            { label: 'ElastiCache cache.t3.small (replica)', seed: 48, categories: ['cache'] },
            { label: 'NAT Gateway (2)', seed: 70, categories: ['nat', 'nat-data'] },
            { label: 'S3 (50GB)', seed: 2, categories: ['s3-storage', 's3-requests'] },
            { label: 'Data Transfer (500GB)', seed: 45, categories: ['transfer'] },
          ],
          notes: [
            "ECS Fargate: the seed's row prices the 2 API tasks at $15 each, but at $0.04048 per vCPU-hour and $0.004445 per GB-hour a 0.5 vCPU / 1 GB task costs $18.02 a month (2 tasks: $36.04), and the row leaves out the always-on worker service (0.25 vCPU / 0.5 GB, $9.01).",
            ...NOTES,
            notInSeed('$4.75', '$5.00', '$0.70'),
          ],
        },
};
