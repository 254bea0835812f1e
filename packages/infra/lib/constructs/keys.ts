import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Properties of {@link Keys}. */
export interface KeysProps {
  /**
   * Alias of the key, with or without the `alias/` prefix (e.g. `astro-dev`).
   *
   * @default - no alias
   */
  readonly alias?: string;
  /**
   * Human-readable description stored on the key.
   *
   * @default 'Data Scanner customer-managed key'
   */
  readonly description?: string;
  /**
   * How often AWS KMS rotates the key material (90 to 2560 days).
   *
   * @default Duration.days(365)
   */
  readonly rotationPeriod?: Duration;
  /**
   * Days a deleted key waits before it is destroyed (7 to 30).
   *
   * @default Duration.days(30)
   */
  readonly pendingWindow?: Duration;
  /**
   * What happens to the key when the stack is deleted. Data encrypted with a destroyed key is lost,
   * so the key outlives the stack unless told otherwise.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A symmetric customer-managed KMS key with automatic rotation, for buckets, secrets and logs that
 * must not rely on AWS-managed keys.
 */
export class Keys extends Construct {
  /** The customer-managed key. */
  readonly key: kms.Key;
  /** Days between automatic rotations. */
  readonly rotationDays: number;

  constructor(scope: Construct, id: string, props: KeysProps = {}) {
    super(scope, id);
    const rotationPeriod = props.rotationPeriod ?? Duration.days(365);
    const pendingWindow = props.pendingWindow ?? Duration.days(30);
    const alias = props.alias === undefined ? undefined : normaliseAlias(props.alias);
    validate(rotationPeriod.toDays(), pendingWindow.toDays(), alias);

    this.rotationDays = rotationPeriod.toDays();
    this.key = new kms.Key(this, 'Key', {
      description: props.description ?? 'Data Scanner customer-managed key',
      enableKeyRotation: true,
      rotationPeriod,
      pendingWindow,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      ...(alias === undefined ? {} : { alias }),
    });
  }
}

function normaliseAlias(alias: string): string {
  return alias.startsWith('alias/') ? alias : `alias/${alias}`;
}

function validate(rotationDays: number, pendingDays: number, alias: string | undefined): void {
  const problems: string[] = [];
  if (rotationDays < 90 || rotationDays > 2560) {
    problems.push(`rotationPeriod ${rotationDays} days is outside 90..2560 days`);
  }
  if (pendingDays < 7 || pendingDays > 30) {
    problems.push(`pendingWindow ${pendingDays} days is outside 7..30 days`);
  }
  if (alias !== undefined && !/^alias\/[a-zA-Z0-9/_-]{1,250}$/.test(alias)) {
    problems.push(`alias '${alias}' may only hold letters, digits, '/', '_' and '-'`);
  }
  if (alias?.startsWith('alias/aws/')) {
    problems.push(`alias '${alias}' uses the reserved 'alias/aws/' prefix; choose another name`);
  }
  if (problems.length > 0) throw new Error(`Keys: ${problems.join('; ')}`);
}
