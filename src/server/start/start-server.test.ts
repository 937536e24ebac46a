import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_VALUE } from '../../api/headers';
import { TEST_POSTGRES_VARIABLE } from '../db/postgres-for-tests';
import { StartRefused } from '../demo/demo-data';
import { readDemoData } from '../demo/knobs';
import { serverBundle } from '../testing/server-process';
import { MISSING_FOR_PRODUCTION } from './production-start';
import { startServer } from './start-server';
import { startTestServer, type TestStart } from './test-start';

// Real starts of the server on their own temporary data directories: no msw/node in this file.

const signIn = async (origin: string, userId: string) => {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({ userId }),
  });
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
};
const whoAmI = async (origin: string, cookie: string) => {
  const response = await fetch(`${origin}/api/session`, { headers: { cookie } });
  return ((await response.json()) as { user: { id: string } | null }).user?.id ?? null;
};
const auditHead = (start: TestStart) =>
  start.running.database.db
    .selectFrom('audit_head')
    .selectAll()
    .executeTakeFirstOrThrow()
    .then(({ seq, hash }) => ({ seq, hash }));

/** When `table` was last vacuumed and analyzed, both (0: not yet). */
const lastVacuumed = async (start: TestStart, table: string) => {
  const { rows } = await sql<{ at: Date | null }>`
    select least(last_vacuum, last_analyze) as at from pg_stat_user_tables
    where relname = ${table}`.execute(start.running.database.db);
  return rows[0]?.at?.getTime() ?? 0;
};

test('a start outside demo mode refuses to run, says what is missing, and exits non-zero', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'verity-server-'));
  const env = { PATH: process.env.PATH ?? '', VERITY_DATA_DIR: dataDir };
  await expect(
    startServer(
      { config: {}, port: 0, host: '127.0.0.1', apiOnly: true, allowedHosts: [], reset: false },
      env,
    ),
  ).rejects.toThrow(StartRefused);
  // The bundle `npm start` runs, through a symbolic link (a path that is not the module's own).
  const linked = join(dataDir, 'main.mjs');
  symlinkSync(resolve(await serverBundle()), linked);
  const child = spawn(process.execPath, [linked, '--api-only'], { env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).not.toBe(0);
  expect(stderr).toContain('single sign-on for people');
  expect(stderr).toContain('a way for scanners to send flags');
  expect(stderr).toContain('VERITY_DEMO=1');
  expect(MISSING_FOR_PRODUCTION).toHaveLength(2);
  // Refused before anything was opened or written.
  expect(existsSync(join(dataDir, 'db'))).toBe(false);
  rmSync(dataDir, { recursive: true });
}, 60_000);

test('the first demo start seeds, a later one keeps everything; another seed needs --reset', async () => {
  const firstStarted = new Date();
  const first = await startTestServer({ config: { items: 20, seed: 3 } });
  expect(first.running.demoData).toBe('seeded');
  await expect
    .poll(() => lastVacuumed(first, 'items'))
    .toBeGreaterThanOrEqual(firstStarted.getTime());
  expect(first.running.context.demoUsers.map((u) => u.id)).toContain('usr_ana');
  const cookie = await signIn(first.origin, 'usr_ana');
  const head = await auditHead(first);
  await first.close();

  const laterStarted = new Date();
  const later = await startTestServer({ dataDir: first.dataDir, config: { latency: 7 } });
  expect(later.running.demoData).toBe('kept');
  // PGlite has no autovacuum: each start vacuums and analyzes itself.
  await expect
    .poll(() => lastVacuumed(later, 'items'))
    .toBeGreaterThanOrEqual(laterStarted.getTime());
  expect(later.running.config).toMatchObject({ seed: 3, items: 20, latency: 7 });
  expect(await whoAmI(later.origin, cookie)).toBe('usr_ana');
  expect(await auditHead(later)).toEqual(head);
  await later.close();

  const refused = startTestServer({ dataDir: first.dataDir, config: { seed: 4, items: 20 } });
  await expect(refused).rejects.toThrow(StartRefused);
  await expect(refused).rejects.toThrow(
    /generated with --seed 3 --items 20; this start asks for --seed 4\. .*--reset/,
  );

  const reset = await startTestServer({
    dataDir: first.dataDir,
    config: { seed: 4, items: 10 },
    reset: true,
  });
  expect(reset.running.demoData).toBe('seeded');
  expect(await readDemoData(reset.running.database.db)).toEqual({
    seed: 4,
    items: 10,
    auditEvents: 0,
  });
  expect(await whoAmI(reset.origin, cookie)).toBeNull();
  expect((await auditHead(reset)).hash).not.toBe(head.hash);
  // A reseed through the knobs vacuums too, before it answers.
  const resetAt = new Date();
  const reseeded = await fetch(`${reset.origin}/__mock/config`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
    body: JSON.stringify({ reset: true }),
  });
  expect(reseeded.status).toBe(200);
  expect(await lastVacuumed(reset, 'items')).toBeGreaterThanOrEqual(resetAt.getTime());
  await reset.close();
  reset.remove();
}, 240_000);

const postgresUrl = process.env[TEST_POSTGRES_VARIABLE];

test.skipIf(!postgresUrl)(
  'on PostgreSQL, two instances starting together seed once, and a knob set on one holds on the other',
  async () => {
    const name = `verity_start_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${name}`;
    const env = { DATABASE_URL: url.toString() };
    try {
      const [a, b] = await Promise.all([
        startTestServer({ config: { items: 20 } }, env),
        startTestServer({ config: { items: 20 } }, env),
      ]);
      expect([a.running.demoData, b.running.demoData].sort()).toEqual(['kept', 'seeded']);
      const set = await fetch(`${a.origin}/__mock/config`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ faults: ['500:/api/session'] }),
      });
      expect(set.status).toBe(200);
      expect((await fetch(`${b.origin}/api/session`)).status).toBe(500);
      for (const start of [a, b]) {
        await start.close();
        start.remove();
      }
    } finally {
      // A connection its closed pool ended may still be leaving: a plain drop waits for it (up
      // to 5 s), where a forced one would cut it off and its pool would report that. Forced
      // only when a server still runs (a test that failed before closing them).
      await admin
        .query(`drop database ${name}`)
        .catch(() => admin.query(`drop database ${name} with (force)`));
      await admin.end();
    }
  },
  120_000,
);
