import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { REPO_ROOT } from './container-image.ts';

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
 * BucketDeployment: files that are no longer in the build are removed) and invalidates the
 * distribution. When the dashboard is not built, synthesis still succeeds, deploys `config.json`
 * only, and warns how to build it.
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
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 256,
    });
  }
}
