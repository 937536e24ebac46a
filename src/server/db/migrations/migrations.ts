import type { Migration, MigrationProvider } from 'kysely';
import * as core from './0001-core';

/** Every migration, in order, by name: listed in code, so a bundle or a test needs no file system. */
const migrations: Record<string, Migration> = {
  '0001-core': core,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
