import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Tests of pure code, by folder: they run in the `unit` project, with no server and no MSW. A test
 * anywhere else under src/ (outside src/server) is a `console` test.
 */
const unitTests = [
  'src/lib/**/*.test.{ts,tsx}',
  'src/domain/**/*.test.{ts,tsx}',
  'src/features/*/model/**/*.test.{ts,tsx}',
  'src/shared/*/model/**/*.test.{ts,tsx}',
];
/** What a unit test must not import: each resolves to src/test/no-backend.ts, which throws. */
const backendModules = [
  /^msw(\/.*)?$/,
  /^@electric-sql\/pglite(\/.*)?$/,
  /^pg$/,
  /^.*\/test\/(test-backend|backend-state|render-app)$/,
];

/** Port of the demo server (API only) that `npm run dev` starts beside Vite (see scripts/dev.mjs). */
const devApiPort = Number(process.env.VERITY_DEV_API_PORT ?? 4319);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // A feature's public.ts only names what the app may use: importing one name from it must not
      // pull the feature's other modules into the importing chunk (the router's URL schemas would
      // otherwise bring every lazily loaded page into the first one).
      treeshake: {
        moduleSideEffects: [{ test: /\/src\/features\/[^/]+\/public\.ts$/, sideEffects: false }],
      },
    },
  },
  server: {
    // The browser's Host (localhost:5173) is passed on as it is, not rewritten to the server's: the
    // server compares a request's Origin with its Host and refuses a state-changing request
    // from another origin.
    proxy: {
      '/api': { target: `http://127.0.0.1:${devApiPort}`, changeOrigin: false },
      '/__mock': { target: `http://127.0.0.1:${devApiPort}`, changeOrigin: false },
    },
  },
  test: {
    environment: 'node',
    // One file per core (Vitest's default leaves one core to itself: half of this machine's two).
    // The runner itself is nearly idle, and many files wait on a server process or a database.
    maxWorkers: availableParallelism(),
    restoreMocks: true,
    // Component tests render the whole console; on a shared 2-core machine 5 s is not enough.
    testTimeout: 20_000,
    // Hooks open and close whole test servers (a database each): as slow as a test, or slower.
    hookTimeout: 60_000,
    globalSetup: ['src/test/global-setup.ts'],
    projects: [
      {
        // The server's own tests: each opens the test servers it needs.
        extends: true,
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts', 'scripts/**/*.test.ts'],
          setupFiles: ['src/server/testing/setup.ts'],
          // Each file opens its own servers and databases and leaves nothing global behind (no
          // fake timers, no environment changes): one module graph per worker, not per file, so
          // the server's modules are loaded a few times rather than once for each of ~80 files.
          isolate: false,
        },
      },
      {
        // The console's tests: their requests go through MSW to one test server per file.
        extends: true,
        test: {
          name: 'console',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/server/**', ...unitTests],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        // Pure code: no backend. fetch throws, and importing the test server, MSW or a database
        // driver fails the file (src/test/unit-setup.ts).
        extends: true,
        resolve: {
          alias: backendModules.map((find) => ({
            find,
            replacement: fileURLToPath(new URL('src/test/no-backend.ts', import.meta.url)),
          })),
        },
        test: {
          name: 'unit',
          include: unitTests,
          // Pure code, nothing to leak between files: one module graph per worker, not per file.
          isolate: false,
          setupFiles: ['src/test/unit-setup.ts'],
        },
      },
    ],
  },
});
