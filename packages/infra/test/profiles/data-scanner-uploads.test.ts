import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { expectCleanReport, profileTemplate } from '../support/profile-template.ts';
import type { CfnJson } from '../support/template-queries.ts';

describe('scan on upload in the data-scanner profile', () => {
  const uploadRules = (t: Template) =>
    Object.values(t.findResources('AWS::Events::Rule')).filter((r) =>
      JSON.stringify(r.Properties.EventPattern ?? {}).includes('Object Created'),
    );

  it('is on by default: the data bucket and every scan bucket reach the scan queue', () => {
    const t = profileTemplate('data-scanner', 'dev', { scanBuckets: 'customer-uploads' });
    const [rule, ...more] = uploadRules(t);
    expect(more).toEqual([]);
    const names = rule?.Properties.EventPattern.detail.bucket.name as CfnJson[];
    expect(names).toHaveLength(2);
    expect(names).toContain('customer-uploads');
    t.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    expectCleanReport('data-scanner', 'dev');
  });

  it('is off with -c scanOnUpload=false, and in the other profiles', () => {
    expect(uploadRules(profileTemplate('data-scanner', 'dev', { scanOnUpload: 'false' }))).toEqual([]);
    expect(uploadRules(profileTemplate('web-service', 'dev'))).toEqual([]);
  });
});
