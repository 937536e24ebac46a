import { describe, expect, it } from 'vitest';
import { reportXml } from './cybertipline-xml';
import { completeReport } from './cybertipline-xml.fixtures';
import { expectValid, howToGetXsd, xsdPath } from './cybertipline-xsd.test-support';

/** A supplemental report: the complete fixture, following NCMEC report 90000123. */
function supplemental(withPerson: boolean) {
  const report = completeReport();
  report.priorReport = { id: 'r-0', ncmecReportId: '90000123' };
  report.reportedPerson = withPerson
    ? { screenName: 'uploader_77', profileUrl: null, ipCaptureEvents: [] }
    : null;
  return report;
}

const elementsIn = (xml: string, parent: string) => {
  const inner = new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>`).exec(xml)?.[1] ?? '';
  return [...inner.matchAll(/^\s{4}<([A-Za-z]\w*)[\s/>]/gm)].map((m) => m[1]);
};

describe('a supplemental report links its prior report', () => {
  it('priorCTReports sits in the reported person, right after thirdPartyUserReported', () => {
    const xml = reportXml(supplemental(true));
    expect(elementsIn(xml, 'personOrUserReported')).toEqual([
      'screenName',
      'thirdPartyUserReported',
      'priorCTReports',
    ]);
    expect(xml).toContain('<priorCTReports>90000123</priorCTReports>');
  });

  it('without a reported person it writes no empty suspect, and names the prior report in its additional information', () => {
    const xml = reportXml(supplemental(false));
    expect(xml).not.toContain('<personOrUserReported');
    expect(xml).not.toContain('priorCTReports');
    expect(/<additionalInfo>([^<]*)<\/additionalInfo>\s*<\/report>/.exec(xml)?.[1]).toMatch(
      /^Supplemental to CyberTipline report 90000123: it carries only what is new\.\n\nMatched/,
    );
  });

  it.skipIf(!xsdPath)('both validate against NCMEC’s XSD', async () => {
    await expectValid(
      [true, false].map((withPerson) => ({
        fileName: `supplemental-${String(withPerson)}.xml`,
        contents: reportXml(supplemental(withPerson)),
      })),
    );
  });
});

if (!xsdPath) console.info(`Skipping CyberTipline XSD validation: ${howToGetXsd}`);
