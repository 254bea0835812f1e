import { ApiError } from '../api/api-error.ts';

/** Says what failed, in words a user can act on; `notFound` replaces the generic 404 text. */
export function ErrorMessage({ error, notFound }: { error: unknown; notFound?: string }) {
  if (!error) return null;
  let text: string;
  if (error instanceof ApiError && error.status === 404 && notFound) text = notFound;
  else if (error instanceof ApiError)
    text = `${error.message}${error.status ? ` (HTTP ${error.status})` : ''}`;
  else text = error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}
