export type { AwsCall, AwsResource } from './aws-call.ts';
export type { ObjectSource, OpenedObject, SourceObject } from './ports/object-source.ts';
export { type AwsCallerName, awsCallsOf, ROLE_AWS_CALLS } from './roles/aws-actions.ts';
export * from './sources/index.ts';
