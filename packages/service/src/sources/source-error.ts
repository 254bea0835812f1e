/** Stable codes for source failures; `retryable` says whether trying again can help. */
export type SourceErrorCode =
  | 'INVALID_SOURCE'
  | 'OUTSIDE_ROOT'
  | 'NOT_FOUND'
  | 'ACCESS_DENIED'
  | 'READ_ERROR';

/** An error raised by a source with a code and a message that names the offending input. */
export class SourceError extends Error {
  readonly code: SourceErrorCode;
  readonly retryable: boolean;

  constructor(
    code: SourceErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SourceError';
    this.code = code;
    this.retryable = options.retryable ?? code === 'READ_ERROR';
  }
}
