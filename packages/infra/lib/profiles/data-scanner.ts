import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { grantBucketObjects } from '../constructs/application-service.ts';
import { Bastion } from '../constructs/bastion.ts';
import { Cdn } from '../constructs/cdn.ts';
import { DashboardDeployment } from '../constructs/dashboard-deployment.ts';
import { FingerprintKey } from '../constructs/fingerprint-key.ts';
import { JobQueue } from '../constructs/job-queue.ts';
import { SecureBucket } from '../constructs/secure-bucket.ts';
import { ServerlessApi } from '../constructs/serverless-api.ts';
import { UploadEvents } from '../constructs/upload-events.ts';
import { type DataScannerConfig, dataScannerConfig, dataScannerName } from './data-scanner-config.ts';
import { defineProfile } from './define-profile.ts';
import { intOption, type Profile } from './profile.ts';
import type { ProfileStack } from './profile-stack.ts';
import { databaseAlarms, functionAlarms, queueAlarms, taskFailureAlarm } from './service-alarms.ts';

function build(stack: ProfileStack, config: DataScannerConfig): void {
  const env = stack.envName;
  const app = stack.app;
  const name = (component: string) => stack.name(component);
  const network = stack.network(config, { s3GatewayEndpoint: true });
  const vpc = network.vpc;
  const privateSubnets = network.subnets('Private');

  const accessLogs = new SecureBucket(stack, 'AccessLogs', {
    versioned: false,
    expireAfterDays: 90,
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
    removalPolicy: stack.removalPolicy,
  });
  const data = new SecureBucket(stack, 'DataBucket', {
    versioned: true,
    noncurrentVersionExpirationDays: config.noncurrentVersionExpirationDays,
    serverAccessLogsBucket: accessLogs.bucket,
    removalPolicy: stack.removalPolicy,
  });
  stack.imageRepository({
    repositoryName: name('scanner'),
    keepImages: config.keepImages,
    countImages: 'any',
  });
  const jobs = new JobQueue(stack, 'ScanJobs', {
    queueName: name('scan-jobs'),
    visibilityTimeout: Duration.seconds(config.queue.visibilityTimeoutSeconds),
    maxReceiveCount: config.queue.maxReceiveCount,
  });

  const database = stack.database(vpc, privateSubnets, config.database);
  const fingerprintKey = new FingerprintKey(stack, 'FingerprintKey', {
    secretName: stack.secretName('fingerprint-key'),
  }).secret;

  const cluster = stack.cluster(vpc);
  const scanBuckets = stack.scanBuckets;
  const allScanBuckets = [data.bucket.bucketName, ...scanBuckets];
  const worker = stack.queueWorker('Worker', {
    name: name('scanner-worker'),
    containerName: 'scanner-worker',
    app: {
      database: database.urlSecret,
      fingerprintKey,
      roles: ['worker'],
      queue: {
        visibilityTimeoutSeconds: config.queue.visibilityTimeoutSeconds,
        maxReceives: config.queue.maxReceiveCount,
      },
      scanBuckets: allScanBuckets,
    },
    queue: jobs.queue,
    deadLetterQueue: jobs.deadLetterQueue,
    subnets: privateSubnets,
    cpu: config.worker.cpu,
    memoryMiB: config.worker.memoryMiB,
    maxTasks: config.worker.maxTasks,
    messagesPerTask: config.worker.messagesPerTask,
    scaleOutCooldown: Duration.seconds(config.worker.scaleOutCooldownSeconds),
    scaleInCooldown: Duration.seconds(config.worker.scaleInCooldownSeconds),
    enableExecuteCommand: stack.ecsExec,
  });
  const workerTask = worker.worker;
  if (stack.flag('scanOnUpload', true)) {
    const buckets = scanBuckets.map((b) => s3.Bucket.fromBucketName(stack, `Upload-${b}`, b));
    new UploadEvents(stack, 'UploadEvents', {
      queue: jobs.queue,
      deadLetterQueue: jobs.deadLetterQueue,
      buckets: [data.bucket, ...buckets],
    });
  }
  grantBucketObjects(workerTask.taskRole, data.bucket, ['s3:GetObject'], true);
  for (const bucket of scanBuckets) {
    grantBucketObjects(
      workerTask.taskRole,
      s3.Bucket.fromBucketName(stack, `Scan-${bucket}`, bucket),
      ['s3:GetObject'],
      true,
    );
  }

  // -c dashboard=true: the dashboard on CloudFront (a private bucket), calling the API Gateway URL cross-origin.
  const dashboard = stack.flag('dashboard', false)
    ? (() => {
        const bucket = new SecureBucket(stack, 'DashboardBucket', {
          versioned: false,
          serverAccessLogsBucket: accessLogs.bucket,
          removalPolicy: stack.removalPolicy,
        });
        const cdn = new Cdn(stack, 'DashboardCdn', {
          bucket: bucket.bucket,
          spa: true,
          comment: `${name('dashboard')}`,
        });
        return { bucket, cdn, url: `https://${cdn.domainName}` };
      })()
    : undefined;

  const api = new ServerlessApi(stack, 'Api', {
    ...(dashboard ? { corsOrigins: [dashboard.url] } : {}),
    vpc,
    subnets: privateSubnets,
    restApiName: name('api'),
    stageName: env,
    logRetention: config.logRetention,
    routes: [
      { method: 'POST', path: '/scan', handler: 'scan', functionName: name('scan') },
      { method: 'GET', path: '/jobs/{job_id}', handler: 'jobs', functionName: name('jobs') },
      { method: 'GET', path: '/results', handler: 'results', functionName: name('results') },
    ],
    // Every other route of the API (jobs listing, findings, exports, reports, schedules, docs).
    fallback: { handler: 'api', functionName: name('api') },
    app: { databaseUrl: database.urlSecret, queueUrl: jobs.queue.queueUrl, scanBuckets: allScanBuckets },
  });
  // POST /scan/estimate lists the buckets a scan may read; it never reads an object. Only scan sends (its plan message).
  api.functions[name('api')]?.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'ListScanBuckets',
      actions: ['s3:ListBucket'],
      resources: [
        data.bucket.bucketArn,
        ...scanBuckets.map((b) => stack.formatArn({ service: 's3', region: '', account: '', resource: b })),
      ],
    }),
  );
  api.functions[name('scan')]?.addToRolePolicy(
    new iam.PolicyStatement({
      sid: 'SubmitScans',
      actions: ['sqs:SendMessage'],
      resources: [jobs.queue.queueArn],
    }),
  );

  const bastion = new Bastion(stack, 'Bastion', {
    vpc,
    subnets: network.subnets('Public'),
    instanceType: new ec2.InstanceType(config.bastionInstanceType),
    instanceName: name('bastion'),
    sshCidr: stack.option('sshCidr'),
  });
  database.allowFrom(workerTask, api.securityGroup, bastion);
  if (stack.flag('scheduler', false)) {
    // -c scheduler=true: scheduled scans run and notifications go out (one small task for both roles).
    const scheduler = stack.service('Scheduler', {
      name: name('scheduler'),
      containerName: 'scheduler',
      app: {
        database: database.urlSecret,
        fingerprintKey,
        roles: ['scheduler', 'notifier'],
        notifications: {
          channels: stack.notificationChannels({ emailRequired: false, sms: false }),
          publicUrl: stack.publicUrl(dashboard?.url ?? api.api.url),
        },
        queue: { url: jobs.queue.queueUrl },
        scanBuckets: allScanBuckets,
      },
      subnets: privateSubnets,
      cpu: config.scheduler.cpu,
      memoryMiB: config.scheduler.memoryMiB,
      desiredCount: 1,
      enableExecuteCommand: stack.ecsExec,
    });
    scheduler.taskRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'SubmitScheduledScans',
        actions: ['sqs:SendMessage'],
        resources: [jobs.queue.queueArn],
      }),
    );
    database.allowFrom(scheduler);
  }
  stack.output('ApiUrl', api.api.url, 'API Gateway URL of the API (the stage)');
  if (dashboard) {
    new DashboardDeployment(stack, 'Dashboard', {
      bucket: dashboard.bucket.bucket,
      distribution: dashboard.cdn.distribution,
      config: {
        apiBaseUrl: `https://${api.api.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}/${env}`,
      },
    });
    stack.output('DashboardUrl', dashboard.url, 'The dashboard (CloudFront); it calls ApiUrl');
  }
  stack.output('BastionInstanceId', bastion.instance.instanceId, 'aws ssm start-session --target <this id>');
  stack.output('DataBucketName', data.bucket.bucketName, 'Bucket the workers may scan (s3://<name>/...)');
  stack.secretOutputs({ DatabaseUrl: database.urlSecret, FingerprintKey: fingerprintKey });
  stack.adminCommand(workerTask, privateSubnets);

  const observability = stack.observability({ topicName: name('alarms') });
  queueAlarms(observability, jobs.queue, jobs.deadLetterQueue, config.alarms.oldestMessageAgeSeconds);
  taskFailureAlarm(observability, 'Worker', cluster, workerTask.service);
  for (const [fnName, fn] of Object.entries(api.functions)) {
    functionAlarms(observability, fnName.slice(app.length + 1, -(env.length + 1)), fn);
  }
  databaseAlarms(observability, database, {
    rdsCpuPercent: config.alarms.rdsCpuPercent,
    cpuEvaluationPeriods: 3,
    rdsFreeStorageBytes: config.alarms.rdsFreeStorageBytes,
  });
}

/** Profile `data-scanner`: API Gateway + Lambda, SQS with DLQ, Fargate workers 0..max on queue depth, RDS, S3, bastion. */
export const dataScanner: Profile = defineProfile({
  id: 'data-scanner',
  seed: '000_742896974df8c81f.txt',
  description:
    'API Gateway + Lambda (scan, jobs, results), SQS + DLQ, Fargate worker 0..5 on queue depth, RDS, S3, bastion',
  defaultAppName: 'aws-data-scanner',
  config: ({ env, options }) => {
    const base = dataScannerConfig(env);
    const maxTasks = intOption(options, 'maxWorkers', base.worker.maxTasks);
    return { ...base, worker: { ...base.worker, maxTasks } };
  },
  stack: (_config, { env }) => ({
    description: `Data Scanner (data-scanner profile, ${env}): API Gateway + Lambda, SQS, Fargate workers, RDS`,
    naming: (app) => ({
      resource: (component) => dataScannerName(app, component, env),
      secret: (suffix) => `${app}/${env}/${suffix}`,
    }),
  }),
  build,
});
