import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/** The repository root: the Docker build context of the Data Scanner image. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Where a service's container image comes from.
 * - `asset`: built from the repo-root Dockerfile by `cdk deploy` (synthesis only stages the context).
 * - `registry`: any image URI the deployer names (their own build of Data Scanner or another image).
 * - `repository`: a tag in the profile's own ECR repository (pushed by CI).
 */
export type ImageSource =
  | { readonly kind: 'asset'; readonly directory?: string; readonly file?: string }
  | { readonly kind: 'registry'; readonly uri: string }
  | { readonly kind: 'repository'; readonly tag: string };

/** Parses the `image` / `imageTag` context values into an image source (the Dockerfile asset by default). */
export function imageSourceFrom(values: {
  image?: string | undefined;
  imageTag?: string | undefined;
}): ImageSource {
  if (values.image && values.imageTag) {
    throw new Error('Give either image=<uri> or imageTag=<tag> (a tag in the profile repository), not both');
  }
  if (values.image) return { kind: 'registry', uri: values.image };
  if (values.imageTag) return { kind: 'repository', tag: values.imageTag };
  return { kind: 'asset' };
}

/** Resolves an image source to an ECS container image. `repository` sources need the profile's repository. */
export function containerImage(source: ImageSource, repository?: ecr.IRepository): ecs.ContainerImage {
  switch (source.kind) {
    case 'asset':
      return ecs.ContainerImage.fromAsset(source.directory ?? REPO_ROOT, {
        file: source.file ?? 'Dockerfile',
        platform: Platform.LINUX_AMD64,
      });
    case 'registry':
      return ecs.ContainerImage.fromRegistry(source.uri);
    case 'repository':
      if (!repository) throw new Error('imageTag needs a profile with an ECR repository');
      return ecs.ContainerImage.fromEcrRepository(repository, source.tag);
  }
}
