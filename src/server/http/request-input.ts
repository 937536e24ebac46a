import { HttpError } from './responses';

/**
 * Reading a request's path, query and body without trusting them: a bad percent-encoding, a NUL,
 * a body of the wrong type or over its limit is the caller's error (4xx), never a server one.
 */

/**
 * The raw (still percent-encoded) parameters of `template` (`/api/items/{itemId}`) in `pathname`,
 * or null when it does not match. Literal segments match regardless of case, and one trailing
 * slash is allowed, as the path matcher this replaces did; decoding is left to `decodeParams`, so
 * a bad encoding is answered, not thrown while matching.
 */
export function matchPath(template: string, pathname: string): Record<string, string> | null {
  const want = template.split('/');
  const got = (pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname).split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name !== undefined) {
      if (actual === '') return null;
      params[name] = actual;
    } else if (segment.toLowerCase() !== actual.toLowerCase()) return null;
  }
  return params;
}

/**
 * Why PostgreSQL cannot store `text` as it is, or null: U+0000, or a UTF-16 surrogate without its
 * pair (JSON may escape one, `"\ud800"`; UTF-8 cannot encode it: a JSON column refuses it and a
 * text column would keep U+FFFD in its place).
 */
function unstorable(text: string): string | null {
  if (text.includes('\0')) return 'contains a NUL character';
  // With the `u` flag, a surrogate pair is one code point: only a lone surrogate matches.
  if (/[\uD800-\uDFFF]/u.test(text)) return 'contains a lone UTF-16 surrogate, not a character';
  return null;
}

/** Percent-decodes one URL component strictly: malformed or unstorable input is a 400. */
function decodeComponent(raw: string, field: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'invalid_request', `${field}: not valid percent-encoded UTF-8`, field);
  }
  const why = unstorable(value);
  if (why !== null) throw new HttpError(400, 'invalid_request', `${field}: ${why}`, field);
  return value;
}

export function decodeParams(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, decodeComponent(value, `path.${name}`)]),
  );
}

/** The query as an object (the last of repeated keys wins), decoded strictly. */
export function readQuery(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const pair of url.search.slice(1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawKey, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const key = decodeComponent(rawKey.replace(/\+/g, ' '), 'query');
    query[key] = decodeComponent(rawValue.replace(/\+/g, ' '), `query.${key}`);
  }
  return query;
}

/** Whether a Content-Type names JSON (`application/json`, with any parameters). */
export function isJson(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

const tooLarge = (limit: number) =>
  new HttpError(
    413,
    'payload_too_large',
    `The request body is larger than this operation accepts (${limit} bytes).`,
    'body',
  );

export const unsupportedMediaType = (message = 'Send the request body as application/json.') =>
  new HttpError(415, 'unsupported_media_type', message);

/** Whether the headers announce a body (a length above zero, or a chunked one). */
export function announcesBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return (length !== null && length.trim() !== '0') || request.headers.has('transfer-encoding');
}

/**
 * The body's bytes, at most `limit` of them: a Content-Length above the limit is refused before
 * reading, and the bytes are counted as they arrive, so a body without a length (or with a
 * wrong one) is refused as soon as it passes the limit. The rest is left unread.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.releaseLock();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The first key or string in `value` PostgreSQL cannot store: its path (`body.items.0.note`)
 * and why.
 */
function unstorableAt(value: unknown, path: string): { path: string; why: string } | null {
  if (typeof value === 'string') {
    const why = unstorable(value);
    return why === null ? null : { path, why };
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const why = unstorable(key);
    if (why !== null) return { path, why: `a key ${why}` };
    const found = unstorableAt(child, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * JSON text in UTF-8, parsed; anything else is a 400. So is text holding U+0000 or a lone
 * surrogate anywhere: no field of the contract needs either, and PostgreSQL cannot store them.
 */
export function parseJson(body: Uint8Array): unknown {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not JSON.', 'body');
  }
  const found = unstorableAt(value, 'body');
  if (found !== null)
    throw new HttpError(400, 'invalid_request', `${found.path}: ${found.why}`, found.path);
  return value;
}

/**
 * A state-changing request's JSON body within `limit` bytes: undefined when it sent none. A body
 * that is not `application/json` is a 415, and so is a missing one where `required`.
 */
export async function readJsonBody(
  request: Request,
  { limit, required }: { limit: number; required: boolean },
): Promise<unknown> {
  const json = isJson(request.headers.get('content-type'));
  if (!json && (required || announcesBody(request))) throw unsupportedMediaType();
  // Bodies are read as sent: one compressed (or otherwise encoded) would be parsed as garbage.
  const encoding = request.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity')
    throw unsupportedMediaType(
      `Send the body without Content-Encoding (got ${encoding.slice(0, 40)}).`,
    );
  const body = await readBody(request, limit);
  if (body.length === 0 && !required) return undefined;
  if (!json) throw unsupportedMediaType();
  return parseJson(body);
}
