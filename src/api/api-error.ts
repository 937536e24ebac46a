/** The one error the API client throws: a failed status, a schema mismatch, or no answer. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when no response arrived (offline, DNS, CORS). */
  readonly status: number;
  /** `network`, `malformed_response`, or the server's error code (`unauthenticated`, `forbidden`, …). */
  readonly code: string;
  /** `METHOD /path` of the request that failed. */
  readonly endpoint: string;
  /** For a schema failure: the path of the offending field, e.g. `queues[0].waiting`. */
  readonly field: string | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    endpoint: string;
    field?: string | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.endpoint = init.endpoint;
    this.field = init.field;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
