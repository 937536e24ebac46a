import type { ReactNode } from 'react';
import { Input, Textarea } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { fromShownInput, shownWithMarkers, toShownInput } from '../../../lib/untrusted-input';

/** The report form's inputs: a visible label on each, disabled when the report is closed. */

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
  /** Said under the field; when `invalid`, it is the field's error. */
  hint?: string;
  invalid?: boolean;
  /** Third-party data: shown with visible markers, saved as found (see untrusted-input.ts). */
  untrusted?: boolean;
}) {
  const markers = untrusted && shownWithMarkers(value);
  const advice = invalid ? undefined : hint;
  const props = {
    value: untrusted ? toShownInput(value) : value,
    disabled,
    maxLength,
    dir: untrusted ? 'ltr' : undefined,
    onChange: (event: { target: { value: string } }) =>
      onChange(untrusted ? fromShownInput(event.target.value) : event.target.value),
    className: 'w-full',
  };
  return (
    <Field
      label={label}
      hint={
        (advice || markers) && (
          <>
            {advice}
            {markers && (
              <span className="block text-amber-900">
                ⟨U+…⟩ marks an invisible or direction-changing character of the data; the report
                keeps the character itself.
              </span>
            )}
          </>
        )
      }
      error={invalid && hint}
    >
      {(control) =>
        multiline ? (
          <Textarea rows={3} {...control} {...props} />
        ) : (
          <Input type="text" {...control} {...props} />
        )
      }
    </Field>
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
