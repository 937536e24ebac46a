/**
 * `npm test`: typecheck, lint, contract lint, unit/integration tests (Vitest), build, then the
 * browser tests (Playwright) against the built console. Every stage runs even when an earlier one
 * failed; the exit code is non-zero if any failed; the last lines are one summary per runner.
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { readFileSync, rmSync } from 'node:fs';
import { z } from '../src/lib/zod';
import { findChromium, howToGetChromium } from './find-chromium';

const vitestJson = '.vitest-results.json';
const playwrightJson = '.playwright-results.json';
const results: { name: string; ok: boolean; seconds: string; output: string }[] = [];

/** Runs a stage, its output shown as it comes and kept, for the summary to quote its failures. */
async function run(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const child = spawn(command, args, {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    output += chunk.toString();
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push({ name, ok: status === 0, seconds, output });
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

await run('Typecheck', 'npx', ['tsc', '--noEmit']);
await run('Lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
await run('Format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
await run('Contract', 'npx', ['redocly', 'lint', 'src/api/openapi.json', '--format', 'stylish']);
await run('Vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const built = await run('Build', 'npm', ['run', 'build']);

const chromium = await findChromium();
if (!chromium) {
  console.error(`\n${howToGetChromium}`);
  results.push({ name: 'Playwright', ok: false, seconds: '0.0', output: '' });
} else if (!built) {
  console.error('\nPlaywright: not run, the build failed.');
  results.push({ name: 'Playwright', ok: false, seconds: '0.0', output: '' });
} else {
  await run('Playwright', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium });
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
/**
 * What failed, quoted last, where a CI log's tail shows it: the runners' lines that name a failure
 * (a failed test, an error outside any test), other stages' last lines.
 */
const FAILURE_LINE = /FAIL|×|✘|Unhandled|Error|Timeout|timed out/;
for (const { name, ok, output } of results) {
  if (ok || output === '') continue;
  const lines = stripVTControlCharacters(output).split('\n');
  const runner = name === 'Vitest' || name === 'Playwright';
  const quoted = runner ? lines.filter((line) => FAILURE_LINE.test(line)) : lines.slice(-20);
  console.log(`\n=== What failed in ${name}`);
  console.log(quoted.slice(0, 40).join('\n'));
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
