import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct (and its children), each with the reason it is
 * accepted. Keys are rule ids, optionally with a finding (`AwsSolutions-IAM5[Resource::*]`).
 */
export function acknowledge(scope: IConstruct, reasons: Readonly<Record<string, string>>): void {
  Validations.of(scope).acknowledge(...Object.entries(reasons).map(([id, reason]) => ({ id, reason })));
}

/** How cdk-nag writes a reference to a construct's CloudFormation resource: `<LogicalId>` or `<LogicalId.Attr>`. */
export function nagRef(construct: IConstruct, attribute?: string): string {
  const resource = construct.node.defaultChild;
  if (!(resource instanceof CfnElement))
    throw new Error(`${construct.node.path} has no CloudFormation resource`);
  const logicalId = Stack.of(construct).resolve(resource.logicalId) as string;
  return attribute ? `<${logicalId}.${attribute}>` : `<${logicalId}>`;
}
