import type * as ecr from 'aws-cdk-lib/aws-ecr';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { containerImage, type ImageSource } from './container-image.ts';

/** Properties of {@link ProfileImage}. */
export interface ProfileImageProps {
  /** The profile's own repository. */
  readonly repository: ecr.IRepository;
  /** Where the image comes from. */
  readonly source: ImageSource;
}

/** The container image a profile's services run. */
export class ProfileImage extends Construct {
  readonly image: ecs.ContainerImage;

  constructor(scope: Construct, id: string, props: ProfileImageProps) {
    super(scope, id);
    this.image = containerImage(props.source, props.repository);
  }
}
