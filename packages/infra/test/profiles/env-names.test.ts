import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../../service/src/env-names.ts';
import { PROFILES } from '../../lib/profiles/index.ts';
import { profileTemplate } from '../support/profile-template.ts';
import type { CfnJson } from '../support/template-queries.ts';

/** What reads the variables: the service, and the Lambda runtime shim bundled with its handlers. */
const READERS = [
  path.resolve(import.meta.dirname, '../../../service/src'),
  path.resolve(import.meta.dirname, '../../lib/runtime'),
];

/** Every `.ts` file under `dir` but the constant itself. */
function serviceSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return serviceSources(file);
    return entry.name.endsWith('.ts') && entry.name !== 'env-names.ts' ? [file] : [];
  });
}

/** Variables a template may set that the service does not read: the Node.js runtime's and the seeds' own. */
const NOT_THE_SERVICES = new Set(['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'BACKUP_BUCKET', 'SES_CONFIG']);

/** The variable names of every container and function of a template, plain and secret. */
function variableNames(resources: Record<string, CfnJson>): string[] {
  const names: string[] = [];
  for (const resource of Object.values(resources)) {
    if (resource.Type === 'AWS::ECS::TaskDefinition') {
      for (const container of resource.Properties.ContainerDefinitions) {
        for (const e of [...(container.Environment ?? []), ...(container.Secrets ?? [])]) names.push(e.Name);
      }
    }
    // The API's functions; CDK's own custom-resource functions (AWS_CA_BUNDLE...) run no service code.
    const variables = Object.keys(resource.Properties.Environment?.Variables ?? {});
    if (resource.Type === 'AWS::Lambda::Function' && variables.includes(ENV_NAMES.databaseUrlSecretArn)) {
      names.push(...variables);
    }
  }
  return names;
}

describe("the service's environment variable names (service/src/env-names.ts)", () => {
  const sources = READERS.flatMap(serviceSources).map((f) => fs.readFileSync(f, 'utf8'));

  it.each(Object.entries(ENV_NAMES))(
    '%s (%s) is read by the service or its Lambda runtime under that name',
    (_key, name) => {
      const read = new RegExp(`\\benv\\.${name}\\b|['"\`]${name}['"\`]`);
      expect(sources.some((source) => read.test(source))).toBe(true);
    },
  );

  // data-scanner with its scheduler, so its ECS service with every setting is included too.
  it.each(PROFILES.map((p) => [p.id, p.fixedEnv ?? 'dev'] as const))(
    '%s (%s) sets no variable outside the constant but the runtime and seed ones',
    (id, env) => {
      const known = new Set<string>(Object.values(ENV_NAMES));
      const options: Record<string, string> = id === 'data-scanner' ? { scheduler: 'true' } : {};
      const names = variableNames(profileTemplate(id, env, options).toJSON().Resources);
      expect(names.length).toBeGreaterThan(0);
      expect([...new Set(names)].filter((n) => !known.has(n) && !NOT_THE_SERVICES.has(n))).toEqual([]);
    },
  );
});
