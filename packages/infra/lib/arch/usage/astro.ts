import type { ProfileUsage } from '../cost/usage.ts';

const OTHER = [
  'secrets',
  'kms',
  'logs',
  'alarms',
  'dashboards',
  'ecr',
  'ipv4',
  'transfer',
  'sqs',
  'sns',
  'ses',
] as const;

/** Seed 004 (Astro), "Cost Summary": Dev (Single AZ) and Prod (Multi-AZ) columns. */
export const astroUsage: ProfileUsage = {
  profile: 'astro',
  usage: (env) =>
    env === 'prod'
      ? {
          albLcu: 1,
          natGb: 50,
          transferOutGb: 50,
          s3Gb: 100,
          cloudfrontGb: 200,
          cloudfrontRequests: 5_000_000,
          logsGb: 10,
          ecrGb: 2,
        }
      : {
          albLcu: 0.5,
          natGb: 10,
          transferOutGb: 0,
          s3Gb: 10,
          cloudfrontGb: 10,
          cloudfrontRequests: 100_000,
          logsGb: 2,
          ecrGb: 1,
        },
  seed: (env) => {
    if (env !== 'dev' && env !== 'prod') return undefined;
    const prod = env === 'prod';
    return {
      file: '004_9ee20fdf2624985b.txt',
      title: prod ? 'Cost Summary, Prod (Multi-AZ)' : 'Cost Summary, Dev (Single AZ)',
      total: prod ? [365, 595] : 98,
      rows: [
        { label: 'ECS Fargate (Spot)', seed: prod ? [50, 100] : 6, categories: ['fargate'] },
        {
          label: 'RDS PostgreSQL',
          seed: prod ? [100, 200] : 13,
          categories: ['rds', 'rds-storage', 'rds-backup'],
        },
        { label: 'ElastiCache Redis', seed: prod ? [50, 100] : 12, categories: ['cache'] },
        { label: 'NAT Gateway', seed: prod ? 105 : 35, categories: ['nat', 'nat-data'] },
        { label: 'ALB', seed: 20, categories: ['alb'] },
        {
          label: 'CloudFront + S3',
          seed: prod ? [20, 50] : 2,
          categories: ['cloudfront', 's3-storage', 's3-requests'],
        },
        { label: 'Other', seed: prod ? 20 : 10, categories: OTHER },
      ],
      notes: prod
        ? [
            "Prod: the seed's ranges assume larger instances than the profile deploys (db.t3.micro Multi-AZ, cache.t3.micro with one replica, 2 Spot tasks of 0.25 vCPU); the template, not the seed's range, is what we price.",
            'Public IPv4: one address per NAT gateway and per load balancer AZ at $0.005/h (since February 2024) falls under "Other", which is why it exceeds the seed\'s $20.',
          ]
        : [
            'RDS: db.t3.micro at $0.018/h plus 20 GB gp3 ($15.44); the seed writes ~$13.',
            'Fargate Spot: the Spot price moves; the table uses about 70 % below on-demand ($0.012144 per vCPU-hour).',
            'Public IPv4: one address per NAT gateway and per load balancer AZ at $0.005/h (since February 2024) falls under "Other".',
          ],
    };
  },
};
