import type { ProfileUsage } from '../cost/usage.ts';

/** Seed 000 ("AWS Data Scanner"), "Monthly Costs (Dev Environment)", light usage. */
export const dataScannerUsage: ProfileUsage = {
  profile: 'data-scanner',
  usage: () => ({
    taskHours: { worker: 10 },
    natGb: 10,
    transferOutGb: 0,
    s3Gb: 10,
    s3PutRequests: 500,
    s3GetRequests: 500,
    logsGb: 5,
    ecrGb: 1,
    apiRequests: 1000,
    lambdaRequests: 1000,
    lambdaGbSeconds: 1000,
    sqsRequests: 10000,
  }),
  seed: (env) =>
    env !== 'dev'
      ? undefined
      : {
          file: '000_742896974df8c81f.txt',
          title: 'Monthly Costs (Dev Environment)',
          total: 70.71,
          rows: [
            { label: 'ECS Fargate (vCPU + memory)', seed: 11, categories: ['fargate'] },
            { label: 'Lambda invocations + duration', seed: 0, categories: ['lambda'] },
            { label: 'Bastion EC2 (t2.micro)', seed: 8.47, categories: ['ec2', 'ebs'] },
            { label: 'RDS (db.t3.micro)', seed: 12.41, categories: ['rds'] },
            { label: 'RDS storage', seed: 2.3, categories: ['rds-storage'] },
            { label: 'RDS backup', seed: 0, categories: ['rds-backup'] },
            { label: 'NAT Gateway', seed: 32.85, categories: ['nat'] },
            { label: 'NAT data transfer', seed: 0.45, categories: ['nat-data'] },
            { label: 'S3 storage', seed: 0.23, categories: ['s3-storage'] },
            { label: 'S3 requests', seed: 0.4, categories: ['s3-requests'] },
            { label: 'SQS requests', seed: 0, categories: ['sqs'] },
            { label: 'CloudWatch Logs', seed: 2.5, categories: ['logs'] },
            { label: 'CloudWatch metrics', seed: 0, categories: ['dashboards'] },
            { label: 'ECR storage', seed: 0.1, categories: ['ecr'] },
            { label: 'API Gateway requests', seed: 0, categories: ['apigw'] },
          ],
          notes: [
            'ECS Fargate: the seed states 0.25 vCPU x ~10 task-hours at $0.04048/h, which is $0.12 with memory, yet writes ~$10 + ~$1; its figure is one task running all month ($9.01). We keep its stated 10 task-hours.',
            "RDS: db.t3.micro at $0.018/h on the PostgreSQL price page against the seed's $0.017/h ($13.14 vs $12.41).",
            'S3 requests: 1,000 requests at $0.0004 per 1,000 cost $0.0004 (PUTs $0.005 per 1,000); the seed writes $0.40.',
            "Not in the seed's table: public IPv4 addresses of the NAT gateway and the bastion at $0.005/h each ($7.30; AWS bills them since February 2024, after the seed), the three secrets in Secrets Manager ($1.20), 13 CloudWatch alarms with the scaling alarms ($1.30) and the alarm topic's KMS key ($1.00).",
          ],
        },
};
