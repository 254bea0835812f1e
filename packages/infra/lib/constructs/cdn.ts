import { Aws, CfnRule, Duration, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

/** A load balancer that CloudFront forwards a path pattern to, uncached. */
export interface CdnApiOrigin {
  /** The load balancer. */
  readonly loadBalancer: elbv2.ILoadBalancerV2;
  /**
   * Paths sent to the load balancer.
   *
   * @default '/api/*'
   */
  readonly pathPattern?: string;
  /**
   * A DNS name that resolves to the load balancer and matches its listener certificate. With one,
   * CloudFront reaches the load balancer over HTTPS; without one it must use HTTP, because the
   * load balancer's own DNS name never matches a certificate.
   *
   * @default - HTTP to the load balancer's DNS name
   */
  readonly domainName?: string;
  /**
   * Headers CloudFront adds to every request to the load balancer (such as the secret origin header
   * of a CloudFront-only load balancer).
   *
   * @default - none
   */
  readonly customHeaders?: Readonly<Record<string, string>>;
}

/** A custom domain for the distribution. */
export interface CdnDomain {
  /** Names the distribution answers to; the first is the certificate's subject. */
  readonly domainNames: string[];
  /** The public hosted zone that holds the names; alias A and AAAA records are added to it. */
  readonly hostedZone: route53.IHostedZone;
  /**
   * A certificate in us-east-1 that covers every name.
   *
   * @default - a DNS-validated ACM certificate (the stack must then deploy to us-east-1)
   */
  readonly certificate?: acm.ICertificate;
}

/** Path prefix of an API path pattern (`/api/*` → `/api`): the base URL a same-origin client calls. */
export function apiPrefixOf(pathPattern: string): string {
  return pathPattern.replace(/\/\*$/, '');
}

/** Properties of {@link Cdn}. */
export interface CdnProps {
  /** The bucket served at the root, through origin access control (it stays private). */
  readonly bucket: s3.IBucket;
  /**
   * Serve a single-page app: `/` and every path without a file extension return `index.html`, so
   * client-side routes work; API paths are untouched.
   *
   * @default false
   */
  readonly spa?: boolean;
  /**
   * How long edge locations keep bucket objects (default and maximum TTL).
   *
   * @default Duration.days(1)
   */
  readonly cacheTtl?: Duration;
  /**
   * Edge locations used.
   *
   * @default cloudfront.PriceClass.PRICE_CLASS_100
   */
  readonly priceClass?: cloudfront.PriceClass;
  /**
   * A load balancer for API paths.
   *
   * @default - the bucket only
   */
  readonly apiOrigin?: CdnApiOrigin;
  /**
   * A custom domain with certificate and alias records.
   *
   * @default - the `*.cloudfront.net` name and its default certificate
   */
  readonly domain?: CdnDomain;
  /**
   * Bucket for CloudFront standard access logs (it needs ACLs enabled).
   *
   * @default - a dedicated, encrypted, TLS-only bucket whose logs expire after 90 days
   */
  readonly logBucket?: s3.IBucket;
  /**
   * A WAF web ACL (global scope) ARN.
   *
   * @default - none
   */
  readonly webAclArn?: string;
  /**
   * Text shown for the distribution in the console.
   *
   * @default - none
   */
  readonly comment?: string;
}

/**
 * A CloudFront distribution that serves a private S3 bucket through origin access control, and
 * optionally sends `/api/*` to a load balancer uncached, on a custom domain with an ACM certificate
 * and Route 53 alias records.
 */
export class Cdn extends Construct {
  /** The distribution. */
  readonly distribution: cloudfront.Distribution;
  /** Cache policy of the bucket behaviour (holds the TTL). */
  readonly cachePolicy: cloudfront.CachePolicy;
  /** Where access logs go. */
  readonly logBucket: s3.IBucket;
  /** The certificate in use, when a domain is set. */
  readonly certificate?: acm.ICertificate;
  /** The `*.cloudfront.net` name. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: CdnProps) {
    super(scope, id);
    const ttl = props.cacheTtl ?? Duration.days(1);
    validate(props, ttl);

    this.cachePolicy = new cloudfront.CachePolicy(this, 'CachePolicy', {
      comment: 'Static files: fixed TTL, no cookies or query strings in the key',
      minTtl: Duration.seconds(0),
      defaultTtl: ttl,
      maxTtl: ttl,
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    this.logBucket = props.logBucket ?? this.createLogBucket();
    this.certificate = props.domain === undefined ? undefined : this.resolveCertificate(props.domain);

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(props.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: this.cachePolicy,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
        ...(props.spa ? { functionAssociations: [this.spaRewrite()] } : {}),
      },
      additionalBehaviors: props.apiOrigin === undefined ? {} : apiBehaviors(props.apiOrigin),
      priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_100,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.spa ? { defaultRootObject: 'index.html' } : {}),
      ...(props.comment === undefined ? {} : { comment: props.comment }),
      ...(props.webAclArn === undefined ? {} : { webAclId: props.webAclArn }),
      ...(props.domain === undefined || this.certificate === undefined
        ? {}
        : { domainNames: props.domain.domainNames, certificate: this.certificate }),
    });
    this.domainName = this.distribution.distributionDomainName;

    acknowledge(this.distribution, {
      'AwsSolutions-CFR1': 'The seeds serve users in every country; no geo restriction is asked for.',
    });
    if (props.webAclArn === undefined) {
      acknowledge(this.distribution, {
        'AwsSolutions-CFR2':
          'The seeds list WAF as optional; a web ACL can be attached with webAclArn. The API behind /api/* ' +
          'authenticates every request and the bucket is read-only through origin access control.',
      });
    }
    if (props.domain === undefined) {
      acknowledge(this.distribution, {
        'AwsSolutions-CFR4':
          'No custom domain was given, so the distribution uses the default *.cloudfront.net certificate, ' +
          'whose policy AWS fixes; give a domain to enforce TLSv1.2_2021.',
      });
    } else {
      this.addAliasRecords(props.domain);
    }
    if (props.apiOrigin !== undefined && props.apiOrigin.domainName === undefined) {
      acknowledge(this.distribution, {
        'AwsSolutions-CFR5':
          'No API domain was given: the load balancer is reached by its AWS DNS name, which no certificate ' +
          'can match, so CloudFront must use HTTP to it; give apiOrigin.domainName to switch to HTTPS.',
      });
    }
  }

  private spaRewrite(): cloudfront.FunctionAssociation {
    const fn = new cloudfront.Function(this, 'SpaRewrite', {
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serve index.html for client-side routes',
    });
    return { function: fn, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST };
  }

  private createLogBucket(): s3.Bucket {
    const bucket = new s3.Bucket(this, 'LogBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(bucket, {
      'AwsSolutions-S1':
        'This bucket receives CloudFront access logs; logging access to the log bucket would recurse.',
    });
    return bucket;
  }

  private resolveCertificate(domain: CdnDomain): acm.ICertificate {
    if (domain.certificate !== undefined) return domain.certificate;
    const region = Stack.of(this).region;
    if (!Token.isUnresolved(region) && region !== 'us-east-1') {
      throw new Error(
        `Cdn: CloudFront needs its certificate in us-east-1, but this stack is in ${region}; ` +
          'create the certificate in a us-east-1 stack and pass it as domain.certificate',
      );
    }
    if (Token.isUnresolved(region)) {
      new CfnRule(this, 'CertificateRegionRule', {
        assertions: [
          {
            assert: Fn.conditionEquals(Aws.REGION, 'us-east-1'),
            assertDescription:
              'The CloudFront certificate is created in this stack, which must therefore deploy to us-east-1',
          },
        ],
      });
    }
    const [subject, ...alternatives] = domain.domainNames;
    return new acm.Certificate(this, 'Certificate', {
      domainName: subject as string,
      subjectAlternativeNames: alternatives,
      validation: acm.CertificateValidation.fromDns(domain.hostedZone),
    });
  }

  private addAliasRecords(domain: CdnDomain): void {
    const target = route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(this.distribution));
    domain.domainNames.forEach((recordName, index) => {
      new route53.ARecord(this, `AliasA${index}`, { zone: domain.hostedZone, recordName, target });
      new route53.AaaaRecord(this, `AliasAaaa${index}`, { zone: domain.hostedZone, recordName, target });
    });
  }
}

function apiBehaviors(api: CdnApiOrigin): Record<string, cloudfront.BehaviorOptions> {
  const headers = api.customHeaders === undefined ? {} : { customHeaders: { ...api.customHeaders } };
  const origin =
    api.domainName === undefined
      ? new origins.LoadBalancerV2Origin(api.loadBalancer, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
          ...headers,
        })
      : new origins.HttpOrigin(api.domainName, {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          ...headers,
        });
  return {
    [api.pathPattern ?? '/api/*']: {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
    },
  };
}

/**
 * Client-side routes (paths without a file extension) are answered with `index.html`. A viewer
 * function is used instead of distribution-wide error responses, which would also turn the API's
 * own 403 and 404 answers into `index.html`.
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

function validate(props: CdnProps, ttl: Duration): void {
  const problems: string[] = [];
  if (ttl.toSeconds() > Duration.days(365).toSeconds()) {
    problems.push(`cacheTtl ${ttl.toHumanString()} exceeds one year`);
  }
  const path = props.apiOrigin?.pathPattern;
  if (path !== undefined && (path === '*' || path === '/*' || path.length === 0)) {
    problems.push(
      `apiOrigin.pathPattern '${path}' would take over the bucket's default behaviour; use e.g. '/api/*'`,
    );
  }
  if (props.domain !== undefined && props.domain.domainNames.length === 0) {
    problems.push('domain.domainNames is empty; name at least one host, e.g. app.example.com');
  }
  if (problems.length > 0) throw new Error(`Cdn: ${problems.join('; ')}`);
}
