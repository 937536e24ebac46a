import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../db/migrate';
import { migrationProvider } from '../db/migrations/migrations';
import { openDatabase } from '../db/open-database';
import type { MockConfig } from '../demo/knobs';
import type { StartOptions } from './start-options';
import { startServer, type RunningServer } from './start-server';

let emptyCluster: Promise<Blob> | undefined;

/** Names the migrations by their code: a cluster migrated by other code is not reused. */
async function migrationsHash() {
  const migrations = await migrationProvider.getMigrations();
  const code = Object.entries(migrations).map(([name, m]) => `${name}:${m.up.toString()}`);
  return createHash('sha256').update(code.join('\n')).digest('hex').slice(0, 16);
}

/**
 * A migrated, empty PGlite cluster as a tarball. Creating a cluster takes many seconds, so it is
 * made once per machine and per version of the migrations, kept in the system's temporary
 * directory (written whole, then renamed, so two workers never read half of one).
 */
function migratedSnapshot(): Promise<Blob> {
  emptyCluster ??= (async () => {
    const file = join(tmpdir(), `verity-migrated-${await migrationsHash()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const database = await openDatabase({ dataDir: null });
    await migrateToLatest(database.db);
    const blob = await (database.snapshot?.() ?? Promise.reject(new Error('not PGlite')));
    await database.close();
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await blob.arrayBuffer()));
    renameSync(partial, file);
    return blob;
  })();
  return emptyCluster;
}

export interface TestStart {
  /** The data directory: a new temporary one, or the one a previous test start used. */
  dataDir: string;
  running: RunningServer;
  origin: string;
  port: number;
  /** Stops the server; the data directory stays until `remove`. */
  close(): Promise<void>;
  remove(): void;
}

/**
 * The real server on 127.0.0.1 and a free port (unless `port` is given), in demo mode, its data in
 * a temporary directory (never `.verity/`): a new one started from a migrated cluster unless
 * `dataDir` is given (a later start). Tests use it, and so do the scripts that drive a browser
 * against the demo (the e2e server, bench, screenshot).
 */
export async function startTestServer(
  {
    config = {},
    dataDir,
    ...options
  }: Partial<Omit<StartOptions, 'config'>> & {
    config?: Partial<MockConfig>;
    dataDir?: string;
    consoleDir?: string;
  } = {},
  env: NodeJS.ProcessEnv = {},
): Promise<TestStart> {
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), 'verity-server-'));
  const running = await startServer(
    {
      config,
      port: 0,
      host: '127.0.0.1',
      apiOnly: options.consoleDir === undefined,
      allowedHosts: [],
      reset: false,
      ...options,
      ...(dataDir === undefined ? { snapshot: await migratedSnapshot() } : {}),
    },
    { VERITY_DEMO: '1', VERITY_DATA_DIR: directory, VERITY_REVIEW_SECRET: 'test-secret', ...env },
  );
  return {
    dataDir: directory,
    running,
    port: running.port,
    origin: `http://127.0.0.1:${running.port}`,
    close: () => running.close(),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
