import { z } from 'zod';

/**
 * zod, configured for the console: the one module that imports zod's runtime, so the configuration
 * below runs before any schema is built (a module's imports run before its body, however the bundle
 * is split into chunks) in the page, in each worker and in the mock server alike.
 *
 * `jitless`: zod compiles object parsers with `new Function` when it may, and finds out whether it
 * may by trying once, when the first object schema is built. The console's Content-Security-Policy
 * forbids eval (`script-src 'self'`), so the try fails, and the browser reports a CSP violation on
 * every page load although zod catches the error. Without the try, parsing is what it already was
 * under that policy.
 */
z.config({ jitless: true });

export { z };
