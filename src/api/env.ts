import { z } from 'zod';

const ApiBaseUrl = z.url({ protocol: /^https?$/ }).optional();

/**
 * The API origin: `VITE_API_BASE_URL` when set (checked at start-up), else this page's own origin.
 * Always absolute, so requests also resolve in Node (Vitest).
 */
export function apiBaseUrl(): string {
  const parsed = ApiBaseUrl.safeParse(import.meta.env.VITE_API_BASE_URL || undefined);
  if (!parsed.success) {
    throw new Error(
      `VITE_API_BASE_URL must be an absolute http(s) URL, got ${JSON.stringify(import.meta.env.VITE_API_BASE_URL)}`,
    );
  }
  if (parsed.data) return parsed.data;
  if (typeof globalThis.location === 'undefined') {
    throw new Error('No page origin to call the API on: set VITE_API_BASE_URL.');
  }
  return globalThis.location.origin;
}
