/** A report change the workflow refuses, with the HTTP status the handler answers. */
export class ReportRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
