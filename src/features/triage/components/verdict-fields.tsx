import { DismissReason, IndustryClassification } from '../../../api/schemas/decision';
import { Select } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { dismissReasonLabels } from '../../../domain/decision-labels';

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
    <Field label="Classification">
      {(control) => (
        <Select
          {...control}
          value={value}
          onChange={(event) =>
            onChange(IndustryClassification.safeParse(event.target.value).data ?? '')
          }
          disabled={disabled}
        >
          <option value="">Unknown</option>
          {IndustryClassification.options.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </Select>
      )}
    </Field>
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
    <Field label="Dismissal reason">
      {(control) => (
        <Select
          {...control}
          value={value}
          onChange={(event) => onChange(DismissReason.parse(event.target.value))}
        >
          {DismissReason.options.map((r) => (
            <option key={r} value={r}>
              {dismissReasonLabels[r]}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
