/** What the demo NCMEC's tests share: hand-written report XML and a client signed in to it. */
import { createHash } from 'node:crypto';
import {
  DEMO_NCMEC_BASE_URL,
  DEMO_NCMEC_PASSWORD,
  DEMO_NCMEC_USERNAME,
  createDemoNcmec,
} from './demo-ncmec';
import { createNcmecClient } from '../../ncmec/ncmec-client';

export const INCIDENT = 'Child Pornography (possession, manufacture, and distribution)';

/** A small hand-written `<report>`; each part can be replaced to break one rule. */
export function reportXml({
  when = '2025-03-01T08:00:00Z',
  reportingPerson = '<firstName>Ana</firstName><email>filer@verity.example</email>',
  extra = '',
} = {}) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<report>${extra}
  <incidentSummary>
    <incidentType>${INCIDENT}</incidentType>
    <incidentDateTime>${when}</incidentDateTime>
  </incidentSummary>
  <reporter><reportingPerson>${reportingPerson}</reportingPerson></reporter>
</report>`;
}

export const fileDetailsXml = (reportId: string, fileId: string) =>
  `<fileDetails><reportId>${reportId}</reportId><fileId>${fileId}</fileId>` +
  `<originalFileName>shard-0007 &amp; co.jpg</originalFileName></fileDetails>`;

/** A demo NCMEC with a settable clock and fault list, and a client signed in to it. */
export function setup(password = DEMO_NCMEC_PASSWORD) {
  const state = { now: new Date('2025-06-01T12:00:00Z'), faults: [] as string[] };
  const ncmec = createDemoNcmec({ now: () => state.now, faults: () => state.faults });
  const client = createNcmecClient({
    fetch: (request) => ncmec.fetch(request),
    baseUrl: DEMO_NCMEC_BASE_URL,
    username: DEMO_NCMEC_USERNAME,
    password,
  });
  return { state, ncmec, client };
}

export const bytes = new TextEncoder().encode('synthetic preview bytes');
export const md5Of = (data: Uint8Array) => createHash('md5').update(data).digest('hex');

export async function openReport(client: ReturnType<typeof setup>['client']) {
  const { reportId } = await client.submit(reportXml());
  if (reportId === undefined) throw new Error('submit gave no report id');
  return reportId;
}
