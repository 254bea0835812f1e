import { App } from 'aws-cdk-lib';
import { addProfile, optionsFromContext } from '../lib/synth-app.ts';

// The CDK app behind cdk.json: `npx cdk synth|diff|deploy -c profile=<id> -c env=<env>`.
const app = new App();
addProfile(app, optionsFromContext(app.node.getAllContext()));
app.synth();
