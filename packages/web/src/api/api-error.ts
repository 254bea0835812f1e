import type { components } from './openapi.ts';

type ErrorBody = components['schemas']['Error'];

/** One problem inside an API error body; `field` is the request field it concerns, if any. */
export interface ErrorDetail {
  field?: string;
  message: string;
}

/**
 * An HTTP answer that was not 2xx, read from the contract's error body
 * `{"error": {"code", "message", "details": [{path?, message}]}}`. A body of another shape (a proxy's
 * HTML page, say) still gives a readable message.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * Messages of the details that concern `field` (its first path segment). A refused source
   * (`source_not_allowed`) without details is still about the `source` field.
   */
  forField(field: string): string[] {
    const msgs = this.details
      .filter((d) => d.field === field || d.field?.split('.')[0] === field)
      .map((d) => d.message);
    if (msgs.length === 0 && field === 'source' && this.code === 'source_not_allowed') return [this.message];
    return msgs;
  }

  /** Builds the error from a failed answer's status and parsed body; never throws. */
  static fromBody(status: number, body: unknown): ApiError {
    const err = (body as Partial<ErrorBody> | undefined)?.error;
    if (!err || typeof err !== 'object' || typeof err.message !== 'string') {
      return new ApiError(status, `http_${status}`, defaultMessage(status));
    }
    return new ApiError(
      status,
      err.code,
      err.message,
      (err.details ?? []).map((d) => ({
        // The API prefixes paths with the request part (`body.source`, `query.limit`).
        field: d.path?.replace(/^(body|query|param|header)\./, '') || undefined,
        message: d.message,
      })),
    );
  }
}

function defaultMessage(status: number): string {
  if (status === 401) return 'The API key was not accepted.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return `The server failed (HTTP ${status}).`;
  return `The request failed (HTTP ${status}).`;
}
