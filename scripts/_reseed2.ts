import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/open-database';
import { migrateToLatest } from '../src/server/db/migrate';
import { emptyDatabase } from '../src/server/demo/demo-data';
import { seedDemoDataIn } from '../src/server/demo/seed';
import { seedDemoMedia } from '../src/server/demo/seed-media';
import { generateData } from '../src/server/demo/generator';
import { vacuumAndAnalyze } from '../src/server/db/bulk-load';
const dir = mkdtempSync(join(tmpdir(), 'rs-'));
const database = await openDatabase({ dataDir: join(dir, 'db') });
await migrateToLatest(database.db);
const config = { seed: 1, items: 300, auditEvents: 0, leaseSeconds: 300, now: new Date() };
const t = () => performance.now();
for (let i = 0; i < 4; i++) {
  let s = t();
  const g = generateData(config); const tg = t() - s; s = t();
  let te = 0, ts = 0;
  await database.db.transaction().execute(async (trx) => {
    await emptyDatabase(trx); te = t() - s; s = t();
    await seedDemoDataIn(trx, config); ts = t() - s; s = t();
  });
  const tc = t() - s; s = t();
  await vacuumAndAnalyze(database.db); const tv = t() - s; s = t();
  await seedDemoMedia(join(dir, 'media'), g.items); const tm = t() - s;
  console.log(`gen ${tg.toFixed(0)} empty ${te.toFixed(0)} seed ${ts.toFixed(0)} commit ${tc.toFixed(0)} vacuum ${tv.toFixed(0)} media ${tm.toFixed(0)}`);
}
await database.close();
