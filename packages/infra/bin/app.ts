import { App } from 'aws-cdk-lib';
import { APP_CONTEXT, addProfile, optionsFromContext } from '../lib/synth-app.ts';

// The CDK app behind cdk.json: `npx cdk synth|diff|deploy -c profile=<id> -c env=<env>`.
// cdk.json carries APP_CONTEXT too; passing it here keeps `npx tsx bin/app.ts` alike, and -c still overrides.
const app = new App({ context: { ...APP_CONTEXT } });
addProfile(app, optionsFromContext(app.node.getAllContext()));
app.synth();
