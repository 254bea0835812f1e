import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Profile, ProfileContext } from './profile.ts';
import { ProfileStack, type ProfileStackProps } from './profile-stack.ts';
import type { SeedDifference } from './seed-differences.ts';

/** What every seed config carries besides its own numbers. */
export interface SeedConfigBase {
  readonly differences: readonly SeedDifference[];
  readonly logRetention: logs.RetentionDays;
}

/** A profile as its metadata, its seed config, its stack's description and what it builds on the stack. */
export interface ProfileDefinition<C extends SeedConfigBase> extends Omit<Profile, 'create'> {
  /** The seed's numbers for this deployment. */
  config(context: ProfileContext): C;
  /** The stack's description, and any name, naming scheme or env name other than the defaults. */
  stack(
    config: C,
    context: ProfileContext,
  ): Omit<ProfileStackProps, 'profile' | 'context' | 'differences' | 'logRetention'>;
  /** Adds the profile's network, data stores and services to its stack. */
  build(stack: ProfileStack, config: C): void;
}

/**
 * A profile of one {@link ProfileStack}: the stack records the config's differences from the seed and
 * keeps service logs for its retention; `build` adds the rest.
 */
export function defineProfile<C extends SeedConfigBase>(definition: ProfileDefinition<C>): Profile {
  const { config, stack, build, ...meta } = definition;
  const profile: Profile = {
    ...meta,
    create: (scope, context) => {
      const seed = config(context);
      const created = new ProfileStack(scope, {
        profile,
        context,
        differences: seed.differences,
        logRetention: seed.logRetention,
        ...stack(seed, context),
      });
      build(created, seed);
      return [created];
    },
  };
  return profile;
}
