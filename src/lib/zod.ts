import { z } from 'zod/mini';

/**
 * zod, configured for the console: the one module that imports zod's runtime, so the configuration
 * below runs before any schema is built (a module's imports run before its body, however the bundle
 * is split into chunks) in the page, in each worker and in the mock server alike.
 *
 * `zod/mini`: the same parsers as zod's classic API, built from functions rather than methods
 * (`z.optional(s)`, `s.check(z.maxLength(8))`), so the bundle carries only those the contract uses.
 * It leaves error messages to a locale it does not load itself: English is configured here, so a
 * refusal reads as it always has.
 *
 * `jitless`: zod compiles object parsers with `new Function` when it may, and finds out whether it
 * may by trying once, when the first object schema is built. The console's Content-Security-Policy
 * forbids eval (`script-src 'self'`), so the try fails, and the browser reports a CSP violation on
 * every page load although zod catches the error. Without the try, parsing is what it already was
 * under that policy.
 */
z.config(z.locales.en());
z.config({ jitless: true });

export { z };
