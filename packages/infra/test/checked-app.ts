import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/**
 * A fresh app whose synthesis (e.g. `Template.fromStack`) fails with the validation report when the
 * cdk-nag AwsSolutions pack or the built-in CloudFormation validation finds an unacknowledged error.
 */
export function checkedApp(): App {
  const app = new App();
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}
