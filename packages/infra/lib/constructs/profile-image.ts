import { Aspects, type IAspect, Stack } from 'aws-cdk-lib';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import { DockerImageAsset, Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DockerImageName, ECRDeployment } from 'cdk-ecr-deployment';
import { Construct, type IConstruct } from 'constructs';
import { containerImage, type ImageSource, REPO_ROOT } from './container-image.ts';
import { acknowledge } from './nag.ts';

/** Properties of {@link ProfileImage}. */
export interface ProfileImageProps {
  /** The profile's own repository (scan on push, lifecycle). */
  readonly repository: ecr.IRepository;
  /** Where the image comes from. */
  readonly source: ImageSource;
}

/**
 * The container image a profile's services run, always from the profile's own repository when it is
 * built here: `cdk deploy` builds the Dockerfile into CDK's asset repository, a custom resource
 * (cdk-ecr-deployment) copies it into the profile repository under the asset hash, and every ECS
 * service waits for that copy. A `repository` source (`-c imageTag=`) names a tag CI pushed there;
 * a `registry` source any image.
 */
export class ProfileImage extends Construct {
  readonly image: ecs.ContainerImage;
  /** The tag in the profile repository the services run, when the image is built by `cdk deploy`. */
  readonly tag?: string;

  constructor(scope: Construct, id: string, props: ProfileImageProps) {
    super(scope, id);
    if (props.source.kind !== 'asset') {
      this.image = containerImage(props.source, props.repository);
      return;
    }
    const asset = new DockerImageAsset(this, 'Build', {
      directory: props.source.directory ?? REPO_ROOT,
      file: props.source.file ?? 'Dockerfile',
      platform: Platform.LINUX_AMD64,
    });
    this.tag = asset.assetHash;
    // The copy function's role reads CDK's asset repository and writes the profile repository only
    // (the construct's own role would get ECR and S3 actions on every resource).
    const role = new iam.Role(this, 'CopyRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the image built by cdk deploy into the profile repository',
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
      ],
    });
    asset.repository.grantPull(role);
    props.repository.grantPullPush(role);
    acknowledge(role, {
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
        'The copy function writes its logs with the AWS managed basic execution policy.',
      'AwsSolutions-IAM5[Resource::*]': 'ecr:GetAuthorizationToken has no resource-level permissions.',
    });
    const copy = new ECRDeployment(this, 'CopyToRepository', {
      src: new DockerImageName(asset.imageUri),
      dest: new DockerImageName(`${props.repository.repositoryUri}:${this.tag}`),
      role: role.withoutPolicyUpdates(),
    });
    this.image = ecs.ContainerImage.fromEcrRepository(props.repository, this.tag);
    const stack = Stack.of(this);
    Aspects.of(stack).add(new WaitForImage(copy));
    for (const child of stack.node.children) {
      if (child instanceof lambda.Function && child.node.id.startsWith('Custom::CDKECRDeployment')) {
        acknowledge(child, {
          'AwsSolutions-L1': 'cdk-ecr-deployment pins its own runtime (a Go binary on provided.al2023).',
        });
      }
    }
  }
}

/** Makes every ECS service of the stack wait until the image is in the profile repository. */
class WaitForImage implements IAspect {
  constructor(private readonly copy: IConstruct) {}

  visit(node: IConstruct): void {
    if (node instanceof ecs.CfnService) node.node.addDependency(this.copy);
  }
}
