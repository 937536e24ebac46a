import { join } from 'node:path';
import type { DatabaseLocation } from './open-database';

/**
 * Where the server's data lives: PostgreSQL when `DATABASE_URL` is set, else PGlite with its data
 * under `VERITY_DATA_DIR` (`.verity/` by default, beside the project; ignored by git).
 */
export function databaseLocation(env: NodeJS.ProcessEnv = process.env): DatabaseLocation {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: join(env.VERITY_DATA_DIR ?? '.verity', 'db') };
}
