import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresForTests } from '../src/server/db/postgres-for-tests';
import { queueDefinitions } from '../src/server/directory/directory';
import {
  signInTo,
  startServerProcess,
  type ProcessClient,
  type ServerProcess,
} from '../src/server/testing/server-process';
import { cpuMs, machineCpuMs, postgresCpuMs, spentBetween } from './bench-cpu';
import { claimNext, decide, numberArgument, p50p95 } from './bench-support';

/**
 * "Start reviewing" under load, over HTTP, on PostgreSQL (VERITY_TEST_POSTGRES_URL; a throwaway
 * database, dropped when done): `--claims` "next" claims (default 3,000), `--concurrency` of them
 * in flight (default 32), each followed by the decision on the item it claimed (a dismissal), or
 * by its release with `--release`, so no reviewer reaches the hold limit. Against one server
 * process, then two on the same database side by side (the second started once the first run is
 * done), the claims spread round-robin over the triage queues and over the four demo reviewers.
 * Each claim and each decision is audited in its own request's transaction, as always. Prints
 * claims per second and latencies, and where the machine's CPU went: this load generator, each
 * server process, PostgreSQL's backends for this database and its other processes (from /proc).
 *
 *   npx tsx scripts/bench-server-claims.ts [--items 20000] [--claims 3000] [--concurrency 32]
 *     [--release]
 */

const items = numberArgument('--items', 20_000);
const claims = numberArgument('--claims', 3000);
const concurrency = numberArgument('--concurrency', 32);
const release = process.argv.includes('--release');
const REVIEWERS = ['usr_ana', 'usr_ben', 'usr_sasha', 'usr_mira'];
const TRIAGE = queueDefinitions.filter((q) => q.kind === 'triage').map((q) => q.id);
const WARM_UP = 200;

const postgres = postgresForTests();
if (postgres.skipReason !== null) throw new Error(postgres.skipReason);

interface Run {
  instances: number;
  wallMs: number;
  claimMs: number[];
  thenMs: number[];
  cpu: { generator: number; servers: number[]; backends: number; postgresRest: number };
  machine: { busy: number; total: number };
  load: number;
}

/** Releases `client`'s claim on the item, timed in ms; an answer but 200 throws. */
async function timedRelease(client: ProcessClient, origin: string, itemId: string) {
  const started = performance.now();
  const response = await client.send(origin, 'DELETE', `/api/items/${itemId}/claim`);
  const answer = await response.text();
  if (response.status !== 200) throw new Error(`release of ${itemId}: ${answer}`);
  return performance.now() - started;
}

/** `count` claims over `servers`, `concurrency` at a time, each then decided or released. */
async function claimMany(servers: readonly ServerProcess[], count: number) {
  const clients: ProcessClient[] = [];
  for (const [i, id] of REVIEWERS.entries())
    clients.push(await signInTo(servers[i % servers.length]?.origin ?? '', id));
  const claimMs: number[] = [];
  const thenMs: number[] = [];
  let issued = 0;
  const worker = async (w: number) => {
    const client = clients[w % clients.length];
    // Each reviewer's workers spread over the servers.
    const origin = servers[Math.floor(w / clients.length) % servers.length]?.origin ?? '';
    if (!client) return;
    while (issued < count) {
      const queue = TRIAGE[issued++ % TRIAGE.length] ?? '';
      const { item, ms } = await claimNext(client, origin, queue);
      claimMs.push(ms);
      thenMs.push(
        release
          ? await timedRelease(client, origin, item.id)
          : await decide(client, origin, item, { kind: 'dismiss', reason: 'adult_content' }),
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { claimMs, thenMs };
}

/** A timed run after an untimed warm-up, with each process's CPU over the timed part. */
async function measure(servers: readonly ServerProcess[], databaseName: string): Promise<Run> {
  await claimMany(servers, WARM_UP);
  const load = loadavg()[0] ?? NaN;
  const machine = machineCpuMs();
  const generator = process.cpuUsage();
  const serverCpu = servers.map((s) => cpuMs(s.pid));
  const pg = postgresCpuMs(databaseName);
  const started = performance.now();
  const { claimMs, thenMs } = await claimMany(servers, claims);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(generator);
  const pgAfter = postgresCpuMs(databaseName);
  const machineAfter = machineCpuMs();
  return {
    instances: servers.length,
    wallMs,
    claimMs,
    thenMs,
    cpu: {
      generator: (used.user + used.system) / 1000,
      servers: servers.map((s, i) => cpuMs(s.pid) - (serverCpu[i] ?? 0)),
      backends: spentBetween(pg.mine, pgAfter.mine),
      postgresRest: spentBetween(pg.rest, pgAfter.rest),
    },
    machine: {
      busy: machineAfter.busy - machine.busy,
      total: machineAfter.total - machine.total,
    },
    load,
  };
}

const database = await postgres.open();
const databaseName = new URL(database.url).pathname.slice(1);
const dataDir = mkdtempSync(join(tmpdir(), 'verity-bench-claims-'));
const servers: ServerProcess[] = [];
const runs: Run[] = [];
try {
  const start = () =>
    startServerProcess({
      dataDir,
      databaseUrl: database.url,
      args: ['--items', String(items), '--max-held', String(Math.max(5, concurrency))],
    });
  const started = performance.now();
  servers.push(await start());
  console.log(`seeded ${items} items in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  runs.push(await measure(servers, databaseName));
  servers.push(await start());
  runs.push(await measure(servers, databaseName));
  for (const server of servers) if (server.stderr() !== '') throw new Error(server.stderr());
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const then = release ? 'release' : 'decision';
console.log(
  `\n${claims} "next" claims per run, ${concurrency} in flight, each then a ${then}; PostgreSQL; node ${process.version}`,
);
console.log(
  `| server processes | claims/s | claim p50 | claim p95 | ${then} p95 | load (1 min) | goal |`,
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const run of runs) {
  const claim = p50p95(run.claimMs);
  const perSecond = (claims / run.wallMs) * 1000;
  const goal =
    run.instances === 1
      ? '≥ 500/s'
      : `≥ ${(0.9 * ((claims / (runs[0]?.wallMs ?? 1)) * 1000)).toFixed(0)}/s (one’s − 10 %)`;
  console.log(
    `| ${run.instances} | ${perSecond.toFixed(0)} | ${claim.p50} | ${claim.p95} | ${p50p95(run.thenMs).p95} | ${run.load.toFixed(2)} | ${goal} |`,
  );
}
console.log(
  '\nCPU over each timed run, in CPU-seconds and as a share of the wall time (100 % = one core busy):',
);
console.log(
  '| server processes | wall | machine busy | load generator | server process(es) | PostgreSQL, this database | PostgreSQL, its other processes | everything else |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const run of runs) {
  const share = (cpu: number) =>
    `${(cpu / 1000).toFixed(1)} s (${((cpu / run.wallMs) * 100).toFixed(0)} %)`;
  const { generator, servers: perServer, backends, postgresRest } = run.cpu;
  const known = generator + perServer.reduce((a, b) => a + b, 0) + backends + postgresRest;
  console.log(
    `| ${run.instances} | ${(run.wallMs / 1000).toFixed(1)} s | ${share(run.machine.busy)} of ${((run.machine.total / run.wallMs) * 100).toFixed(0)} % | ${share(generator)} | ${perServer.map(share).join(' + ')} | ${share(backends)} | ${share(postgresRest)} | ${share(run.machine.busy - known)} |`,
  );
}
