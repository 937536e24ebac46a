import { DismissReason, IndustryClassification } from '../../../api/schemas/decision';
import { dismissReasonLabels } from '../../../domain/decision-labels';

const labelClass = 'flex flex-col text-xs text-slate-700';
const selectClass = 'rounded-md border border-slate-300 px-2 py-1 text-sm';

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
    <label className={labelClass}>
      Classification
      <select
        value={value}
        onChange={(event) =>
          onChange(IndustryClassification.safeParse(event.target.value).data ?? '')
        }
        className={selectClass}
        disabled={disabled}
      >
        <option value="">Unknown</option>
        {IndustryClassification.options.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </label>
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
    <label className={labelClass}>
      Dismissal reason
      <select
        value={value}
        onChange={(event) => onChange(DismissReason.parse(event.target.value))}
        className={selectClass}
      >
        {DismissReason.options.map((r) => (
          <option key={r} value={r}>
            {dismissReasonLabels[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
