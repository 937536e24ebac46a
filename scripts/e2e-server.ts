/**
 * The server the browser tests drive (each Playwright worker starts one: e2e/demo-server.ts):
 * `npm start`'s server in demo mode, serving the built console on `--port` (0: a free one), its
 * data in a new temporary directory of its own (never `.verity/`, never `DATABASE_URL`'s database),
 * so two workers or two runs side by side never share data. Its first line names its origin. The
 * draw of second reviews takes the e2e suite's fixed key. On SIGTERM or SIGINT it closes and
 * deletes its data directory.
 *
 *   node --import tsx scripts/e2e-server.ts --port 4400
 */
import { e2eReviewSecret } from '../e2e/review-secret';
import { parseStartOptions } from '../src/server/start/start-options';
import { startTestServer } from '../src/server/start/test-start';

const options = parseStartOptions(process.argv.slice(2));
const server = await startTestServer(
  { ...options, apiOnly: false },
  { VERITY_REVIEW_SECRET: e2eReviewSecret },
);
console.log(`Verity e2e server: ${server.origin}/ (data in ${server.dataDir})`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void server
    .close()
    .finally(() => server.remove())
    .finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
