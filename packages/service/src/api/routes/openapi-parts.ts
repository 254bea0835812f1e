import { ErrorSchema } from '../../views/schemas.ts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request, or a value the API cannot use (see the error code)',
  401: 'Missing or invalid credentials',
  404: 'No such resource for this tenant',
  409: 'The resource is not in a state that allows this',
  413: 'Request body too large',
  415: 'Content-Type must be application/json',
  422: 'Request failed validation',
  429: 'Too many requests: retry after the `Retry-After` seconds',
  503: 'Database unavailable',
};

/** OpenAPI response entries for the shared error body, by status. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorSchema } },
      },
    ]),
  );
}

/** The `security` of every route that needs `Authorization: Bearer <api key | JWT>`. */
export const BEARER = [{ bearerAuth: [] }];

/** An OpenAPI response (or body) of `schema` as `application/json`. */
export const jsonContent = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
