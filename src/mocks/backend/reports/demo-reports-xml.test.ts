import { describe, expect, it } from 'vitest';
import {
  documents,
  expectValid,
  howToGetXsd,
  xsdPath,
} from '../../../domain/cybertipline-xsd.test-support';
import { createBackend } from '../backend';

/**
 * The XML of the reports the console actually drafts: every draft of the demo data, as its
 * approving supervisor would file it, validates against NCMEC's XSD.
 */
describe.skipIf(!xsdPath)(
  `demo drafts validate against NCMEC’s XSD (${xsdPath ?? howToGetXsd})`,
  () => {
    it('every draft of seed 1 (2,000 items) and each of its files', async () => {
      const backend = createBackend({ seed: 1, items: 2000 });
      const { reports } = backend.state;
      const drafts = reports.list().map((stored) => {
        const report = reports.present(stored);
        return {
          ...report,
          // What the person filing it chooses: drafts leave the incident type to them.
          incidentSummary: {
            ...report.incidentSummary,
            incidentType: 'Child Pornography (possession, manufacture, and distribution)' as const,
          },
          reporter: { userId: 'usr_sasha', name: 'Sasha Reyes', email: 'sasha.reyes@verity.test' },
        };
      });
      expect(drafts.length).toBeGreaterThan(50);
      const docs = documents(drafts, 'demo');
      expect(docs.length).toBeGreaterThan(drafts.length * 2 - 1);
      await expectValid(docs);
      console.info(
        `validated ${docs.length} documents of ${drafts.length} demo drafts, 0 failures`,
      );
    }, 120_000);
  },
);
