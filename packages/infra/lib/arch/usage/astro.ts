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
            "ECS Fargate: 2 Spot tasks of 0.25 vCPU / 0.5 GB at about 70 % below on-demand ($0.012144 per vCPU-hour) cost $5.40; the seed's $50-100 assumes larger tasks than the template deploys.",
            "RDS PostgreSQL: db.t3.micro Multi-AZ ($0.036/h x 730 h = $26.28) plus 20 GB of gp3 twice ($4.60); the seed's $100-200 assumes a larger instance than the template deploys.",
            "ElastiCache Redis: 2 cache.t3.micro nodes (primary and replica) at $0.017/h = $24.82; the seed's $50-100 assumes larger nodes than the template deploys.",
            'ALB: $16.43 of hours plus 1 LCU on average ($5.84), which the usage assumes; the seed writes ~$20.',
            'Other: public IPv4 addresses of the 3 NAT gateways and 3 load balancer nodes at $0.005/h ($21.90; AWS bills them since February 2024, after the seed), CloudWatch Logs ($5.00), 50 GB of data out ($4.50), two KMS keys ($2.00), four secrets ($1.60), alarms and ECR come to $35.70; the seed writes ~$20.',
          ]
        : [
            'ECS Fargate: 1 Spot task of 0.25 vCPU / 0.5 GB at about 70 % below on-demand ($0.012144 per vCPU-hour; the Spot price moves) costs $2.71; the seed writes ~$6.',
            'RDS PostgreSQL: db.t3.micro at $0.018/h plus 20 GB gp3 ($15.44); the seed writes ~$13.',
            'Other: public IPv4 addresses of the NAT gateway and 2 load balancer nodes at $0.005/h ($10.95; AWS bills them since February 2024, after the seed), two KMS keys ($2.00), four secrets ($1.60), CloudWatch Logs ($1.00), alarms and ECR come to $16.15; the seed writes ~$10.',
          ],
    };
  },
};
