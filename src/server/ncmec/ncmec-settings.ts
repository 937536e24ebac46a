import type { NcmecClientOptions } from './ncmec-client';

/** NCMEC's documented hosts of the CyberTipline Reporting API. */
export const NCMEC_TEST_BASE_URL = 'https://exttest.cybertip.org/ispws';
export const NCMEC_PRODUCTION_BASE_URL = 'https://report.cybertip.org/ispws';

const VARIABLES = ['NCMEC_BASE_URL', 'NCMEC_USERNAME', 'NCMEC_PASSWORD'] as const;

/**
 * A call to NCMEC that has not answered in this time is given up as unanswered: well inside a
 * filing job's lease, so no other run takes the job while this one still waits.
 */
export const NCMEC_TIMEOUT_MS = 30_000;

const fetchWithTimeout = (request: Request) =>
  globalThis.fetch(request, { signal: AbortSignal.timeout(NCMEC_TIMEOUT_MS) });

/**
 * How this server reaches NCMEC: a host, the CyberTipline account and the fetch to use; or why it
 * cannot, said so a person can fix it. Filing is refused while it cannot: a report is never sent
 * somewhere nobody chose (the demo's NCMEC included) for want of settings.
 */
export type NcmecAccess =
  ({ kind: 'ready' } & NcmecClientOptions) | { kind: 'unavailable'; message: string };

/**
 * NCMEC's settings from the environment: `NCMEC_BASE_URL` (NCMEC's test host while testing, its
 * production host for real reports), `NCMEC_USERNAME` and `NCMEC_PASSWORD`.
 */
export function ncmecAccessFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  fetch: (request: Request) => Promise<Response> = fetchWithTimeout,
): NcmecAccess {
  const missing = VARIABLES.filter((name) => !env[name]?.trim());
  const baseUrl = env.NCMEC_BASE_URL?.trim() ?? '';
  if (missing.length > 0)
    return {
      kind: 'unavailable',
      message: `Filing with NCMEC is not set up on this server: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. Set NCMEC_BASE_URL to NCMEC's test host (${NCMEC_TEST_BASE_URL}) or its production host (${NCMEC_PRODUCTION_BASE_URL}), and NCMEC_USERNAME and NCMEC_PASSWORD to the CyberTipline account's credentials. Nothing was sent.`,
    };
  if (!/^https:\/\//.test(baseUrl))
    return {
      kind: 'unavailable',
      message: `Filing with NCMEC is not set up on this server: NCMEC_BASE_URL must be an https URL, such as ${NCMEC_TEST_BASE_URL}. Nothing was sent.`,
    };
  return {
    kind: 'ready',
    baseUrl,
    username: env.NCMEC_USERNAME ?? '',
    password: env.NCMEC_PASSWORD ?? '',
    fetch,
  };
}
