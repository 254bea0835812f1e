import { describe, expect, it } from 'vitest';
import { readArchitecture } from '../../lib/arch/model.ts';
import { portRange } from '../../lib/arch/readers/security-groups.ts';
import { dataAndEdge } from './fixtures/data-edge.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

describe('network reader', () => {
  const m = readArchitecture([{ stackName: 'S', template: networkAndWorker }]);

  it('reads the VPC, subnet tiers from CDK tags or routes, AZs and default routes', () => {
    expect(m.network.vpcs).toEqual([expect.objectContaining({ cidr: '10.0.0.0/16', dnsHostnames: true })]);
    const byCidr = Object.fromEntries(m.network.subnets.map((s) => [s.cidr, s]));
    expect(byCidr['10.0.1.0/24']).toMatchObject({
      tier: 'public',
      az: 'AZ 1',
      name: 'public',
      defaultRoute: 'internet gateway',
    });
    expect(byCidr['10.0.10.0/24']).toMatchObject({
      tier: 'private',
      az: 'us-east-1a',
      defaultRoute: 'NAT Nat1',
    });
    expect(byCidr['10.0.20.0/24']).toMatchObject({ tier: 'isolated', defaultRoute: 'none' });
  });

  it('reads NAT gateways with their subnet and gateway endpoints by service', () => {
    expect(m.network.natGateways).toEqual([expect.objectContaining({ subnet: 'PublicSubnet1', az: 'AZ 1' })]);
    expect(m.network.endpoints).toEqual([expect.objectContaining({ service: 's3', type: 'Gateway' })]);
  });
});

describe('security group reader', () => {
  const m = readArchitecture([{ stackName: 'S', template: networkAndWorker }]);

  it('reads inline rules and separate SecurityGroupIngress resources with group sources', () => {
    const rules = m.securityGroups.ingress.map(
      (r) => `${r.source} -> ${r.group}:${portRange(r)}/${r.protocol}`,
    );
    expect(rules).toEqual([
      '0.0.0.0/0 -> AlbSg:443/tcp',
      '0.0.0.0/0 -> AlbSg:80/tcp',
      'WorkerSg -> DbSg:5432/tcp',
    ]);
    expect(m.securityGroups.ingress[2]?.sourceGroup).toBe('WorkerSg');
  });

  it('knows which resources use each group', () => {
    expect(m.securityGroups.groups.find((g) => g.id === 'WorkerSg')?.members).toEqual(['scanner-worker']);
  });
});

describe('compute reader', () => {
  it('reads the service size, capacity providers, container ports and health check', () => {
    const m = readArchitecture([{ stackName: 'S', template: networkAndWorker }]);
    expect(m.compute.services).toEqual([
      expect.objectContaining({
        name: 'scanner-worker',
        cpu: 256,
        memory: 512,
        desiredCount: 0,
        capacity: [{ provider: 'FARGATE_SPOT', weight: 1, base: 0 }],
      }),
    ]);
    expect(m.compute.services[0]?.containers[0]).toMatchObject({
      ports: [8000],
      healthCheck: 'curl -f http://localhost:8000/health (every 30 s)',
    });
    expect(m.compute.clusters[0]?.containerInsights).toBe('enabled');
  });

  it('reads Lambda functions', () => {
    const m = readArchitecture([{ stackName: 'S', template: dataAndEdge }]);
    expect(m.compute.functions).toEqual([
      expect.objectContaining({
        name: 'scan-dev',
        runtime: 'nodejs22.x',
        memory: 512,
        timeout: 30,
        inVpc: true,
        role: 'FnRole',
      }),
    ]);
  });
});

describe('data reader', () => {
  const m = readArchitecture([
    { stackName: 'S', template: { Resources: { ...networkAndWorker.Resources, ...dataAndEdge.Resources } } },
  ]);

  it('reads the database settings', () => {
    expect(m.data.databases[0]).toMatchObject({
      engine: 'postgres',
      version: '15.8',
      instanceClass: 'db.t3.small',
      storageGb: 20,
      maxStorageGb: 100,
      multiAz: true,
      backupDays: 7,
      encrypted: true,
      deletionProtection: true,
    });
  });

  it('counts cache nodes from a replication group', () => {
    expect(m.data.caches[0]).toMatchObject({
      nodeType: 'cache.t3.small',
      nodes: 2,
      failover: true,
      atRest: true,
    });
  });

  it('reads bucket lifecycle, TLS-only policy and public access block', () => {
    const logs = m.data.buckets.find((b) => b.id === 'Logs');
    expect(logs).toMatchObject({
      versioned: true,
      tlsOnly: true,
      publicAccessBlocked: true,
      encryption: 'AES256',
    });
    expect(logs?.lifecycle).toEqual([
      'to STANDARD_IA after 30 days, delete after 90 days',
      'noncurrent versions expire after 30 days',
    ]);
    expect(m.data.buckets.find((b) => b.id === 'Open')).toMatchObject({
      tlsOnly: false,
      publicAccessBlocked: false,
    });
  });

  it('resolves the redrive policy to the dead-letter queue name', () => {
    expect(m.data.queues[0]).toMatchObject({
      name: 'scan-jobs',
      deadLetter: { queue: 'scan-jobs-dlq', maxReceiveCount: 3 },
    });
    expect(m.data.queues[1]?.retentionSeconds).toBe(1209600);
  });
});

describe('edge reader', () => {
  const m = readArchitecture([{ stackName: 'S', template: dataAndEdge }]);

  it('reads listeners with redirect and forward actions', () => {
    expect(m.edge.listeners.map((l) => `${l.port} ${l.action}`)).toEqual([
      '80 redirect to HTTPS:443 (HTTP_301)',
      '443 forward to Tg',
    ]);
    expect(m.edge.targetGroups[0]?.healthCheck).toBe(
      '/healthz, every 30 s, timeout 5 s, healthy 2, unhealthy 3',
    );
  });

  it('reads CloudFront origins and behaviours', () => {
    const d = m.edge.distributions[0];
    expect(d?.priceClass).toBe('PriceClass_100');
    expect(d?.origins.map((o) => o.kind)).toEqual(['S3 via origin access control', 'custom (https-only)']);
    expect(d?.behaviours.map((b) => `${b.path}->${b.origin}`)).toEqual(['/api/*->api', 'default (*)->spa']);
    expect(d?.behaviours[1]?.cache).toBe('SpaCache: TTL default 3600 s, min 0 s, max 3600 s');
  });

  it('reads REST API routes down the resource tree to the Lambda function', () => {
    expect(m.edge.apis[0]?.routes).toEqual([{ method: 'GET', path: '/jobs/{job_id}', target: 'scan-dev' }]);
  });
});

describe('IAM and observability readers', () => {
  const m = readArchitecture([{ stackName: 'S', template: dataAndEdge }]);

  it('attaches policy statements to roles and flags resource *', () => {
    const role = m.iam[0];
    expect(role?.principals).toEqual(['lambda.amazonaws.com']);
    expect(role?.managedPolicies).toEqual(['service-role/AWSLambdaVPCAccessExecutionRole']);
    expect(role?.statements.map((s) => [s.actions.join(','), s.resources.join(','), s.anyResource])).toEqual([
      ['s3:GetObject,s3:PutObject', 'Logs.Arn/*', false],
      ['xray:PutTraceSegments', '*', true],
    ]);
  });

  it('reads log retention and dashboard widget titles', () => {
    expect(m.observability.logGroups).toEqual([
      expect.objectContaining({ name: '/aws/lambda/scan-dev', retentionDays: 7 }),
    ]);
    expect(m.observability.dashboards[0]?.widgets).toEqual(['Request rate', 'CPU']);
  });
});
