import { describe, expect, it } from 'vitest';
import { PROFILES } from '../../lib/profiles/index.ts';
import { profileTemplate } from '../support/profile-template.ts';

interface Container {
  Name: string;
  Command?: string[];
  Environment?: { Name: string }[];
  Secrets?: { Name: string }[];
}

/** Containers whose `serve --role` list runs the worker (the only role that makes fingerprints). */
function workerContainers(profile: string): Container[] {
  const env = PROFILES.find((p) => p.id === profile)?.fixedEnv ?? 'dev';
  const resources = profileTemplate(profile, env).findResources('AWS::ECS::TaskDefinition');
  return Object.values(resources)
    .flatMap((r) => (r.Properties?.ContainerDefinitions ?? []) as Container[])
    .filter((c) => {
      const command = c.Command ?? [];
      const roles = command[command.indexOf('--role') + 1] ?? '';
      return command[0] === 'serve' && roles.split(',').some((role) => role === 'worker' || role === 'all');
    });
}

describe('the fingerprint key on AWS', () => {
  it.each(PROFILES.map((p) => p.id))(
    '%s: every container running the worker gets FINGERPRINT_KEY from Secrets Manager, never as plain text',
    (profile) => {
      const containers = workerContainers(profile);
      expect(containers.length).toBeGreaterThan(0);
      for (const c of containers) {
        expect(
          c.Secrets?.map((s) => s.Name),
          c.Name,
        ).toContain('FINGERPRINT_KEY');
        expect(c.Environment?.map((e) => e.Name) ?? [], c.Name).not.toContain('FINGERPRINT_KEY');
      }
    },
  );
});
