/** One problem inside an API error body; `field` is the request field it concerns, if any. */
export interface ErrorDetail {
  field?: string;
  message: string;
}

/**
 * An HTTP answer that was not 2xx, parsed from the uniform body
 * `{"error": {"code", "message", "details": [...]}}`. Bodies of any other shape still give a
 * readable message.
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

  /** Builds the error from a failed response; never throws. */
  static async fromResponse(res: Response): Promise<ApiError> {
    const text = await res.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const err = (body as { error?: unknown } | undefined)?.error;
    if (err && typeof err === 'object') {
      const e = err as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        res.status,
        typeof e.code === 'string' ? e.code : `http_${res.status}`,
        typeof e.message === 'string' ? e.message : defaultMessage(res.status),
        Array.isArray(e.details) ? e.details.map(toDetail) : [],
      );
    }
    return new ApiError(res.status, `http_${res.status}`, defaultMessage(res.status));
  }
}

function toDetail(raw: unknown): ErrorDetail {
  if (typeof raw === 'string') return { message: raw };
  const d = (raw ?? {}) as { field?: unknown; path?: unknown; message?: unknown };
  let field: string | undefined;
  if (typeof d.field === 'string') field = d.field;
  else if (Array.isArray(d.path)) field = d.path.map(String).join('.');
  else if (typeof d.path === 'string') field = d.path.replace(/^[/$.]+/, '').replace(/\//g, '.');
  // The API prefixes paths with the request part (`body.source`, `query.limit`).
  field = field?.replace(/^(body|json|query|param|header)\./, '');
  return { field: field || undefined, message: typeof d.message === 'string' ? d.message : 'Invalid value' };
}

function defaultMessage(status: number): string {
  if (status === 401) return 'The API key was not accepted.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return `The server failed (HTTP ${status}).`;
  return `The request failed (HTTP ${status}).`;
}
