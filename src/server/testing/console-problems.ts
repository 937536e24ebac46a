import { afterEach, beforeEach } from 'vitest';

/**
 * An error or warning logged during a test fails that test (after it ran, with what was logged).
 * Called by each setup file, so that it holds for every test file, also where files share one
 * module graph (the unit project does not isolate them).
 */
export function failOnConsoleProblems() {
  const consoleProblems: string[] = [];
  const originalConsole = { error: console.error, warn: console.warn };

  beforeEach(() => {
    consoleProblems.length = 0;
    console.error = (...args: unknown[]) => {
      consoleProblems.push(args.map(String).join(' '));
      originalConsole.error(...args);
    };
    console.warn = (...args: unknown[]) => {
      consoleProblems.push(args.map(String).join(' '));
      originalConsole.warn(...args);
    };
  });

  afterEach(() => {
    console.error = originalConsole.error;
    console.warn = originalConsole.warn;
    if (consoleProblems.length > 0)
      throw new Error(`Console errors/warnings: ${consoleProblems.join(' | ')}`);
  });
}
