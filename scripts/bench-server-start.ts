/**
 * `npx tsx scripts/bench-server-start.ts [--items 300] [--later 3] [--console]`: how long the
 * server `npm start` runs (its bundle, built first) takes from its process starting to answering
 * HTTP, on the embedded database (PGlite) in a new temporary data directory: the first start (creating the cluster, migrating, seeding the
 * demo data) and later starts on the same directory. `--console` serves the built console (run
 * `npm run build` first); without it the API only, as the build is not part of a start. CPU is
 * the server process's own (user + system); the machine's load is given, as other processes
 * share its cores.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServerBundle, SERVER_BUNDLE } from '../src/server/start/server-bundle';
import { cpuMs, peakMemoryMb } from './bench-cpu';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '300' },
    later: { type: 'string', default: '3' },
    console: { type: 'boolean', default: false },
  },
});

interface Run {
  wallMs: number;
  cpuMs: number;
  peakMb: number;
  load: number;
}

/** One start: spawned, timed until `GET /api/session` answers 200, then stopped. */
async function start(dataDir: string): Promise<Run> {
  const load = loadavg()[0] ?? NaN;
  const started = performance.now();
  const args = ['--enable-source-maps', SERVER_BUNDLE, '--port', '0', '--items', values.items];
  const child = spawn(process.execPath, values.console ? args : [...args, '--api-only'], {
    env: { ...process.env, VERITY_DEMO: '1', VERITY_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/api/session`).catch(() => null);
    if (response?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const pid = child.pid ?? 0;
  const run = {
    wallMs: performance.now() - started,
    cpuMs: cpuMs(pid),
    peakMb: peakMemoryMb(pid),
    load,
  };
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return run;
}

await buildServerBundle();
const dataDir = mkdtempSync(join(tmpdir(), 'verity-bench-start-'));
const rows: [string, Run][] = [];
try {
  rows.push([
    `first start, ${values.items} demo items (create, migrate, seed)`,
    await start(dataDir),
  ]);
  for (let i = 1; i <= Number(values.later); i++)
    rows.push([`later start ${i} (data kept)`, await start(dataDir)]);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `PGlite (embedded), ${values.console ? 'console and API' : 'API only'}; node ${process.version}`,
);
console.log(
  '| start | to serving (wall) | server CPU | peak memory (RSS) | load average (1 min) | goal |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, run] of rows)
  console.log(
    `| ${name} | ${s(run.wallMs)} | ${s(run.cpuMs)} | ${run.peakMb.toFixed(0)} MB | ${run.load.toFixed(1)} | ${name.startsWith('first') ? '≤ 20 s' : '≤ 5 s'} |`,
  );
