import { join } from 'node:path';
import type { NcmecAccess } from '../../ncmec/ncmec-settings';
import {
  DEMO_NCMEC_BASE_URL,
  DEMO_NCMEC_PASSWORD,
  DEMO_NCMEC_USERNAME,
  createDemoNcmec,
  type DemoNcmec,
} from './demo-ncmec';
import { fileNcmecStore } from './demo-ncmec-store';

/** Demo mode's way to NCMEC: the demo NCMEC, in-process, with its own credentials. */
export const demoNcmecAccess = (ncmec: DemoNcmec): NcmecAccess => ({
  kind: 'ready',
  baseUrl: DEMO_NCMEC_BASE_URL,
  username: DEMO_NCMEC_USERNAME,
  password: DEMO_NCMEC_PASSWORD,
  fetch: (request) => ncmec.fetch(request),
});

/**
 * The demo NCMEC of a demo start, its record in `<dataDir>/ncmec/received.jsonl` (beside the
 * database, not in it), and the server's way to it. `faults` reads the demo's fault list as it
 * stands, so `/__mock/config` reaches NCMEC too.
 */
export function openDemoNcmec(options: {
  dataDir: string;
  now: () => Date;
  faults: () => readonly string[];
}): { ncmec: DemoNcmec; access: NcmecAccess } {
  const store = fileNcmecStore(join(options.dataDir, 'ncmec', 'received.jsonl'));
  const ncmec = createDemoNcmec({ now: options.now, faults: options.faults, store });
  return { ncmec, access: demoNcmecAccess(ncmec) };
}
