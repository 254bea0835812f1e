import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { Cache, type CacheProps } from '../../lib/constructs/cache.ts';
import { checkedApp } from '../support/checked-app.ts';

function vpcIn(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Database', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    flowLogs: { all: {} },
  });
}

/** GIVEN a checked app, WHEN a cache is added with `props` and a client is admitted, THEN the template. */
function synth(props: Omit<CacheProps, 'vpc'>): { template: Template; cache: Cache } {
  const stack = new Stack(checkedApp(), 'CacheStack', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  const vpc = vpcIn(stack);
  const client = new ec2.SecurityGroup(stack, 'Client', { vpc });
  const cache = new Cache(stack, 'Cache', { vpc, ...props });
  cache.connections.allowDefaultPortFrom(client);
  return { template: Template.fromStack(stack), cache };
}

describe('Cache: single node (tiger, astro dev)', () => {
  const { template, cache } = synth({ nodeType: 'cache.t3.micro', replicationGroupId: 'tiger-redis' });

  it('is Redis 7.1 with cluster mode disabled and one node', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      Engine: 'redis',
      EngineVersion: '7.1',
      CacheNodeType: 'cache.t3.micro',
      NumCacheClusters: 1,
      NumNodeGroups: Match.absent(),
      ReplicasPerNodeGroup: Match.absent(),
      AutomaticFailoverEnabled: false,
      MultiAZEnabled: false,
      ReplicationGroupId: 'tiger-redis',
      Port: 6379,
      SnapshotRetentionLimit: 0,
    });
    expect(cache.nodeCount).toBe(1);
  });

  it('encrypts at rest and requires TLS and an AUTH token resolved from Secrets Manager', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
      TransitEncryptionMode: 'required',
      AuthToken: {
        'Fn::Join': [
          '',
          Match.arrayWith(['{{resolve:secretsmanager:', { Ref: Match.stringLikeRegexp('^CacheAuthToken') }]),
        ],
      },
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true },
    });
  });

  it('uses a subnet group of the isolated subnets', () => {
    template.hasResourceProperties('AWS::ElastiCache::SubnetGroup', {
      SubnetIds: [
        { Ref: Match.stringLikeRegexp('^VpcDatabaseSubnet1') },
        { Ref: Match.stringLikeRegexp('^VpcDatabaseSubnet2') },
      ],
    });
  });

  it('admits only the client security group on 6379 and sends nothing out', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp',
      FromPort: 6379,
      ToPort: 6379,
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CacheSecurityGroup'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Client'), 'GroupId'] },
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Redis'),
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  it('records why the single node and the standard port are accepted', () => {
    const acknowledged = cache.replicationGroup.node.metadata
      .filter((m) => m.type === 'aws:cdk:acknowledged-rules')
      .flatMap((m) => JSON.stringify(m.data));
    expect(acknowledged.join(' ')).toMatch(/AwsSolutions-AEC4/);
    expect(acknowledged.join(' ')).toMatch(/AwsSolutions-AEC5/);
  });

  it('exposes the primary node CPU metric of the group', () => {
    const metric = cache.metricCpu();
    expect(metric.namespace).toBe('AWS/ElastiCache');
    expect(metric.metricName).toBe('EngineCPUUtilization');
    const stack = Stack.of(cache);
    expect(stack.resolve(metric.dimensions)).toEqual({
      CacheClusterId: {
        'Fn::Join': ['-', [{ Ref: stack.resolve(cache.replicationGroup.logicalId) }, '001']],
      },
    });
    expect(() => cache.metricCpu(2)).toThrow(/node 2 does not exist; use 1..1/);
  });
});

describe('Cache: primary and replica (cheetah, astro prod)', () => {
  const { template, cache } = synth({
    nodeType: 'cache.t3.small',
    replicas: 1,
    snapshotRetentionDays: 1,
    snapshotWindow: '04:00-05:00',
  });

  it('has two nodes with automatic failover and Multi-AZ', () => {
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      CacheNodeType: 'cache.t3.small',
      NumCacheClusters: 2,
      AutomaticFailoverEnabled: true,
      MultiAZEnabled: true,
      SnapshotRetentionLimit: 1,
      SnapshotWindow: '04:00-05:00',
    });
    expect(cache.nodeCount).toBe(2);
  });

  it('does not acknowledge the Multi-AZ rule when it is Multi-AZ', () => {
    const acknowledged = JSON.stringify(cache.replicationGroup.node.metadata);
    expect(acknowledged).not.toMatch(/AwsSolutions-AEC4/);
  });
});

describe('Cache: customer-managed key', () => {
  it('encrypts the data and the token secret with the key', () => {
    const stack = new Stack(checkedApp(), 'KeyStack');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new Cache(stack, 'Cache', {
      vpc: vpcIn(stack),
      encryptionKey: key,
      authTokenSecretName: 'dev/app/redis-auth',
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'dev/app/redis-auth',
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
    });
  });

  it('can keep AWS-managed encryption at rest and encrypt only the token with the key', () => {
    const stack = new Stack(undefined, 'SecretKeyOnly');
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new Cache(stack, 'Cache', { vpc: vpcIn(stack), secretEncryptionKey: key });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', { KmsKeyId: Match.absent() });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
    });
  });
});

describe('Cache: validation', () => {
  it('names every bad value in one error', () => {
    const stack = new Stack(undefined, 'Bad');
    const vpc = vpcIn(stack);
    expect(
      () =>
        new Cache(stack, 'Cache', {
          vpc,
          replicas: 6,
          port: 80,
          snapshotRetentionDays: 40,
          replicationGroupId: 'Bad_Name',
        }),
    ).toThrow(/replicas 6.*port 80.*snapshotRetentionDays 40.*replicationGroupId 'Bad_Name'/);
  });

  it('refuses failover or Multi-AZ without a replica', () => {
    const stack = new Stack(undefined, 'Bad2');
    const vpc = vpcIn(stack);
    expect(() => new Cache(stack, 'A', { vpc, automaticFailover: true })).toThrow(
      /automaticFailover needs at least one replica/,
    );
    expect(() => new Cache(stack, 'B', { vpc, replicas: 1, automaticFailover: false })).toThrow(
      /multiAz needs automaticFailover/,
    );
    expect(() => new Cache(stack, 'C', { vpc, availabilityZones: ['us-east-1a', 'us-east-1b'] })).toThrow(
      /availabilityZones lists 2 zones for 1 nodes/,
    );
  });
});
