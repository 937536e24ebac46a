import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/** Port of the mock API that `npm run dev` starts beside Vite (see scripts/dev.mjs). */
const devApiPort = Number(process.env.VERITY_DEV_API_PORT ?? 4319);

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${devApiPort}`,
      '/__mock': `http://127.0.0.1:${devApiPort}`,
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
