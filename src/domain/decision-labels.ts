import type { DismissReason } from '../api/schemas/decision';

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
