import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { Cdn, type CdnProps } from '../../lib/constructs/cdn.ts';
import { checkedApp } from '../support/checked-app.ts';
import { acknowledgeTestFixture } from '../support/fixture-acks.ts';

interface Given {
  readonly region?: string;
  readonly alb?: boolean;
  readonly zone?: boolean;
  readonly props?: Partial<CdnProps>;
}

/** GIVEN a private bucket (and optionally an ALB and a hosted zone), WHEN a Cdn is added, THEN the template. */
function synth(given: Given): { template: Template; cdn: Cdn } {
  const stack = new Stack(checkedApp(), 'CdnStack', {
    env: { account: '111111111111', region: given.region ?? 'us-east-1' },
  });
  const bucket = new s3.Bucket(stack, 'Frontend', {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
  });
  acknowledgeTestFixture(bucket);
  let apiOrigin: CdnProps['apiOrigin'];
  if (given.alb) {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, flowLogs: { all: {} } });
    const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
    loadBalancer.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(404) });
    acknowledgeTestFixture(loadBalancer);
    apiOrigin = { loadBalancer };
  }
  const domain = given.zone
    ? {
        domainNames: ['app.example.com', 'www.example.com'],
        hostedZone: route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
          hostedZoneId: 'Z123456789',
          zoneName: 'example.com',
        }),
      }
    : undefined;
  const cdn = new Cdn(stack, 'Cdn', {
    bucket,
    ...(apiOrigin ? { apiOrigin } : {}),
    ...(domain ? { domain } : {}),
    ...given.props,
  });
  return { template: Template.fromStack(stack), cdn };
}

describe('Cdn: SPA with /api/* to the ALB (astro dev)', () => {
  const { template } = synth({ alb: true, props: { spa: true, cacheTtl: Duration.hours(1) } });

  it('serves the bucket through origin access control and no legacy identity', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  it('uses PriceClass_100, HTTPS and index.html at the root', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        PriceClass: 'PriceClass_100',
        DefaultRootObject: 'index.html',
        Aliases: Match.absent(),
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('caches bucket objects for exactly the TTL (1 hour)', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({ DefaultTTL: 3600, MaxTTL: 3600, MinTTL: 0 }),
    });
  });

  it('sends /api/* to the ALB uncached with every method', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
            ViewerProtocolPolicy: 'https-only',
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Alb'), 'DNSName'] },
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'http-only' }),
          }),
        ]),
      }),
    });
  });

  it('rewrites extension-less paths to index.html in a viewer function', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
      FunctionCode: Match.stringLikeRegexp("request.uri = '/index.html'"),
    });
  });

  it('writes access logs to a private, TLS-only bucket that accepts CloudFront log ACLs', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] },
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      }),
    });
  });
});

describe('Cdn: custom domain (astro prod)', () => {
  const { template, cdn } = synth({ zone: true, props: { cacheTtl: Duration.hours(24) } });

  it('requests a DNS-validated certificate for every name', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'app.example.com',
      SubjectAlternativeNames: ['www.example.com'],
      ValidationMethod: 'DNS',
      DomainValidationOptions: Match.arrayWith([
        { DomainName: 'app.example.com', HostedZoneId: 'Z123456789' },
      ]),
    });
    expect(cdn.certificate).toBeDefined();
  });

  it('answers to the names with TLS 1.2 and SNI', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['app.example.com', 'www.example.com'],
        ViewerCertificate: {
          AcmCertificateArn: Match.anyValue(),
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        },
      }),
    });
  });

  it('adds A and AAAA alias records per name', () => {
    for (const type of ['A', 'AAAA']) {
      for (const name of ['app.example.com.', 'www.example.com.']) {
        template.hasResourceProperties('AWS::Route53::RecordSet', {
          Name: name,
          Type: type,
          HostedZoneId: 'Z123456789',
          AliasTarget: {
            DNSName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^CdnDistribution'), 'DomainName'] },
            HostedZoneId: Match.anyValue(),
          },
        });
      }
    }
  });

  it('caches for 24 hours and has no API behaviour without an ALB', () => {
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({ DefaultTTL: 86400, MaxTTL: 86400 }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.absent(),
        DefaultRootObject: Match.absent(),
      }),
    });
  });
});

describe('Cdn: certificate region', () => {
  it('refuses to create a CloudFront certificate outside us-east-1', () => {
    expect(() => synth({ zone: true, region: 'eu-west-1' })).toThrow(
      /certificate in us-east-1, but this stack is in eu-west-1/,
    );
  });

  it('adds a deploy-time rule when the region is not known at synth', () => {
    const stack = new Stack(undefined, 'Agnostic');
    const bucket = new s3.Bucket(stack, 'B');
    const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Z', {
      hostedZoneId: 'Z1',
      zoneName: 'example.com',
    });
    new Cdn(stack, 'Cdn', { bucket, domain: { domainNames: ['example.com'], hostedZone } });
    const rules = Template.fromStack(stack).toJSON().Rules as Record<string, unknown>;
    expect(JSON.stringify(rules)).toMatch(/"Fn::Equals":\[\{"Ref":"AWS::Region"\},"us-east-1"\]/);
  });
});

describe('Cdn: validation', () => {
  it('names every bad value in one error', () => {
    const stack = new Stack(undefined, 'Bad');
    const bucket = new s3.Bucket(stack, 'B');
    const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Z', {
      hostedZoneId: 'Z1',
      zoneName: 'example.com',
    });
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0 });
    const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc });
    expect(
      () =>
        new Cdn(stack, 'Cdn', {
          bucket,
          cacheTtl: Duration.days(400),
          apiOrigin: { loadBalancer, pathPattern: '/*' },
          domain: { domainNames: [], hostedZone },
        }),
    ).toThrow(/cacheTtl 400 days exceeds one year.*pathPattern '\/\*'.*domainNames is empty/);
  });
});
