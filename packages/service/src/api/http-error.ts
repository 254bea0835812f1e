/** Stable error codes clients can branch on. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'job_not_finished'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'source_not_allowed'
  | 'invalid_schedule'
  | 'rate_limited'
  | 'service_unavailable'
  | 'internal';

/** One entry of the `details` array: where the problem is and what it is. */
export interface ErrorDetail {
  path?: string;
  message: string;
}

/**
 * The one HTTP error type. `onError` turns it into
 * `{"error": {"code", "message", "details"}}` with `status`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  static badRequest(message: string, details?: ErrorDetail[]): HttpError {
    return new HttpError(400, 'bad_request', message, details);
  }

  static validation(message: string, details?: ErrorDetail[]): HttpError {
    return new HttpError(422, 'validation_failed', message, details);
  }

  static notFound(message = 'Not found'): HttpError {
    return new HttpError(404, 'not_found', message);
  }

  static unauthorized(message = 'Missing or invalid credentials'): HttpError {
    return new HttpError(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer' });
  }

  static conflict(message: string, details?: ErrorDetail[]): HttpError {
    return new HttpError(409, 'conflict', message, details);
  }
}

/** The JSON body every error response carries. */
export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}
