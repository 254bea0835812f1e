/**
 * IAM actions that AWS does not let a policy scope to a resource (the service authorization
 * reference lists no resource type for them), so `Resource: "*"` is the narrowest choice.
 * A statement with resource `*` passes the check only when every action is listed here.
 */
export const RESOURCE_STAR_ALLOWED: Readonly<Record<string, string>> = {
  'ecr:GetAuthorizationToken': 'registry login token; no resource-level permissions',
  'ec2:CreateNetworkInterface': 'Lambda VPC networking; ENIs are created before they have an ARN',
  'ec2:DescribeNetworkInterfaces': 'Describe* actions do not support resource-level permissions',
  'ec2:DeleteNetworkInterface': 'Lambda VPC networking (AWSLambdaVPCAccessExecutionRole grants it on *)',
  'ec2:AssignPrivateIpAddresses': 'Lambda VPC networking (AWSLambdaVPCAccessExecutionRole grants it on *)',
  'ec2:UnassignPrivateIpAddresses': 'Lambda VPC networking (AWSLambdaVPCAccessExecutionRole grants it on *)',
  'ec2:DescribeSecurityGroups': 'Describe* actions do not support resource-level permissions',
  'ec2:DescribeSubnets': 'Describe* actions do not support resource-level permissions',
  'ec2:DescribeVpcs': 'Describe* actions do not support resource-level permissions',
  'ec2:DescribeManagedPrefixLists':
    'Describe* actions do not support resource-level permissions (the CloudFront prefix list lookup)',
  'xray:PutTraceSegments': 'X-Ray trace upload; no resource-level permissions',
  'xray:PutTelemetryRecords': 'X-Ray telemetry; no resource-level permissions',
  'xray:GetSamplingRules': 'X-Ray sampling; no resource-level permissions',
  'xray:GetSamplingTargets': 'X-Ray sampling; no resource-level permissions',
  'cloudwatch:PutMetricData': 'no resource-level permissions (a condition on the namespace narrows it)',
  'ssmmessages:CreateControlChannel': 'ECS Exec / Session Manager channels; no resource-level permissions',
  'ssmmessages:CreateDataChannel': 'ECS Exec / Session Manager channels; no resource-level permissions',
  'ssmmessages:OpenControlChannel': 'ECS Exec / Session Manager channels; no resource-level permissions',
  'ssmmessages:OpenDataChannel': 'ECS Exec / Session Manager channels; no resource-level permissions',
  'logs:DescribeLogGroups': 'listing log groups needs resource * (used by ECS Exec logging)',
  'sns:Publish':
    'SMS to phone numbers (the notifier): AWS has no resource ARN for a phone number, so IAM only accepts "*"; publishing to a topic must name the topic',
  'tag:GetResources': 'the tagging API has no resource-level permissions',
};

/** Whether an action is on the list (exact, case-insensitive). */
export function resourceStarAllowed(action: string): boolean {
  const key = Object.keys(RESOURCE_STAR_ALLOWED).find((k) => k.toLowerCase() === action.toLowerCase());
  return key !== undefined;
}
