import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestServer } from '../server/testing/test-server';
import { consoleTestServer } from './test-backend';

/**
 * Once per run, before any test file: a temporary directory the whole run shares (removed when
 * it ends), where test servers keep the seeded snapshots and media they build once; and the
 * console's test server's data, seeded there, so that no console test waits for it.
 */
export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'verity-test-cache-'));
  process.env.VERITY_TEST_CACHE = dir;
  process.env.VERITY_TEST_STARTED_AT = new Date().toISOString();
  await prepareTestServer(consoleTestServer);
  return () => rm(dir, { recursive: true, force: true });
}
