import { describe, expect, it } from 'vitest';
import { runRules } from '../../lib/arch/checks/rules.ts';
import { readArchitecture } from '../../lib/arch/model.ts';
import type { CfnTemplate } from '../../lib/arch/template.ts';
import { dataAndEdge } from './fixtures/data-edge.ts';
import { networkAndWorker } from './fixtures/fragments.ts';

const merged: CfnTemplate = { Resources: { ...networkAndWorker.Resources, ...dataAndEdge.Resources } };

function failures(template: CfnTemplate, env = 'dev') {
  return runRules(readArchitecture([{ stackName: 'S', template }]), env)
    .filter((r) => !r.ok)
    .map((r) => `${r.rule} ${r.subject}`);
}

function withAlbOnGroup(template: CfnTemplate): CfnTemplate {
  const res = { ...template.Resources };
  res.Alb = {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: { SecurityGroups: [{ 'Fn::GetAtt': ['AlbSg', 'GroupId'] }] },
  };
  return { Resources: res };
}

describe('project rules', () => {
  it('accepts 80/443 from anywhere on a load balancer group only', () => {
    expect(failures(withAlbOnGroup(merged)).filter((f) => f.startsWith('open-ingress'))).toEqual([]);
    expect(failures(merged).filter((f) => f.startsWith('open-ingress'))).toEqual([
      'open-ingress AlbSg',
      'open-ingress AlbSg',
    ]);
  });

  it('rejects SSH from anywhere', () => {
    const t = withAlbOnGroup(merged);
    const res = { ...t.Resources };
    res.Ssh = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: { 'Fn::GetAtt': ['WorkerSg', 'GroupId'] },
        CidrIp: '0.0.0.0/0',
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
      },
    };
    expect(failures({ Resources: res })).toContain('open-ingress WorkerSg');
  });

  it('flags an unencrypted bucket without a TLS-only policy', () => {
    const f = failures(withAlbOnGroup(merged));
    expect(f).toContain('encryption-at-rest bucket Open');
    expect(f).toContain('tls-only-bucket bucket Open');
    expect(f).not.toContain('tls-only-bucket bucket Logs');
  });

  it('flags resource * for actions that can be scoped, not for those that cannot', () => {
    const f = failures(withAlbOnGroup(merged));
    expect(f.filter((x) => x.startsWith('resource-star'))).toEqual([]);
    const res = { ...merged.Resources };
    res.Wide = {
      Type: 'AWS::IAM::Policy',
      Properties: {
        Roles: [{ Ref: 'FnRole' }],
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: '*' }] },
      },
    };
    expect(failures({ Resources: res })).toEqual(
      expect.arrayContaining([
        'no-action-star role scan-fn-role',
        'resource-star-only-where-needed role scan-fn-role',
      ]),
    );
  });

  it('accepts SMS publishing on * but not SES sending, which can name its identity', () => {
    const withStatement = (action: string) => {
      const res = { ...merged.Resources };
      res.Notify = {
        Type: 'AWS::IAM::Policy',
        Properties: {
          Roles: [{ Ref: 'FnRole' }],
          PolicyDocument: { Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] },
        },
      };
      return failures(withAlbOnGroup({ Resources: res })).filter((f) => f.startsWith('resource-star'));
    };
    expect(withStatement('sns:Publish')).toEqual([]);
    expect(withStatement('ses:SendEmail')).toEqual(['resource-star-only-where-needed role scan-fn-role']);
  });

  it('requires deletion protection and 7-day backups in prod', () => {
    const res = { ...merged.Resources };
    const db = res.Db!;
    res.Db = { ...db, Properties: { ...db.Properties, DeletionProtection: false, BackupRetentionPeriod: 3 } };
    expect(failures({ Resources: res }, 'prod')).toEqual(
      expect.arrayContaining(['deletion-protection-prod database Db', 'backups-7-days database Db']),
    );
    expect(failures({ Resources: res }, 'dev')).not.toContain('deletion-protection-prod database Db');
  });

  it('flags a publicly accessible database', () => {
    const res = { ...merged.Resources };
    const db = res.Db!;
    res.Db = { ...db, Properties: { ...db.Properties, PubliclyAccessible: true } };
    expect(failures({ Resources: res })).toContain('no-public-database database Db');
  });
});
