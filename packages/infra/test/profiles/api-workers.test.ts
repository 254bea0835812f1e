import { describe, expect, it } from 'vitest';
import { profileTemplate } from '../support/profile-template.ts';
import type { CfnJson } from '../support/template-queries.ts';

/** Every task definition whose container runs `serve --role ...` with the API role: family, CPU, roles, API_WORKERS. */
function apiTasks(profile: string, env: string) {
  const definitions = profileTemplate(profile, env).findResources('AWS::ECS::TaskDefinition');
  return Object.values(definitions)
    .map((d: CfnJson) => {
      const container = d.Properties.ContainerDefinitions[0];
      const command: string[] = container.Command ?? [];
      const roles = command[0] === 'serve' ? String(command[2]).split(',') : [];
      const workers = (container.Environment ?? []).find((e: CfnJson) => e.Name === 'API_WORKERS')?.Value;
      return { family: d.Properties.Family, cpu: Number(d.Properties.Cpu), roles, workers };
    })
    .filter((t) => t.roles.includes('api') || t.roles.includes('all'));
}

// GIVEN each profile's API task definition WHEN synthesized THEN API_WORKERS = max(1, floor(cpu / 1024)),
// the API's processes per task (issue 21): one per whole vCPU, written out per profile below.
describe.each([
  ['web-service', 'dev', [{ cpu: 512, workers: '1' }]],
  ['web-service', 'prod', [{ cpu: 512, workers: '1' }]],
  ['tiger', 'dev', [{ cpu: 512, workers: '1' }]],
  ['cheetah', 'staging', [{ cpu: 512, workers: '1' }]],
  ['production', 'prod', [{ cpu: 512, workers: '1' }]],
  ['astro', 'dev', [{ cpu: 256, workers: '1' }]],
  ['astro', 'prod', [{ cpu: 256, workers: '1' }]],
] as const)('%s %s', (profile, env, expected) => {
  it('sets API_WORKERS to max(1, floor(cpu / 1024)) in its API task definition', () => {
    const tasks = apiTasks(profile, env);
    expect(tasks.map(({ cpu, workers }) => ({ cpu, workers }))).toEqual(expected);
    for (const t of tasks) expect(t.workers).toBe(String(Math.max(1, Math.floor(t.cpu / 1024))));
  });
});

describe('data-scanner', () => {
  it('serves its API from Lambda: no task definition runs the API role, so none sets API_WORKERS', () => {
    for (const env of ['dev', 'prod']) expect(apiTasks('data-scanner', env)).toEqual([]);
  });
});
