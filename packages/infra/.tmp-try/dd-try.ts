import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { DashboardDeployment } from '../lib/constructs/dashboard-deployment.ts';
const app = new App({ outdir: '/tmp/dd-out', context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new Stack(app, 'S', process.argv[3] ? {} : { env: { account: '123456789012', region: 'us-east-1' } });
const bucket = new s3.Bucket(stack, 'B');
const dist = new cloudfront.Distribution(stack, 'D', { defaultBehavior: { origin: origins.S3BucketOrigin.withOriginAccessControl(bucket) } });
new DashboardDeployment(stack, 'Dash', { bucket, distribution: dist, sourceDir: process.argv[2] });
try { app.synth(); } catch (e) { console.log(String(e).slice(0, 6000)); }
