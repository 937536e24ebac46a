/**
 * `npm run dev`: the server in demo mode, API only, plus Vite with `/api` proxied to it (no
 * service worker). Extra arguments go to the server: `npm run dev -- --items 5000`.
 */
import { spawn } from 'node:child_process';

const apiPort = process.env.VERITY_DEV_API_PORT ?? '4319';
const children = [
  spawn(
    'npx',
    ['tsx', 'src/server/main.ts', '--api-only', '--port', apiPort, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, VERITY_DEMO: '1' } },
  ),
  spawn('npx', ['vite'], {
    stdio: 'inherit',
    env: { ...process.env, VERITY_DEV_API_PORT: apiPort },
  }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
