import { Fn } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { FargateService } from '../constructs/fargate-service.ts';
import { acknowledge } from '../constructs/nag.ts';
import type { ProfileStack } from './profile-stack.ts';

/**
 * Outputs `AdminCommand`: the one command that creates a tenant's first API key on AWS, a one-off
 * Fargate task of `service`'s task definition running `data-scanner keys create --secret` (it
 * migrates the database first), in the service's subnets and security group; the database never
 * opens to the network. The task writes the key into the `FirstApiKey` secret, never into its log;
 * the command waits for the task to stop and prints the secret's value (`{"tenant","prefix","key"}`)
 * to the caller's terminal only.
 */
export function firstApiKeyCommand(
  stack: ProfileStack,
  service: FargateService,
  subnets: ec2.SubnetSelection,
): secretsmanager.Secret {
  const subnetIds = service.service.cluster.vpc.selectSubnets(subnets).subnetIds;
  const firstKey = new secretsmanager.Secret(stack, 'FirstApiKey', {
    description:
      'The API key the AdminCommand output creates (tenant, prefix, key); the task writes it, only the operator reads it',
  });
  acknowledge(firstKey, {
    'AwsSolutions-SMG4':
      'It holds an API key that keys create writes; rotation is keys create and keys revoke.',
  });
  service.taskRole.addToPrincipalPolicy(
    new iam.PolicyStatement({
      sid: 'StoreFirstApiKey',
      actions: ['secretsmanager:PutSecretValue'],
      resources: [firstKey.secretArn],
    }),
  );
  const network = Fn.join('', [
    'awsvpcConfiguration={subnets=[',
    Fn.join(',', subnetIds),
    '],securityGroups=[',
    service.securityGroup.securityGroupId,
    '],assignPublicIp=DISABLED}',
  ]);
  const overrides = Fn.join('', [
    `{"containerOverrides":[{"name":"${service.container.containerName}","command":["keys","create","--tenant","<tenant>","--secret","`,
    firstKey.secretArn,
    '"]}]}',
  ]);
  const cluster = service.service.cluster.clusterName;
  stack.output(
    'AdminCommand',
    Fn.join('', [
      'TASK=$(aws ecs run-task --cluster ',
      cluster,
      ' --task-definition ',
      service.taskDefinition.family,
      " --launch-type FARGATE --network-configuration '",
      network,
      "' --overrides '",
      overrides,
      "' --query 'tasks[0].taskArn' --output text) && aws ecs wait tasks-stopped --cluster ",
      cluster,
      ' --tasks "$TASK" && aws secretsmanager get-secret-value --secret-id ',
      firstKey.secretArn,
      ' --query SecretString --output text',
    ]),
    "Creates a tenant's first API key (replace <tenant>) and prints it from the FirstApiKey secret; it never reaches a log",
  );
  stack.output('FirstApiKeySecretName', firstKey.secretName, 'Secrets Manager secret: the first API key');
  return firstKey;
}
