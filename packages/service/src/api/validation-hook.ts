import type { Hook } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.ts';
import { HttpError } from './http-error.ts';

interface Issue {
  path: PropertyKey[];
  message: string;
}

/** Turns a zod validation failure of any request part into one 422 with a detail per issue. */
export const validationHook: Hook<unknown, ApiEnv, string, undefined> = (result) => {
  if (result.success) return;
  const issues = (result.error as { issues: Issue[] }).issues;
  const where = result.target === 'json' ? 'body' : result.target;
  throw HttpError.validation(
    `Request ${where} is invalid`,
    issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
};
