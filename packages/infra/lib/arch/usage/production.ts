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
            'RDS db.t3.medium Multi-AZ: $0.144/h x 730 h = $105.12 plus Multi-AZ storage; the seed writes ~$130.',
            'ElastiCache cache.t3.micro: $0.017/h x 730 h = $12.41; the seed writes ~$25.',
            'CloudWatch: the usage assumes 30 GB of logs a month for four services; the seed gives no volume.',
            'Public IPv4: AWS bills $0.005/h per public IPv4 address (NAT gateways, load balancer nodes) since February 2024; the seed predates it.',
          ],
        },
};
