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
            'RDS: the profile runs db.t3.small in prod (issue 5); the seed prices db.t3.micro Multi-AZ ($0.036/h, $26.28). Multi-AZ doubles the instance and the gp3 storage price ($0.23/GB-month), which the seed leaves out.',
            'ECS Fargate: 2 tasks x (0.5 vCPU x $0.04048 + 1 GB x $0.004445) x 730 h = $36.04 on FARGATE; the seed rounds to $30. Tasks the capacity-provider strategy puts on FARGATE_SPOT cost about 70 % less.',
            'NAT gateway: one per AZ in prod where the profile asks for it; the seed counts one ($32.85 each).',
            'Public IPv4: AWS bills $0.005/h per public IPv4 address (NAT gateways, one per load balancer AZ) since February 2024; the seed predates it.',
            'Not in the seed: CloudWatch alarms and the dashboard ($3/month), KMS keys if any.',
          ],
        },
};
