import type { NcmecAccess } from '../../ncmec/ncmec-settings';
import {
  DEMO_NCMEC_BASE_URL,
  DEMO_NCMEC_PASSWORD,
  DEMO_NCMEC_USERNAME,
  type DemoNcmec,
} from './demo-ncmec';

/** Demo mode's way to NCMEC: the demo NCMEC, in-process, with its own credentials. */
export const demoNcmecAccess = (ncmec: DemoNcmec): NcmecAccess => ({
  kind: 'ready',
  baseUrl: DEMO_NCMEC_BASE_URL,
  username: DEMO_NCMEC_USERNAME,
  password: DEMO_NCMEC_PASSWORD,
  fetch: (request) => ncmec.fetch(request),
});
