import { CfnResource, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { checkedApp } from '../support/checked-app.ts';

describe('checkedApp: the gate the construct and profile tests synthesize through', () => {
  it('fails synthesis on a CloudFormation validation finding', () => {
    const stack = new Stack(checkedApp(), 'CfnInvalid');
    new CfnResource(stack, 'Bad', {
      type: 'AWS::ElastiCache::ReplicationGroup',
      properties: { ReplicationGroupDescription: 'x', NumCacheClusters: 'many' },
    });
    expect(() => Template.fromStack(stack)).toThrow(/NumCacheClusters: 'many' is not of type 'integer'/);
  });

  it('fails synthesis on an unacknowledged cdk-nag finding', () => {
    const stack = new Stack(checkedApp(), 'NagFinding');
    new s3.Bucket(stack, 'Plain');
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-S10/);
  });
});
