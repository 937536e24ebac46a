import { STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../../api/schemas/common';
import { HttpError, errorResponse } from './responses';

/**
 * How the server fails: always with a status and a short, fixed text, never with a stack trace or
 * a file path, whatever the request held.
 */

const reason = (status: number) => STATUS_CODES[status] ?? 'Error';
const codeOf = (status: number) => reason(status).toLowerCase().replace(/\W+/g, '_');

/** An error answered on Node's response, before the app saw the request (the request guards). */
export function sendNodeError(res: ServerResponse, { status, code, message }: HttpError) {
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
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

/** The app's last resort for an error nothing answered: its 4xx, or a 500 logged, not sent. */
export function finalErrorResponse(error: unknown): Response {
  const status = statusOf(error);
  if (status >= 500) console.error(error); // the server's log, never the response
  return errorResponse(new HttpError(status, codeOf(status), `${reason(status)}.`));
}

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
