import { ActionabilityField } from '../api/schemas/report';

/**
 * The CyberTipline facts Verity checks, one id each, in report order. Both checklists name them
 * so: the provenance checklist (what one item's provenance can give a report) and the report
 * checklist (what a report holds). See docs/report-completeness.md.
 */
export const cybertiplineFields = [
  'incident_type',
  'incident_date',
  'escalate_to_high_priority',
  'reporter_email',
  'files',
  'web_page_url',
  'third_party_hosted',
  'source_details',
  'supplier',
  'dataset',
  'batch_or_record',
  'location_of_file',
  'publicly_available',
  'original_file_hash',
  'reported_person',
  'ip_capture',
  'file_viewed',
  'original_file_name',
  'industry_classification',
  'file_annotations',
  'uploaded_to_esp',
  'hash_details',
  'additional_info',
  'excluded_from_training',
] as const;
export type CybertiplineField = (typeof cybertiplineFields)[number];

/** Some of the ids: a name that is not one of them does not compile. */
export type FieldsOf<T extends CybertiplineField> = T;

/**
 * The parts of `source_details` (supplier and contract, dataset and version, batch and record)
 * that an item's provenance shows one by one; a report holds them as one entry.
 */
export type SourceDetailsPart = 'supplier' | 'dataset' | 'batch_or_record';

/** The contract's actionability fields (a reason may be given for each) are ids of this list. */
export const actionabilityFields: readonly CybertiplineField[] = ActionabilityField.options;
