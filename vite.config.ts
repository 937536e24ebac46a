import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Port of the demo server (API only) that `npm run dev` starts beside Vite (see scripts/dev.mjs). */
const devApiPort = Number(process.env.VERITY_DEV_API_PORT ?? 4319);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
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
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    environment: 'node',
    restoreMocks: true,
    // Component tests render the whole console; on a shared 2-core machine 5 s is not enough.
    testTimeout: 20_000,
  },
});
