import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** One worker's demo server: scripts/e2e-server.ts in a process of its own. */
export interface DemoServer {
  origin: string;
  stop(): Promise<void>;
}

/** The e2e server's first line names its origin (scripts/e2e-server.ts). */
const ready = /^Verity e2e server: (http:\/\/[^/\s]+)\//;

/**
 * Starts the demo server on `port` (0: a free one) with its data in a new temporary directory,
 * and resolves once it answers. Its first start seeds the demo data: allow for a slow machine.
 */
export async function startDemoServer(port: number, timeoutMs = 180_000): Promise<DemoServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/e2e-server.ts', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the e2e server did not start in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = ready.exec(line);
      if (!found?.[1]) return;
      clearTimeout(timer);
      resolve(found[1]);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the e2e server exited (${code}) before it started\n${stderr}`));
    });
  });
  return { origin, stop: () => stopServer(child) };
}

/** SIGTERM: the server closes and deletes its data directory; killed if it takes over 20 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
