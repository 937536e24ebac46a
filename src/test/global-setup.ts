import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Once per run, before any test file: a temporary directory the whole run shares (removed when
 * it ends), where test servers keep the seeded snapshots and media they build once; and the
 * console's test server's data, seeded there, so that no console test waits for it. The unit
 * project's tests open no server: they need none of it.
 */
export default async function setup(project: TestProject) {
  if (project.name === 'unit') return;
  const dir = await mkdtemp(join(tmpdir(), 'verity-test-cache-'));
  process.env.VERITY_TEST_CACHE = dir;
  process.env.VERITY_TEST_STARTED_AT = new Date().toISOString();
  // Imported here: the unit project resolves the test server to src/test/no-backend.ts.
  const { prepareTestServer } = await import('../server/testing/test-server');
  const { consoleTestServer } = await import('./test-backend');
  await prepareTestServer(consoleTestServer);
  return () => rm(dir, { recursive: true, force: true });
}
