import type { DismissReason, Verdict } from '../api/schemas/decision';
import { fileAnnotationLabels } from './cybertipline-labels';

/** Dismissal reasons in words: the decision bar, the decision history and the audit log say them so. */
export const dismissReasonLabels: Record<DismissReason, string> = {
  adult_content: 'Adult content',
  non_sexual: 'Non-sexual image of a minor',
  non_photographic: 'Non-photographic',
  hash_collision: 'Hash collision',
  text_false_match: 'Classifier or rule misfire',
  other: 'Other (needs a note)',
  duplicate: 'Duplicate',
  unusable_media: 'Unusable media',
};

/** A verdict in words: the decision history and the pending decision both show it this way. */
export function verdictText(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'confirm':
      return [
        `Confirmed${verdict.classification ? ` (${verdict.classification})` : ''}`,
        ...verdict.annotations.map((tag) => fileAnnotationLabels[tag]),
      ].join(' · ');
    case 'dismiss':
      return `Dismissed: ${dismissReasonLabels[verdict.reason]}`;
    case 'escalate':
      return `Escalated: ${verdict.reason}`;
  }
}
