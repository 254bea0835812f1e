import { describe, expect, it } from 'vitest';
import { imageSourceFrom } from '../lib/constructs/container-image.ts';
import { findProfile } from '../lib/profiles/index.ts';
import { envName, optionsFromContext } from '../lib/synth-app.ts';

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

  it('defaults to dev and the Dockerfile asset', () => {
    expect(optionsFromContext({ profile: 'data-scanner' })).toMatchObject({
      env: 'dev',
      image: { kind: 'asset' },
    });
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
