import type { ProfileUsage } from '../cost/usage.ts';

/** Seed 003, "Cost Estimation (Production)". */
export const productionUsage: ProfileUsage = {
  profile: 'production',
  usage: () => ({ transferOutGb: 100, albLcu: 1.5, natGb: 10, logsGb: 30, ecrGb: 4, s3Gb: 0 }),
  seed: (env) =>
    env !== 'prod'
      ? undefined
      : {
          file: '003_46b6f8a557cf1b43.txt',
          title: 'Cost Estimation (Production)',
          total: 425,
          rows: [
            { label: 'ECS Fargate (~10 tasks)', seed: 150, categories: ['fargate'] },
            {
              label: 'RDS PostgreSQL db.t3.medium Multi-AZ',
              seed: 130,
              categories: ['rds', 'rds-storage', 'rds-backup'],
            },
            { label: 'ElastiCache cache.t3.micro', seed: 25, categories: ['cache'] },
            { label: 'ALB', seed: 25, categories: ['alb'] },
            { label: 'NAT Gateway (2, per AZ)', seed: 65, categories: ['nat', 'nat-data'] },
            { label: 'Data Transfer (~100GB)', seed: 10, categories: ['transfer'] },
            { label: 'CloudWatch (logs + metrics)', seed: 20, categories: ['logs', 'alarms', 'dashboards'] },
          ],
          notes: [
            "ECS Fargate: the seed's own task sizes (API 2 x 0.5 vCPU/1 GB, Worker 5, Scheduler 1 and Notifier 2 x 0.25 vCPU/0.5 GB) cost $108.12 for 730 h on FARGATE; its ~$150 is about $15 per task whatever the size.",
            'RDS PostgreSQL db.t3.medium Multi-AZ: $0.072/h x 2 x 730 h = $105.12 plus Multi-AZ gp3 storage (20 GB twice at $0.115 = $4.60); the seed writes ~$130.',
            'ElastiCache cache.t3.micro: $0.017/h x 730 h = $12.41; the seed writes ~$25.',
            'CloudWatch: 30 GB of logs a month for four services at $0.50/GB ($15.00, a usage assumption: the seed gives no volume) and 11 alarms ($1.10); the seed writes ~$20.',
            "Not in the seed's table: public IPv4 addresses of the 2 NAT gateways and 2 load balancer nodes at $0.005/h ($14.60; AWS bills them since February 2024, after the seed), four secrets ($1.60), the alarm topic's KMS key ($1.00), ECR storage ($0.40) and the reports bucket (cents).",
          ],
        },
};
