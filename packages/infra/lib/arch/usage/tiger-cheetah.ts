import type { ProfileUsage } from '../cost/usage.ts';

const NOTES = [
  'Load balancer: the seed writes $25 for one ALB: $16.43 of hours plus about 1.5 LCU on average, which the usage assumes.',
  'NAT gateways: 2 x 730 h x $0.045 = $65.70 plus data processed; the seed writes $70.',
  'Public IPv4: AWS bills $0.005/h per public IPv4 address (2 NAT gateways, 2 load balancer nodes) since February 2024; the seed predates it.',
  'Not in the seed: Secrets Manager secrets, the KMS key of the alarm topic, CloudWatch Logs, alarms, ECR storage and CloudFront.',
];

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
          notes: NOTES,
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
          notes: NOTES,
        },
};
