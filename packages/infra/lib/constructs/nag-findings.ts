import { type CfnResource, Stack, Token } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';

/**
 * cdk-nag names each wildcard it finds after the resource as it appears in the template, with
 * intrinsics written `<LogicalId.Attr>` or `<AWS::Region>`. These build those names so a profile can
 * acknowledge exactly the wildcard it means, whatever the stack's account, region or logical ids.
 */

/** The IAM5 finding of `bucket/<prefix>*` (object-level actions on the objects of one bucket under a prefix). */
export function bucketObjectsFinding(bucket: s3.IBucket, prefix = ''): string {
  const stack = Stack.of(bucket);
  const logicalId = stack.resolve((bucket.node.defaultChild as CfnResource).logicalId) as string;
  return `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`;
}

/**
 * The partition as an ARN in the template spells it: literal where the stack's region is known
 * (the pinned feature flags make CDK write `arn:aws:...`), else `<AWS::Partition>`.
 */
export function nagPartition(stack: Stack): string {
  return Token.isUnresolved(stack.partition) ? '<AWS::Partition>' : stack.partition;
}

/** The IAM5 finding of an ARN built with `stack.formatArn` from a service, resource and `*`. */
export function regionalArnFinding(stack: Stack, service: string, resource: string): string {
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  return `AwsSolutions-IAM5[Resource::arn:${nagPartition(stack)}:${service}:${region}:${account}:${resource}]`;
}
