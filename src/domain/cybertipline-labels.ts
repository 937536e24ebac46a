import type { FileAnnotation } from '../api/schemas/decision';
import type { ReportAnnotation } from '../api/schemas/report-incident';
import type { IpEventName } from '../api/schemas/report-person';

/** Plain-language labels for NCMEC's CyberTipline vocabulary, shared by triage and reports. */

export const fileAnnotationLabels: Record<FileAnnotation, string> = {
  animeDrawingVirtualHentai: 'Drawn, animated or virtual',
  potentialMeme: 'Potential meme',
  viral: 'Viral',
  possibleSelfProduction: 'Possibly self-produced',
  physicalHarm: 'Physical harm',
  violenceGore: 'Violence or gore',
  bestiality: 'Involves an animal',
  liveStreaming: 'Live-streamed',
  infant: 'Infant',
  generativeAi: 'Generative AI',
};

export const reportAnnotationLabels: Record<ReportAnnotation, string> = {
  sextortion: 'Sextortion',
  csamSolicitation: 'Solicitation of CSAM',
  minorToMinorInteraction: 'Minor-to-minor interaction',
  spam: 'Spam',
  sadisticOnlineExploitation: 'Sadistic online exploitation',
};

export const ipEventLabels: Record<IpEventName, string> = {
  Login: 'Login',
  Registration: 'Registration',
  Purchase: 'Purchase',
  Upload: 'Upload',
  Other: 'Other',
  Unknown: 'Unknown',
};
