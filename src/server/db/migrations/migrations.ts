import type { Migration, MigrationProvider } from 'kysely';
import * as core from './0001-core';
import * as queueOrder from './0002-queue-order';
import * as keptCompleteness from './0003-kept-completeness';
import * as documentsUnsampled from './0004-documents-unsampled';
import * as noPrefixIndexes from './0005-no-prefix-indexes';
import * as keptEntries from './0006-kept-entries';

/** Every migration, in order, by name: listed in code, so a bundle or a test needs no file system. */
const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-queue-order': queueOrder,
  '0003-kept-completeness': keptCompleteness,
  '0004-documents-unsampled': documentsUnsampled,
  '0005-no-prefix-indexes': noPrefixIndexes,
  '0006-kept-entries': keptEntries,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
