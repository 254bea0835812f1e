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
            "RDS: the prod env runs db.t3.small Multi-AZ (issue 5 sizes prod at t3.small); the seed's table prices db.t3.micro Multi-AZ at ~$30 ($0.036/h = $26.28). Multi-AZ gp3 storage (20 GB x $0.23) is not in its table.",
            "NAT gateways: the prod env runs one per AZ (2 x $32.85); the seed's table counts one.",
            'ECS Fargate: the capacity-provider strategy puts a share of the 2 tasks on FARGATE_SPOT (about 70 % cheaper), which offsets the rounding in the seed ($36.04 for 2 on-demand tasks).',
            'Public IPv4: AWS bills $0.005/h per public IPv4 address (NAT gateways, one per load balancer AZ) since February 2024; the seed predates it.',
            'Not in the seed: the CloudWatch dashboard ($3/month), alarms, the KMS key of the alarm topic.',
          ],
        },
};
