import { request as httpRequest, type Agent } from 'node:http';
import { connect } from 'node:net';

/** What a test reads of an HTTP answer. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * One request with every header under the test's control, Host included (fetch would set its
 * own), to a server on 127.0.0.1.
 */
export function sendRequest(
  port: number,
  {
    method = 'GET',
    path,
    headers = {},
    body,
    agent,
  }: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Uint8Array;
    /** A keep-alive agent, to send several requests on one connection. */
    agent?: Agent;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The body of a chunked response, joined. */
function dechunk(raw: string): string {
  let rest = raw;
  let body = '';
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, eol), 16);
    if (eol < 0 || Number.isNaN(size) || size === 0) return body;
    body += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

/**
 * Writes `text` as it is to a socket (requests Node's client would refuse to send) and reads one
 * response: resolved once it is complete, without waiting for the server to close.
 */
export function sendRaw(port: number, text: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let received = '';
    const finish = () => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return false;
      const head = received.slice(0, end);
      const rest = received.slice(end + 4);
      const header = (name: string) =>
        new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
      const length = header('content-length');
      const chunked = /chunked/i.test(header('transfer-encoding'));
      const complete = chunked
        ? rest.includes('0\r\n\r\n')
        : Buffer.byteLength(rest) >= Number(length || 0);
      if (!complete) return false;
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: header('content-type'),
        body: chunked ? dechunk(rest) : rest,
      });
      socket.destroy();
      return true;
    };
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      received += data;
      finish();
    });
    socket.on('end', () => {
      if (!finish()) reject(new Error(`incomplete response: ${JSON.stringify(received)}`));
    });
    socket.on('error', reject);
  });
}
