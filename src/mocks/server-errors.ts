import type { ErrorRequestHandler, Request, Response } from 'express';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../api/schemas/common';

/**
 * How the demo server fails: always with a status and a short, fixed text, never with a stack
 * trace or a file path, whatever the request held.
 */

const reason = (status: number) => STATUS_CODES[status] ?? 'Error';
const codeOf = (status: number) => reason(status).toLowerCase().replace(/\W+/g, '_');

/** A JSON error in the contract's `ErrorBody` shape. */
export function sendError(res: Response, status: number, code: string, message: string) {
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ error: { code, message } } satisfies ErrorBody);
}

/** The status an error thrown while handling a request stands for: its own 4xx, else 500. */
function statusOf(error: unknown): number {
  if (error instanceof URIError) return 400;
  if (typeof error === 'object' && error !== null) {
    const status: unknown = 'status' in error ? error.status : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) return status;
  }
  return 500;
}

/**
 * The last handler: replaces express's default one, which answers with the error's stack (file
 * paths included) outside production.
 */
export const finalErrorHandler: ErrorRequestHandler = (
  error: unknown,
  _req: Request,
  res: Response,
  next,
) => {
  if (res.headersSent) {
    next(error); // express ends the half-sent response
    return;
  }
  const status = statusOf(error);
  if (status >= 500) console.error(error); // the server's log, never the response
  sendError(res, status, codeOf(status), `${reason(status)}.`);
};

/**
 * Answers a request Node's HTTP parser refused (a NUL or space in the path, a bad header, headers
 * too large…) with a JSON error, as every other refusal.
 */
export function answerClientErrors(server: Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    const body = JSON.stringify({
      error: { code: codeOf(status), message: `${reason(status)}: the request is not valid HTTP.` },
    } satisfies ErrorBody);
    socket.end(
      `HTTP/1.1 ${status} ${reason(status)}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}
