import { useId, type ReactNode } from 'react';
import { fromShownInput, shownWithMarkers, toShownInput } from '../../../lib/untrusted-input';

/** The report form's inputs: a visible label on each, disabled when the report is closed. */

const inputClass =
  'rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-700';

export function TextField({
  label,
  value,
  onChange,
  disabled,
  multiline = false,
  maxLength,
  hint,
  invalid = false,
  untrusted = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  multiline?: boolean;
  maxLength?: number;
  hint?: string;
  invalid?: boolean;
  /** Third-party data: shown with visible markers, saved as found (see untrusted-input.ts). */
  untrusted?: boolean;
}) {
  const hintId = useId();
  const markersId = useId();
  const markers = untrusted && shownWithMarkers(value);
  const describedBy = [hint ? hintId : null, markers ? markersId : null].filter(Boolean).join(' ');
  const props = {
    value: untrusted ? toShownInput(value) : value,
    disabled,
    maxLength,
    dir: untrusted ? 'ltr' : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': invalid || undefined,
    onChange: (event: { target: { value: string } }) =>
      onChange(untrusted ? fromShownInput(event.target.value) : event.target.value),
    className: `${inputClass} w-full`,
  };
  return (
    <div className="flex flex-col gap-1">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        {label}
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      </label>
      {hint && (
        <span id={hintId} className={`text-xs ${invalid ? 'text-red-800' : 'text-slate-600'}`}>
          {hint}
        </span>
      )}
      {markers && (
        <span id={markersId} className="text-xs text-amber-900">
          ⟨U+…⟩ marks an invisible or direction-changing character of the data; the report keeps the
          character itself.
        </span>
      )}
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled: boolean;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-700">
      {label}
      <select
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const chosen = options.find((o) => o.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Checkboxes for a set of enum values. */
export function TagsField<T extends string>({
  legend,
  value,
  options,
  labels,
  onChange,
  disabled,
}: {
  legend: string;
  value: readonly T[];
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T[]) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm" disabled={disabled}>
      <legend className="mb-1 text-xs font-medium text-slate-700">{legend}</legend>
      {options.map((tag) => (
        <label key={tag} className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={value.includes(tag)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, tag] : value.filter((t) => t !== tag))
            }
          />
          {labels[tag]}
        </label>
      ))}
    </fieldset>
  );
}

/** A tri-state yes / no / unknown answer. */
export const yesNoUnknown = [
  { value: 'unknown', label: 'Unknown' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;
export type YesNoUnknown = (typeof yesNoUnknown)[number]['value'];
export const fromBoolean = (value: boolean | null): YesNoUnknown =>
  value === null ? 'unknown' : value ? 'yes' : 'no';
export const toBoolean = (value: YesNoUnknown): boolean | null =>
  value === 'unknown' ? null : value === 'yes';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-md border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      <div className="flex flex-col gap-3">{children}</div>
    </section>
  );
}
