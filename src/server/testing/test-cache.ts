import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run's shared directory (set by the test run's global setup), or null. */
const runCacheDir = () => process.env.VERITY_TEST_CACHE ?? null;

const processStartedAt = new Date();

/** When the test run started (this process's start outside a run): one instant for every file. */
export function runStartedAt(): Date {
  const startedAt = process.env.VERITY_TEST_STARTED_AT;
  return startedAt === undefined ? processStartedAt : new Date(startedAt);
}

const inProcess = new Map<string, Promise<string>>();

/**
 * The path of what `build` writes for `key`, built once per test run: the first test file to ask
 * builds it (into a temporary path it then renames into place, so a file that asks at the same
 * time never reads half of it); the others find it. Outside a run that shares a directory, once per
 * process.
 */
export function cachedPath(key: string, build: (path: string) => Promise<void>): Promise<string> {
  const name = createHash('sha256').update(key).digest('hex').slice(0, 24);
  let path = inProcess.get(name);
  if (!path) {
    path = (async () => {
      const dir = runCacheDir() ?? (await processCacheDir());
      const target = join(dir, name);
      if (await exists(target)) return target;
      const partial = `${target}.${process.pid}.${Date.now()}.partial`;
      await build(partial);
      if (await exists(target)) await rm(partial, { recursive: true, force: true });
      else await rename(partial, target);
      return target;
    })();
    inProcess.set(name, path);
  }
  return path;
}

let processDir: Promise<string> | undefined;

/** Outside a run that shares a directory: one of this process's own, removed when it exits. */
function processCacheDir(): Promise<string> {
  processDir ??= mkdtemp(join(tmpdir(), 'verity-test-cache-')).then((dir) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
  return processDir;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
