import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  Annotations,
  type CfnResource,
  CustomResource,
  DefaultStackSynthesizer,
  Stack,
  Token,
} from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { REPO_ROOT } from './container-image.ts';
import { acknowledge, nagRef } from './nag.ts';
import { nagPartition } from './nag-findings.ts';

/** The dashboard's runtime settings, read by the SPA from `config.json` next to `index.html`. */
export interface DashboardConfig {
  /** Base URL of the API as the browser sees it, e.g. `/api` when CloudFront forwards `/api/*`. */
  readonly apiBaseUrl: string;
}

/** Properties of {@link DashboardDeployment}. */
export interface DashboardDeploymentProps {
  /** The bucket CloudFront serves the dashboard from. */
  readonly bucket: s3.IBucket;
  /** The distribution in front of the bucket; its cache is invalidated on every deploy. */
  readonly distribution: cloudfront.IDistribution;
  /**
   * The built dashboard (Vite's output, with `index.html` at its root).
   * @default - `packages/web/dist` of this repository
   */
  readonly sourceDir?: string;
  /**
   * Written as `config.json`, replacing the build's own.
   * @default { apiBaseUrl: '/api' }
   */
  readonly config?: DashboardConfig;
}

/**
 * Uploads the built dashboard and its `config.json` to the bucket on `cdk deploy` (a
 * BucketDeployment: files that are no longer in the build are removed) and invalidates `/*` of the
 * distribution. When the dashboard is not built, synthesis still succeeds, deploys `config.json`
 * only, and warns how to build it.
 *
 * The distribution is handed to the deployment's custom resource directly (its `DistributionId` and
 * `DistributionPaths` properties) instead of through the `distribution` prop, because that prop also
 * grants `cloudfront:CreateInvalidation` on `*`; the handler role gets it on this distribution only.
 */
export class DashboardDeployment extends Construct {
  /** The deployment custom resource. */
  readonly deployment: s3deploy.BucketDeployment;
  /** Whether the built dashboard was found at synthesis (otherwise only `config.json` deploys). */
  readonly built: boolean;
  /** What `config.json` holds. */
  readonly config: DashboardConfig;

  constructor(scope: Construct, id: string, props: DashboardDeploymentProps) {
    super(scope, id);
    const sourceDir = props.sourceDir ?? path.join(REPO_ROOT, 'packages/web/dist');
    this.config = props.config ?? { apiBaseUrl: '/api' };
    this.built = fs.existsSync(path.join(sourceDir, 'index.html'));
    if (!this.built) {
      Annotations.of(this).addWarningV2(
        'data-scanner:dashboard-not-built',
        `The dashboard is not built (${path.relative(REPO_ROOT, sourceDir) || sourceDir}/index.html is missing): only config.json will be deployed. Run \`npm run build -w @data-scanner/web\` and synthesize again.`,
      );
    }
    this.deployment = new s3deploy.BucketDeployment(this, 'Deployment', {
      destinationBucket: props.bucket,
      sources: [
        // The build's own config.json (local defaults) must not overwrite the deployed one.
        ...(this.built ? [s3deploy.Source.asset(sourceDir, { exclude: ['config.json'] })] : []),
        s3deploy.Source.jsonData('config.json', this.config),
      ],
      memoryLimit: 256,
    });
    const resource = this.deployment.node.children.find((c) => c instanceof CustomResource);
    if (!resource) throw new Error('DashboardDeployment: the BucketDeployment custom resource is missing');
    const cfn = resource.node.defaultChild as CfnResource;
    cfn.addPropertyOverride('DistributionId', props.distribution.distributionId);
    cfn.addPropertyOverride('DistributionPaths', ['/*']);
    const role = this.deployment.handlerRole;
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'InvalidateDashboard',
        actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
        resources: [props.distribution.distributionArn],
      }),
    );
    this.acknowledgeHandler(role, props.bucket);
  }

  /** The findings of CDK's own deployment function, each with what it stands for. */
  private acknowledgeHandler(role: iam.IRole, bucket: s3.IBucket): void {
    const stack = Stack.of(this);
    const qualifier =
      (stack.synthesizer as { bootstrapQualifier?: string }).bootstrapQualifier ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const read =
      'CDK BucketDeployment reads the staged zip of the dashboard and lists the dashboard bucket to prune it';
    const replace =
      'CDK BucketDeployment replaces the dashboard: it deletes files no longer built and aborts failed uploads';
    acknowledge(role, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        "CDK BucketDeployment's function writes its own logs through the AWS managed basic execution policy.",
      'AwsSolutions-IAM5[Action::s3:GetObject*]': `${read}; the action group is CDK's read grant on those two buckets.`,
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': `${read}; the action group is CDK's read grant on those two buckets.`,
      'AwsSolutions-IAM5[Action::s3:List*]': `${read}; the action group is CDK's read grant on those two buckets.`,
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]': `${replace}; on the dashboard bucket only.`,
      'AwsSolutions-IAM5[Action::s3:Abort*]': `${replace}; on the dashboard bucket only.`,
      [`AwsSolutions-IAM5[Resource::${nagRef(bucket, 'Arn')}/*]`]:
        'The dashboard files are the whole content of the dashboard bucket; the deployment owns every key in it.',
      [`AwsSolutions-IAM5[Resource::arn:${nagPartition(stack)}:s3:::cdk-${qualifier}-assets-${account}-${region}/*]`]:
        'CDK stages the dashboard zip under a content-hash key of the bootstrap assets bucket, known only at deploy time.',
    });
    acknowledge(role.node.scope as lambda.Function, {
      'AwsSolutions-L1':
        'CDK BucketDeployment pins the runtime of its own handler (Python with the AWS CLI layer); it runs only during deploys.',
    });
  }
}
