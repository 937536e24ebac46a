/**
 * `npm run report-audit -- --seed 1 --items 2000`: every draft of that demo data settled and
 * approved by script through the server's API (in process, on an in-memory database), every
 * CyberTipline document generated and checked (see `src/server/demo/report-audit/audit.ts`).
 * Prints the findings and, per actionability field, how many reports sent a value and how many
 * said it is not available. Exits non-zero on any finding.
 * The XSD is read from `CYBERTIPLINE_XSD` (NCMEC's to publish, not in this repository); unset,
 * the audit fails, saying so.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditFailed, auditReports } from '../src/server/demo/report-audit/audit';
import { auditText } from '../src/server/demo/report-audit/table';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '1' }, items: { type: 'string', default: '2000' } },
});
const seed = Number(values.seed);
const items = Number(values.items);
if (!Number.isInteger(seed) || seed < 0 || !Number.isInteger(items) || items < 1) {
  console.error('--seed must be a whole number, --items a positive one');
  process.exit(2);
}
const xsdPath = process.env.CYBERTIPLINE_XSD;
const started = Date.now();
const result = await auditReports({
  seed,
  items,
  xsd: xsdPath ? readFileSync(xsdPath, 'utf8') : null,
});
console.log(auditText(result));
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (!xsdPath)
  console.error(
    'CYBERTIPLINE_XSD is not set: set it to the path of NCMEC’s cybertipline-report.xsd to validate the documents.',
  );
process.exit(auditFailed(result) || !xsdPath ? 1 : 0);
