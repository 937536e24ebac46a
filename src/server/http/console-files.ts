import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { HttpError, errorResponse } from './responses';

/** The types of the files a console build holds; anything else is sent as bytes. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Built files under `assets/` carry their content's hash in their names: cached for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The file `pathname` names under `root`, or null: decoded strictly (a bad escape or a NUL is a
 * 400), never outside `root`, never a dotfile, never a directory (no index pages).
 */
async function fileAt(root: string, pathname: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'bad_request', 'Bad Request.');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'bad_request', 'Bad Request.');
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return null;
  const path = resolve(root, `.${decoded}`);
  if (!path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  return info?.isFile() ? { path, info } : null;
}

async function sendFile(
  c: Context,
  { path, info }: { path: string; info: { size: number; mtimeMs: number } },
  cacheControl: string,
) {
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
  };
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(await readFile(path), { status: 200, headers });
}

/**
 * Serves the built console from `consoleDir` (GET and HEAD): its files as they are, and every
 * other path as `index.html`, a route of the single-page console. Throws when there is no build.
 */
export function mountConsoleFiles(app: Hono, consoleDir: string) {
  const root = resolve(consoleDir);
  const index = resolve(root, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`No built console in ${root}: run \`npm run build\` first (npm start does).`);
  }
  app.get('*', async (c) => {
    try {
      const pathname = new URL(c.req.url).pathname;
      const file = await fileAt(root, pathname);
      if (file) {
        const cache = pathname.startsWith('/assets/') ? IMMUTABLE : 'public, max-age=0';
        return await sendFile(c, file, cache);
      }
      if (pathname.startsWith('/assets/')) return await c.notFound();
      const indexFile = await fileAt(root, '/index.html');
      if (!indexFile) return await c.notFound();
      return await sendFile(c, indexFile, 'no-cache');
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error);
      throw error;
    }
  });
}
