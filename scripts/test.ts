/**
 * `npm test`: typecheck, lint, contract lint, unit/integration tests (Vitest), build, then the
 * browser tests (Playwright) against the built console. Every stage runs even when an earlier one
 * failed; the exit code is non-zero if any failed; the last lines are one summary per runner.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { findChromium, howToGetChromium } from './find-chromium';

const vitestJson = '.vitest-results.json';
const playwrightJson = '.playwright-results.json';
const results: { name: string; ok: boolean; seconds: string }[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds });
  return status === 0;
}

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

run('Typecheck', 'npx', ['tsc', '--noEmit']);
run('Lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('Format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
run('Contract', 'npx', ['redocly', 'lint', 'src/api/openapi.json', '--format', 'stylish']);
run('Vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const built = run('Build', 'npx', ['vite', 'build']);

const chromium = await findChromium();
if (!chromium) {
  console.error(`\n${howToGetChromium}`);
  results.push({ name: 'Playwright', ok: false, seconds: '0.0' });
} else if (!built) {
  console.error('\nPlaywright: not run, the build failed.');
  results.push({ name: 'Playwright', ok: false, seconds: '0.0' });
} else {
  run('Playwright', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium });
}

console.log('\n=== Summary');
for (const { name, ok, seconds } of results) {
  if (name !== 'Vitest' && name !== 'Playwright') {
    console.log(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds}s)`);
  }
}

const VitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
});
const PlaywrightReport = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
});

/** One plain line per runner. A runner that failed without a failing test (a crash) counts one. */
function summary(name: string, counts: { passed: number; failed: number; skipped: number } | null) {
  const ok = results.find((r) => r.name === name)?.ok ?? false;
  const { passed, failed, skipped } = counts ?? { passed: 0, failed: 0, skipped: 0 };
  const failures = failed === 0 && !ok ? 1 : failed;
  console.log(`${name}: ${passed} passed, ${failures} failed, ${skipped} skipped`);
}

const vitest = VitestReport.safeParse(readJson(vitestJson));
summary(
  'Vitest',
  vitest.success
    ? {
        passed: vitest.data.numPassedTests,
        failed: vitest.data.numFailedTests,
        skipped: vitest.data.numPendingTests + vitest.data.numTodoTests,
      }
    : null,
);
const playwright = PlaywrightReport.safeParse(readJson(playwrightJson));
summary(
  'Playwright',
  playwright.success
    ? {
        passed: playwright.data.stats.expected + playwright.data.stats.flaky,
        failed: playwright.data.stats.unexpected,
        skipped: playwright.data.stats.skipped,
      }
    : null,
);
process.exit(results.every((r) => r.ok) ? 0 : 1);
