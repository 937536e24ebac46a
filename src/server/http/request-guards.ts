import type { IncomingMessage } from 'node:http';
import { HttpError } from './responses';

/**
 * Who the server answers. In demo mode it signs anyone in without a password and lets anyone
 * change its knobs, so it must answer only the machine it runs on (and the names given to
 * `--allow-host`): a page on another site must reach it neither through DNS rebinding (a foreign
 * name resolving to 127.0.0.1, caught by the Host check) nor by a cross-site request (caught by
 * the Origin and Sec-Fetch-Site checks). The checks run on Node's request, before a URL is built
 * from its target and Host.
 */

/** The names a browser on this machine uses for the loopback interface, any port. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/**
 * A Host header (`name`, `name:port`, `[v6]`, `[v6]:port`) as a lower-case name, IPv6 without its
 * brackets, and a port ('' when none); null when it is not one.
 */
export function parseHost(value: string): { name: string; port: string } | null {
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/i.exec(value);
  if (!match) return null;
  return { name: (match[1] ?? match[2] ?? '').toLowerCase(), port: match[3] ?? '' };
}

/** An `--allow-host` value as the name the Host check compares; throws when it is not a name. */
export function allowedHostName(value: string): string {
  const trimmed = value.trim();
  const ipv6 = (trimmed.match(/:/g)?.length ?? 0) >= 2 && !trimmed.startsWith('[');
  const host = parseHost(ipv6 ? `[${trimmed}]` : trimmed);
  if (!host || host.port !== '' || host.name.endsWith('.')) {
    throw new Error(`--allow-host takes a host name or IP address without a port, got ${value}`);
  }
  return host.name;
}

/** The `--allow-host` options (each may list several names, comma separated) as names. */
export const allowedHostNames = (options: readonly string[]) =>
  options
    .flatMap((option) => option.split(','))
    .filter((name) => name.trim() !== '')
    .map(allowedHostName);

const defaultPort = (protocol: string) => (protocol === 'https:' ? '443' : '80');

/** Whether `origin` is the origin the request was sent to: the same host and port as its Host. */
function isOwnOrigin(origin: string, hostHeader: string | undefined): boolean {
  const host = parseHost(hostHeader ?? '');
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed frame, a file) or garbage
  }
  if (!host || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port || defaultPort(url.protocol);
  return name === host.name && port === (host.port || '80');
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isOwnPath(target: string): boolean {
  const base = 'http://verity.invalid';
  try {
    return target.startsWith('/') && new URL(target, base).origin === base;
  } catch {
    return false;
  }
}

/**
 * The checks every request passes first, in order; the refusal of the first that fails, or null.
 * - Host: a loopback name or one of `allowedHosts` (any port); none at all is refused too.
 * - Another site: a state-changing request (any method but GET, HEAD and OPTIONS, on any path)
 *   that a browser says comes from another site (`Sec-Fetch-Site: cross-site`, or an `Origin`
 *   other than the request's own). A request with neither header (curl, scripts) passes.
 * - The target: a plain path on this server, not `//host/…`, `/\host`, `http://…` or one the URL
 *   parser rejects.
 */
export function requestGuard(allowedHosts: readonly string[]) {
  const allowed = new Set([...LOOPBACK_HOSTS, ...allowedHosts.map(allowedHostName)]);
  return (request: IncomingMessage): HttpError | null => {
    const { headers } = request;
    const host = parseHost(headers.host ?? '');
    if (!host || !allowed.has(host.name))
      return new HttpError(
        403,
        'host_not_allowed',
        'This server answers only to 127.0.0.1, localhost, [::1] and the names given to --allow-host.',
      );
    const origin = headers.origin;
    if (
      !SAFE_METHODS.has(request.method ?? '') &&
      (headers['sec-fetch-site'] === 'cross-site' ||
        (origin !== undefined && !isOwnOrigin(origin, headers.host)))
    )
      return new HttpError(
        403,
        'cross_site_request',
        'State-changing requests from another site are refused: the server takes them only from its own pages, or from clients that send no Origin.',
      );
    if (!isOwnPath(request.url ?? ''))
      return new HttpError(400, 'bad_request', 'The request target is not a path on this server.');
    return null;
  };
}
