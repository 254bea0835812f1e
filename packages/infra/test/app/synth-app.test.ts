import { describe, expect, it } from 'vitest';
import { imageSourceFrom } from '../../lib/constructs/container-image.ts';
import { findProfile } from '../../lib/profiles/index.ts';
import { envName, optionsFromContext, profileEnv } from '../../lib/synth-app.ts';

describe('optionsFromContext (cdk -c values)', () => {
  it('reads profile, env, app name and image, and passes every other plain value as a profile option', () => {
    const options = optionsFromContext({
      profile: 'web-service',
      env: 'prod',
      appName: 'acme',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/acme:7',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      maxWorkers: 10,
      'aws:cdk:enable-path-metadata': true,
      '@aws-cdk/core:newStyleStackSynthesis': true,
    });
    expect(options).toEqual({
      profile: 'web-service',
      env: 'prod',
      appName: 'acme',
      image: { kind: 'registry', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/acme:7' },
      options: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', maxWorkers: '10' },
      nag: true,
    });
  });

  it('leaves the env to the profile (dev, or its fixed env) and defaults to the Dockerfile asset', () => {
    const options = optionsFromContext({ profile: 'data-scanner' });
    expect(options.env).toBeUndefined();
    expect(options.image).toEqual({ kind: 'asset' });
    expect(profileEnv(findProfile('data-scanner'), undefined)).toBe('dev');
    expect(profileEnv(findProfile('tiger'), undefined)).toBe('dev');
    expect(profileEnv(findProfile('cheetah'), undefined)).toBe('staging');
  });

  it('refuses another env for a profile with a fixed environment, naming the valid one', () => {
    expect(() => profileEnv(findProfile('cheetah'), 'prod')).toThrow(
      /cheetah always deploys its staging configuration[\s\S]*env=staging/,
    );
    expect(() => profileEnv(findProfile('production'), 'dev')).toThrow(/env=prod/);
    expect(profileEnv(findProfile('production'), 'prod')).toBe('prod');
  });

  it('says what is missing or contradictory', () => {
    expect(() => optionsFromContext({ env: 'dev' })).toThrow(/pass -c profile=<id>/);
    expect(() => imageSourceFrom({ image: 'x', imageTag: 'y' })).toThrow(
      /either image=<uri> or imageTag=<tag>/,
    );
    expect(() => envName('qa')).toThrow(/Unknown env "qa": choose one of dev, staging, prod/);
    expect(() => findProfile('nope')).toThrow(
      /Unknown profile "nope": choose one of data-scanner, web-service/,
    );
  });

  it('takes a tag in the profile repository', () => {
    expect(imageSourceFrom({ imageTag: 'v1.2.3' })).toEqual({ kind: 'repository', tag: 'v1.2.3' });
  });
});
