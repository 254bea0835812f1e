import { describe, expect, it } from 'vitest';
import { useApiHarness } from './harness.ts';

const api = useApiHarness();
const NUL = 'a\u0000b';
const JOB_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** A valid body of every operation that takes one: each string field in turn is given a NUL. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /scan': {
    source: 's3://allowed-bucket/x/',
    name: 'n',
    detectors: ['aws-access-key-id'],
    exclude: ['*.png'],
  },
  'POST /schedules': {
    source: 's3://allowed-bucket/x/',
    name: 'n',
    detectors: ['aws-access-key-id'],
    exclude: ['*.png'],
    cron: '0 2 * * *',
    timezone: 'Europe/Paris',
  },
  'POST /detectors': {
    id: 'custom-acme-key',
    name: 'Acme key',
    pattern: 'acme_[a-z0-9]{16}',
    keywords: ['acme_'],
    validator: 'entropy',
    contextWords: ['acme'],
    allowlist: ['^acme_test'],
  },
  'PATCH /schedules/{schedule_id}': {
    source: 's3://allowed-bucket/x/',
    name: 'n',
    detectors: ['aws-access-key-id'],
    exclude: ['*.png'],
    cron: '0 2 * * *',
    timezone: 'Europe/Paris',
  },
  'POST /watches': {
    source: 's3://allowed-bucket/x/',
    name: 'n',
    detectors: ['aws-access-key-id'],
    exclude: ['*.png'],
  },
  'POST /findings/triage': {
    ids: ['6f1c2a56-0000-4000-8000-000000000000'],
    state: 'false_positive',
    note: 'n',
  },
  'PATCH /findings/{id}': { state: 'false_positive', note: 'n' },
  'POST /baselines': {
    version: 1,
    tool: 'data-scanner',
    fingerprintKeyId: '0123456789abcdef',
    createdAt: '2026-12-07T00:00:00Z',
    entries: [],
  },
  'PUT /settings/notifications': {
    when: 'finished',
    webhook_url: 'https://example.com/hook',
    email_to: 'ops@example.com',
    sms_to: '+14155550100',
  },
};

function resolve(spec: Spec, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  return resolve(spec, spec.components.schemas[schema.$ref.split('/').pop() as string] as JsonSchema);
}

/** A free-text string: not an enum, not a uuid (those refuse NUL already), possibly nullable. */
function isText(spec: Spec, raw: JsonSchema): boolean {
  const schema = resolve(spec, raw);
  if (schema.anyOf) return schema.anyOf.some((s) => isText(spec, s));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('string') && !schema.enum && schema.format !== 'uuid';
}

interface Case {
  name: string;
  method: string;
  url: string;
  json?: unknown;
  field: string;
}

function cases(spec: Spec): Case[] {
  const out: Case[] = [];
  for (const [route, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const operation = `${method.toUpperCase()} ${route}`;
      const url = route.replace(/\{[^}]+\}/g, JOB_ID);
      const params = (op.parameters ?? []).filter((p) => p.in === 'query');
      const base = new URLSearchParams();
      for (const p of params.filter((q) => q.required)) {
        const schema = resolve(spec, p.schema);
        base.set(p.name, schema.format === 'uuid' ? JOB_ID : String(schema.enum?.[0] ?? 'x'));
      }
      for (const p of params.filter((q) => isText(spec, q.schema))) {
        const query = new URLSearchParams(base);
        query.set(p.name, NUL);
        out.push({
          name: `${operation} ?${p.name}`,
          method,
          url: `${url}?${query}`,
          field: `query.${p.name}`,
        });
      }
      const bodySchema = op.requestBody?.content['application/json']?.schema;
      if (!bodySchema) continue;
      const valid = VALID_BODIES[operation];
      if (!valid) throw new Error(`add a valid body of ${operation} to VALID_BODIES`);
      for (const [field, raw] of Object.entries(resolve(spec, bodySchema).properties ?? {})) {
        const schema = resolve(spec, raw);
        if (isText(spec, schema))
          out.push({
            name: `${operation} ${field}`,
            method,
            url,
            json: { ...valid, [field]: NUL },
            field: `body.${field}`,
          });
        else if (schema.type === 'array' && schema.items && isText(spec, schema.items))
          out.push({
            name: `${operation} ${field}[]`,
            method,
            url,
            json: { ...valid, [field]: [NUL] },
            field: `body.${field}.0`,
          });
      }
    }
  }
  return out;
}

describe('NUL characters in requests', () => {
  it('every free-text query parameter and body field holding \\u0000 is a 422 naming it, on every route', async () => {
    const spec = (await (await api().call('/openapi.json', { key: null })).json()) as Spec;
    const all = cases(spec);
    expect(all.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'GET /results ?detector',
        'GET /results ?object',
        'POST /scan name',
        'POST /scan exclude[]',
        'POST /schedules name',
      ]),
    );
    const answers: Record<string, unknown> = {};
    for (const c of all) {
      const res = await api().call(c.url, {
        method: c.method.toUpperCase(),
        ...(c.json ? { json: c.json } : {}),
      });
      const body = (await res.json()) as {
        error?: { code: string; details: { path: string; message: string }[] };
      };
      answers[c.name] = {
        status: res.status,
        code: body.error?.code,
        paths: body.error?.details.map((d) => d.path),
      };
    }
    expect(answers).toEqual(
      Object.fromEntries(
        all.map((c) => [
          c.name,
          {
            status: 422,
            code: c.field === 'body.source' ? 'source_not_allowed' : 'validation_failed',
            paths: expect.arrayContaining([c.field]),
          },
        ]),
      ),
    );
    const { rows } = await api().db.pool.query('SELECT count(*)::int AS n FROM jobs');
    expect(rows[0].n).toBe(0);
  });
});
