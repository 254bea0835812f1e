import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { Keys } from '../../lib/constructs/keys.ts';
import { checkedApp } from '../support/checked-app.ts';

describe('Keys', () => {
  const stack = new Stack(checkedApp(), 'KeysStack');
  new Keys(stack, 'Keys', { alias: 'astro-dev', description: 'astro dev CMK' });
  const template = Template.fromStack(stack);

  it('creates a symmetric key with yearly automatic rotation', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      RotationPeriodInDays: 365,
      PendingWindowInDays: 30,
      Description: 'astro dev CMK',
    });
  });

  it('keeps the key when the stack is deleted', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('adds the alias with the alias/ prefix', () => {
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/astro-dev',
      TargetKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^KeysKey'), 'Arn'] },
    });
  });

  it('honours a custom rotation period, pending window and removal policy', () => {
    const other = new Stack(undefined, 'Custom');
    const keys = new Keys(other, 'Keys', {
      rotationPeriod: Duration.days(90),
      pendingWindow: Duration.days(7),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const t = Template.fromStack(other);
    t.hasResourceProperties('AWS::KMS::Key', { RotationPeriodInDays: 90, PendingWindowInDays: 7 });
    t.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    t.resourceCountIs('AWS::KMS::Alias', 0);
    expect(keys.rotationDays).toBe(90);
  });

  it('rejects every bad value at once, naming each', () => {
    const other = new Stack(undefined, 'Bad');
    expect(
      () =>
        new Keys(other, 'Keys', {
          alias: 'aws/mine',
          rotationPeriod: Duration.days(30),
          pendingWindow: Duration.days(3),
        }),
    ).toThrow(/rotationPeriod 30 days.*pendingWindow 3 days.*reserved 'alias\/aws\/'/);
    expect(() => new Keys(other, 'Keys2', { alias: 'bad alias!' })).toThrow(/alias 'alias\/bad alias!'/);
  });
});
