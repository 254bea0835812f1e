import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readContract } from '../scripts/api-types.ts';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: { format?: string } }> }>;
}

/**
 * Checks answers against the service's committed OpenAPI contract (`packages/service/openapi.json`),
 * so a test fixture can only say what the real API can say. Returns the problems, empty when the
 * answer is one the contract allows.
 */
export function contractValidator(): (
  method: string,
  pathname: string,
  status: number,
  contentType: string,
  body: unknown,
) => string[] {
  const contract = readContract() as {
    paths: Record<string, Record<string, Operation>>;
    components: unknown;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('binary', true);
  // The components once, under their own id; each response schema refers into them.
  ajv.addSchema({ $id: 'contract', components: contract.components });
  const intoContract = (schema: object) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/')) as object;
  const routes = Object.keys(contract.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`),
  }));
  // Compiled up front, so a fixture answers as fast on its first request as on its last.
  const compiled = new Map<string, ValidateFunction>();
  for (const [template, item] of Object.entries(contract.paths))
    for (const [method, operation] of Object.entries(item))
      for (const [status, response] of Object.entries(operation.responses ?? {}))
        for (const [media, { schema }] of Object.entries(response.content ?? {}))
          if (schema && schema.format !== 'binary')
            compiled.set(
              `${method.toUpperCase()} ${template} ${status} ${media}`,
              ajv.compile(intoContract(schema)),
            );
  const isError = ajv.compile({ $ref: 'contract#/components/schemas/Error' });
  const errorBody = (body: unknown) =>
    isError(body) ? [] : ['the body is not the contract\'s error body ({"error": {code, message, details}})'];

  return (method, pathname, status, contentType, body) => {
    const route = routes.find((r) => r.pattern.test(pathname));
    const operation = route && contract.paths[route.template]?.[method.toLowerCase()];
    // Any route may be absent from a deployment (its 404) and any request may be refused (401).
    if (!operation)
      return status === 404 || status === 401
        ? errorBody(body)
        : [`${method} ${pathname} is not in the contract`];
    const response = operation.responses?.[String(status)];
    if (!response) {
      return status === 404 || status === 401
        ? errorBody(body)
        : [`${method} ${route.template} never answers ${status}`];
    }
    if (!response.content)
      return body === undefined ? [] : [`${method} ${route.template} ${status} has no body`];
    const type = [contentType, contentType.split(';')[0] ?? ''].find((t) => response.content?.[t]);
    if (!type) return [`${method} ${route.template} ${status} is never ${contentType}`];
    const check = compiled.get(`${method} ${route.template} ${status} ${type}`);
    if (!check || check(body)) return [];
    return (check.errors ?? []).map(
      (e) => `${method} ${route.template} ${status}: ${e.instancePath || '(body)'} ${e.message}`,
    );
  };
}
