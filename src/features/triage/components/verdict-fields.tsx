import { DismissReason, IndustryClassification } from '../../../api/schemas/decision';
import { SelectField } from '../../../components/ui/select-field';
import { dismissReasonLabels } from '../../../domain/decision-labels';

const classificationOptions = [
  { value: '', label: 'Unknown' },
  ...IndustryClassification.options.map((c) => ({ value: c, label: c })),
] as const;

const dismissReasonOptions = DismissReason.options.map((r) => ({
  value: r,
  label: dismissReasonLabels[r],
}));

/** The industry classification of a confirmation, or unknown (''): one field for every form. */
export function ClassificationSelect({
  value,
  onChange,
  disabled = false,
}: {
  value: IndustryClassification | '';
  onChange: (value: IndustryClassification | '') => void;
  disabled?: boolean;
}) {
  return (
    <SelectField
      label="Classification"
      value={value}
      options={classificationOptions}
      onChange={onChange}
      disabled={disabled}
    />
  );
}

/** The reason code of a dismissal, by its label. */
export function DismissReasonSelect({
  value,
  onChange,
}: {
  value: DismissReason;
  onChange: (value: DismissReason) => void;
}) {
  return (
    <SelectField
      label="Dismissal reason"
      value={value}
      options={dismissReasonOptions}
      onChange={onChange}
    />
  );
}
