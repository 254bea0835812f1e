import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges findings on resources that a construct test builds only as inputs (a bare bucket or
 * load balancer), so the test checks the construct under test and nothing else.
 */
export function acknowledgeTestFixture(scope: IConstruct): void {
  Validations.of(scope).acknowledge(
    { id: 'AwsSolutions-S1', reason: 'Test fixture: bucket access logging is not under test.' },
    { id: 'AwsSolutions-ELB2', reason: 'Test fixture: load balancer access logging is not under test.' },
    {
      id: 'AwsSolutions-EC23',
      reason: 'Test fixture: an internet-facing load balancer admits the internet.',
    },
  );
}
