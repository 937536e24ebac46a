/**
 * `npm run migrate`: brings the server's database to the latest migration (the server also does
 * this when it starts). PostgreSQL when `DATABASE_URL` is set, else the embedded database.
 */
import { databaseLocation } from '../src/server/db/location';
import { migrateToLatest } from '../src/server/db/migrate';
import { openDatabase } from '../src/server/db/open-database';

const location = databaseLocation();
const database = await openDatabase(location);
try {
  const applied = await migrateToLatest(database.db);
  const where = 'url' in location ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${location.dataDir}`;
  console.log(
    applied.length === 0
      ? `${where}: already at the latest migration.`
      : `${where}: applied ${applied.join(', ')}.`,
  );
} finally {
  await database.close();
}
