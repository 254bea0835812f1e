import { isUuid } from '../uuid.ts';
import { HttpError } from './http-error.ts';

/** Encodes a keyset position as an opaque, URL-safe cursor. */
export function encodeCursor(kind: string, key: unknown): string {
  return Buffer.from(JSON.stringify({ k: kind, v: key }), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` for the same `kind`; `check` narrows the value.
 * Anything else is a client mistake (422), never a server error.
 */
export function decodeCursor<T>(kind: string, cursor: string, check: (v: unknown) => v is T): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const value = (parsed as { k?: unknown; v?: unknown } | undefined)?.v;
  if ((parsed as { k?: unknown } | undefined)?.k !== kind || !check(value)) {
    throw HttpError.validation('Invalid cursor', [
      { path: 'cursor', message: 'not a cursor from this list' },
    ]);
  }
  return value;
}

/** A keyset position of a list ordered by creation: `created_at` with microseconds, and the id. */
export interface CreatedKey {
  createdAt: string;
  id: string;
}

/** `decodeCursor` check of a `CreatedKey` (the jobs and schedules lists). */
export const isCreatedKey = (v: unknown): v is CreatedKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CreatedKey).createdAt === 'string' &&
  !Number.isNaN(Date.parse((v as CreatedKey).createdAt)) &&
  typeof (v as CreatedKey).id === 'string' &&
  isUuid((v as CreatedKey).id);
