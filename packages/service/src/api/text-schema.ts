import { z } from '@hono/zod-openapi';

/** What a field holding NUL is told. */
export const NUL_MESSAGE = 'must not contain NUL (\\u0000) characters';

/**
 * A string free of NUL (`\u0000`), which PostgreSQL text cannot hold: every free-text field, query
 * parameter and header of a request is one, so such input is a 422 naming the field, never a 500.
 */
export const text = () => z.string().refine((value) => !value.includes('\0'), NUL_MESSAGE);
