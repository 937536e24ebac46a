import { build } from 'esbuild';

/** Where `npm run build` writes the server's bundle, which `npm start` runs. */
export const SERVER_BUNDLE = 'dist-server/main.mjs';

/**
 * Bundles the server into one ES module at `outfile`, its packages left to `node_modules` (so
 * `outfile` must be inside the project). Plain Node runs it: loading the server's TypeScript
 * through tsx, module by module, took seconds of every start.
 */
export async function buildServerBundle(outfile: string = SERVER_BUNDLE): Promise<void> {
  await build({
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    outfile,
    logLevel: 'warning',
  });
}
