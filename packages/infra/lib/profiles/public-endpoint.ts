import type { Duration } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { apiPrefixOf, Cdn, type CdnDomain } from '../constructs/cdn.ts';
import { CloudFrontOriginGuard } from '../constructs/cloudfront-origin-guard.ts';
import { DashboardDeployment } from '../constructs/dashboard-deployment.ts';
import { PublicLoadBalancer } from '../constructs/public-load-balancer.ts';
import type { ProfileStack } from './profile-stack.ts';

/** The API's own name on a public Route 53 zone: `-c domainName= -c hostedZoneId= -c hostedZoneName=`. */
export interface ApiDomain {
  /** The name clients call, e.g. `scanner.example.org`. */
  readonly domainName: string;
  readonly zone: route53.IHostedZone;
}

/** The API domain from the options, if one is given; all three options or none. */
export function apiDomainFrom(stack: ProfileStack): ApiDomain | undefined {
  const domainName = stack.option('domainName');
  const hostedZoneId = stack.option('hostedZoneId');
  const zoneName = stack.option('hostedZoneName');
  if (!domainName && !hostedZoneId && !zoneName) return undefined;
  if (!domainName || !hostedZoneId || !zoneName) {
    throw new Error(
      `${stack.profileId}: a custom domain needs -c domainName=<api name> -c hostedZoneId=<Route 53 zone id> -c hostedZoneName=<zone name> together`,
    );
  }
  if (domainName !== zoneName && !domainName.endsWith(`.${zoneName}`)) {
    throw new Error(`${stack.profileId}: domainName "${domainName}" is not in hosted zone "${zoneName}"`);
  }
  return {
    domainName,
    zone: route53.HostedZone.fromHostedZoneAttributes(stack, 'HostedZone', { hostedZoneId, zoneName }),
  };
}

/**
 * The certificate of a profile's public load balancer: `-c certificateArn=`, else a DNS-validated ACM
 * certificate for the domain. Without either, synthesis stops unless `-c allowHttp=true`: the API takes
 * Bearer keys and returns findings, which must not cross the internet in clear text.
 */
export function apiCertificateArn(
  stack: ProfileStack,
  domainName: string | undefined,
  zone?: route53.IHostedZone,
): string | undefined {
  const given = stack.option('certificateArn');
  if (given) return given;
  if (domainName && zone) {
    return new acm.Certificate(stack, 'ApiCertificate', {
      domainName,
      validation: acm.CertificateValidation.fromDns(zone),
    }).certificateArn;
  }
  if (stack.flag('allowHttp', false)) return undefined;
  throw new Error(
    `${stack.profileId} serves its API (Bearer API keys, findings) on a public load balancer and would do so over plain HTTP, ` +
      'where keys and findings cross the internet readable. Give -c certificateArn=<ACM certificate ARN in the stack region>, ' +
      'or -c domainName=<api name> -c hostedZoneId=<zone id> -c hostedZoneName=<zone name> to have a DNS-validated certificate and ' +
      'an alias record created; or pass -c allowHttp=true to accept plain HTTP (a throwaway test stack).',
  );
}

/** An alias A record for the load balancer in the domain's zone. */
export function apiAliasRecord(
  stack: ProfileStack,
  domain: ApiDomain,
  loadBalancer: elbv2.ILoadBalancerV2,
): route53.ARecord {
  return new route53.ARecord(stack, 'ApiAlias', {
    zone: domain.zone,
    recordName: domain.domainName,
    target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer)),
  });
}

/**
 * Where CloudFront fronts a profile's load balancer, the guard that lets only CloudFront reach it (the
 * origin-facing prefix list and a secret header), recorded as a difference from the seed's open ALB
 * security group. `-c albFromCloudFrontOnly=false` keeps the seed's rule; `-c cloudFrontPrefixListId=pl-...`
 * names the prefix list instead of looking it up at deploy time.
 */
export function cloudFrontOriginGuard(
  stack: ProfileStack,
  secretName: string,
  encryptionKey?: kms.IKey,
): CloudFrontOriginGuard | undefined {
  if (!stack.flag('albFromCloudFrontOnly', true)) return undefined;
  stack.recordDifference({
    topic: 'ALB security group',
    seed: '80/tcp and 443/tcp from 0.0.0.0/0',
    deployed:
      'The listener port (443 with a certificate, else 80) from the CloudFront origin-facing managed prefix list only, and a listener that answers 403 unless the request carries the secret X-Origin-Verify header CloudFront adds; -c albFromCloudFrontOnly=false deploys the seed rule',
    reason:
      'CloudFront fronts the ALB (dashboard and API under one name); an ALB open to the internet would let anyone bypass CloudFront, its TLS policy and any web ACL',
  });
  const prefixListId = stack.option('cloudFrontPrefixListId');
  return new CloudFrontOriginGuard(stack, 'CloudFrontOriginGuard', {
    secretName,
    ...(encryptionKey ? { encryptionKey } : {}),
    ...(prefixListId ? { prefixListId } : {}),
  });
}

/** A profile's public API: its load balancer, its own domain if one is given, and its URL. */
export interface PublicApi {
  readonly lb: PublicLoadBalancer;
  readonly domain: ApiDomain | undefined;
  /** `https://<domainName>` with a domain, else the load balancer's own URL. */
  readonly url: string;
}

/**
 * The public load balancer `alb` of a profile's API: HTTPS with `-c certificateArn=` or the domain's
 * certificate (see {@link apiCertificateArn}), an alias record in the domain's zone when one is given.
 */
export function publicApi(
  stack: ProfileStack,
  props: { vpc: ec2.IVpc; subnets: ec2.SubnetSelection; cloudFrontOnly?: CloudFrontOriginGuard },
): PublicApi {
  const domain = apiDomainFrom(stack);
  const lb = new PublicLoadBalancer(stack, 'LoadBalancer', {
    ...props,
    loadBalancerName: stack.name('alb'),
    certificateArn: apiCertificateArn(stack, domain?.domainName, domain?.zone),
  });
  if (domain) apiAliasRecord(stack, domain, lb.loadBalancer);
  return { lb, domain, url: domain ? `https://${domain.domainName}` : lb.url };
}

/** Where the dashboard is served from and where CloudFront finds the API. */
export interface DashboardSiteProps {
  /** The bucket the dashboard is deployed to. */
  readonly bucket: s3.IBucket;
  readonly logBucket: s3.IBucket;
  /** The API's load balancer; CloudFront reaches it over HTTPS when it has a certificate and `apiDomainName` is given. */
  readonly lb: PublicLoadBalancer;
  /** The API's path on the site, e.g. `/api/*`; the dashboard calls the API same-origin under it. */
  readonly apiPath: string;
  /** The name on the load balancer's certificate that resolves to it. @default - HTTP to the ALB */
  readonly apiDomainName?: string;
  /** The secret header that lets only CloudFront reach the load balancer. @default - none */
  readonly originGuard?: CloudFrontOriginGuard;
  readonly comment: string;
  /** @default - Cdn's default */
  readonly cacheTtl?: Duration;
  /** @default - the CloudFront name */
  readonly domain?: CdnDomain;
}

/**
 * The dashboard as a single-page app on CloudFront with the API under `apiPath` on the same name
 * (CloudFront forwards the path unchanged and the API accepts the prefix), and its deployment.
 */
export function dashboardSite(stack: ProfileStack, id: string, props: DashboardSiteProps): Cdn {
  const { lb, originGuard } = props;
  const cdn = new Cdn(stack, id, {
    bucket: props.bucket,
    spa: true,
    cacheTtl: props.cacheTtl,
    logBucket: props.logBucket,
    apiOrigin: {
      loadBalancer: lb.loadBalancer,
      pathPattern: props.apiPath,
      domainName: lb.https ? props.apiDomainName : undefined,
      customHeaders: originGuard ? { [originGuard.headerName]: originGuard.headerValue } : undefined,
    },
    domain: props.domain,
    comment: props.comment,
  });
  new DashboardDeployment(stack, 'Dashboard', {
    bucket: props.bucket,
    distribution: cdn.distribution,
    config: { apiBaseUrl: apiPrefixOf(props.apiPath) },
  });
  return cdn;
}
