import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { builtConsoleDir } from './console-dir';

const project = mkdtempSync(join(tmpdir(), 'verity-console-dir-'));
writeFileSync(join(project, 'package.json'), '{}');
mkdirSync(join(project, 'src/server/start'), { recursive: true });
afterAll(() => rmSync(project, { recursive: true, force: true }));

test('the built console is found from the server’s source and from its bundle alike', () => {
  expect(builtConsoleDir(join(project, 'src/server/start/start-server.ts'))).toBe(
    join(project, 'dist'),
  );
  expect(builtConsoleDir(join(project, 'dist-server/main.mjs'))).toBe(join(project, 'dist'));
  expect(builtConsoleDir()).toBe(join(process.cwd(), 'dist'));
});
