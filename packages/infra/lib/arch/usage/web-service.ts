import type { ProfileUsage } from '../cost/usage.ts';

/** Seed 001 (web service), "Monthly Cost Estimate (Production)". */
export const webServiceUsage: ProfileUsage = {
  profile: 'web-service',
  usage: () => ({ natGb: 0, transferOutGb: 10, ecrGb: 5, logsGb: 5, albLcu: 0, s3Gb: 0 }),
  seed: (env) =>
    env !== 'prod'
      ? undefined
      : {
          file: '001_2349f6adb7591eff.txt',
          title: 'Monthly Cost Estimate (Production)',
          total: 112.4,
          rows: [
            { label: 'ECS Fargate (2 tasks, 0.5 vCPU, 1GB)', seed: 30, categories: ['fargate'] },
            { label: 'RDS db.t3.micro Multi-AZ', seed: 30, categories: ['rds', 'rds-storage'] },
            { label: 'Application Load Balancer', seed: 16, categories: ['alb'] },
            { label: 'NAT Gateway (1)', seed: 32, categories: ['nat', 'nat-data'] },
            { label: 'Data Transfer (10 GB)', seed: 1, categories: ['transfer'] },
            { label: 'ECR Storage (5 GB)', seed: 0.5, categories: ['ecr'] },
            { label: 'CloudWatch Logs (5 GB)', seed: 2.5, categories: ['logs'] },
            { label: 'Secrets Manager', seed: 0.4, categories: ['secrets'] },
          ],
          notes: [
            "RDS db.t3.micro Multi-AZ: the prod env runs db.t3.small Multi-AZ (issue 5 sizes prod at t3.small): $0.036/h x 2 x 730 h = $52.56, plus Multi-AZ gp3 storage (20 GB twice at $0.115 = $4.60); the seed's ~$30 is db.t3.micro Multi-AZ ($26.28) without storage.",
            "NAT Gateway: the prod env runs one per AZ (2 x 730 h x $0.045 = $65.70); the seed's table counts one ($32).",
            'ECS Fargate: the capacity-provider strategy puts a share of the 2 tasks on FARGATE_SPOT (about 70 % cheaper), which offsets the rounding in the seed ($36.04 for 2 on-demand tasks).',
            'Secrets Manager: three secrets (credentials, DATABASE_URL, fingerprint key) at $0.40 each = $1.20; the seed counts one.',
            "Not in the seed's table: public IPv4 addresses of the 2 NAT gateways and 2 load balancer nodes at $0.005/h ($14.60; AWS bills them since February 2024, after the seed), the CloudWatch dashboard ($3.00), the alarm topic's KMS key ($1.00), 4 alarms ($0.40) and the reports bucket (cents).",
          ],
        },
};
