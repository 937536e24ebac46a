import type { ReactNode } from 'react';
import { Select } from './controls';
import { Field } from './field';

export interface Option<T extends string | number> {
  value: T;
  label: string;
  disabled?: boolean;
}

/** A labelled choice of one of `options`; what is chosen comes back as the option's own value. */
export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
  disabled = false,
  layout,
  className,
}: {
  label: ReactNode;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  layout?: 'stacked' | 'inline';
  className?: string;
}) {
  return (
    <Field label={label} layout={layout} className={className}>
      {(control) => (
        <Select
          {...control}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const chosen = options.find((o) => String(o.value) === event.target.value);
            if (chosen) onChange(chosen.value);
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
