/**
 * The Verity server: `npm start` (demo mode; the console and this server's bundle,
 * `dist-server/main.mjs`, built first). `npm start -- --seed 7 --items 300 --latency 200 --port
 * 4318`, and the other options of `parseStartOptions` (start/start-options.ts). Outside demo mode (`VERITY_DEMO=1`) it refuses
 * to start, saying what a real deployment still lacks.
 */
import { parseStartOptions } from './start/start-options';
import { startServer } from './start/start-server';

async function main() {
  const options = parseStartOptions(process.argv.slice(2));
  const started = performance.now();
  const running = await startServer(options);
  const readyMs = performance.now() - started;
  const { host, port, apiOnly, allowedHosts } = { ...options, port: running.port };
  const { seed, items, latency, faults, sessionIdleMinutes, sessionMaxHours } = running.config;
  const engine = running.database.engine === 'pglite' ? 'embedded PGlite' : 'PostgreSQL';
  console.log(
    `Verity demo ${apiOnly ? 'API' : 'console'}: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/\n` +
      `  ${engine}; demo data (seed ${seed}, ${items} items) ${running.demoData === 'seeded' ? 'seeded' : 'kept from the last start'}; ready in ${readyMs.toFixed(0)} ms\n` +
      `  latency ${latency} ms${faults.length > 0 ? `; faults: ${faults.join(', ')}` : ''}\n` +
      `  sessions end after ${sessionIdleMinutes} min idle, ${sessionMaxHours} h at most\n` +
      `  answers only to 127.0.0.1, localhost, [::1]${allowedHosts.map((name) => `, ${name}`).join('')}`,
  );
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Only ever run as the entry point (nothing imports it): no check of `process.argv[1]`, which a
// symbolic link in the path would make differ from this module's URL, and the server not start.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
