import { z } from '../lib/zod';

const ApiBaseUrl = z.optional(z.url({ protocol: /^https?$/ }));

let cached: string | undefined;

/**
 * The API's base URL: `VITE_API_BASE_URL` when set (it may carry a path prefix), else this page's
 * own origin. Always absolute, so requests also resolve in Node (Vitest). Checked once; a bad
 * value throws, and the client reports it as an ApiError.
 */
export function apiBaseUrl(): string {
  if (cached !== undefined) return cached;
  const configured: unknown = import.meta.env.VITE_API_BASE_URL || undefined;
  const parsed = ApiBaseUrl.safeParse(configured);
  if (!parsed.success) {
    throw new Error(
      `VITE_API_BASE_URL must be an absolute http(s) URL, got ${JSON.stringify(configured)}.`,
    );
  }
  if (parsed.data === undefined && typeof globalThis.location === 'undefined') {
    throw new Error('No page origin to call the API on: set VITE_API_BASE_URL.');
  }
  cached = (parsed.data ?? globalThis.location.origin).replace(/\/+$/, '');
  return cached;
}
