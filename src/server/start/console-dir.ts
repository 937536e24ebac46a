import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built console (`dist/` of the project): found from this module up to the directory that
 * holds `package.json`, so the server finds it whether it runs from `src/` or from its bundle.
 */
export function builtConsoleDir(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist');
  }
  throw new Error(`No package.json above ${from}: cannot find the built console.`);
}
