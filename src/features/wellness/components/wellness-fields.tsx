import { useState, type ReactNode } from 'react';
import { blurStrengths, type BlurStrength } from '../../../api/schemas/wellness';
import { Input, Select } from '../../../components/ui/controls';
import { useField, type FieldControl } from '../../../components/ui/field';
import { blurStyles } from '../../../shared/wellness-state/model/wellness-labels';

/**
 * One setting: its control (with `label` above it, unless the control brings its own) and any
 * error, and beside it the organisation's default and why, which describes the control.
 */
function SettingRow({
  label,
  hint,
  error,
  children,
}: {
  label?: string;
  hint: ReactNode;
  error?: ReactNode;
  children: (control: FieldControl) => ReactNode;
}) {
  const { control, hintId, errorId } = useField({ hint: true, error: error !== undefined });
  return (
    <div className="grid gap-x-6 gap-y-1 py-3 sm:grid-cols-[16rem_1fr]">
      <div className="space-y-1">
        {label !== undefined && (
          <label htmlFor={control.id} className="block text-sm font-medium">
            {label}
          </label>
        )}
        {children(control)}
        {error !== undefined && (
          <p id={errorId} className="text-sm text-red-900">
            {error}
          </p>
        )}
      </div>
      <p id={hintId} className="text-sm text-slate-600">
        {hint}
      </p>
    </div>
  );
}

/**
 * A whole number within `min`–`max`, applied as soon as what is typed is valid; anything else is
 * named and not applied (the field shows the value in force again when left).
 */
export function NumberSetting({
  label,
  unit,
  value,
  min,
  max,
  hint,
  onChange,
}: {
  label: string;
  unit: string;
  value: number;
  min: number;
  max: number;
  hint: ReactNode;
  onChange: (value: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const valid = (typed: string) => {
    const number = Number(typed);
    return typed.trim() !== '' && Number.isInteger(number) && number >= min && number <= max;
  };
  return (
    <SettingRow
      label={label}
      hint={hint}
      error={valid(text) ? undefined : `Enter a whole number from ${min} to ${max}.`}
    >
      {(control) => (
        <span className="flex items-center gap-2 text-sm">
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={text}
            onChange={(event) => {
              const next = event.target.value;
              setDraft(next);
              if (valid(next)) onChange(Number(next));
            }}
            onBlur={() => setDraft(null)}
            className="w-24"
          />
          {unit}
        </span>
      )}
    </SettingRow>
  );
}

/** An on/off setting; `fixedReason` when the organisation decides it for everyone. */
export function SwitchSetting({
  label,
  checked,
  fixedReason,
  hint,
  onChange,
}: {
  label: string;
  checked: boolean;
  fixedReason?: string | undefined;
  hint: ReactNode;
  onChange: (checked: boolean) => void;
}) {
  return (
    <SettingRow hint={fixedReason ?? hint}>
      {(control) => (
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            {...control}
            type="checkbox"
            checked={checked}
            disabled={fixedReason !== undefined}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </label>
      )}
    </SettingRow>
  );
}

/** Blur strength: levels lighter than the organisation's are shown but cannot be chosen. */
export function BlurSetting({
  value,
  organisation,
  onChange,
}: {
  value: BlurStrength;
  organisation: BlurStrength;
  onChange: (value: BlurStrength) => void;
}) {
  const name = (level: BlurStrength) => `${level} — ${blurStyles[level].label}`;
  return (
    <SettingRow
      label="Blur strength"
      hint={
        <>
          Organisation default: {name(organisation)}, the lightest allowed. Lighter levels are not
          offered.
        </>
      }
    >
      {(control) => (
        <Select
          {...control}
          value={value}
          onChange={(event) => {
            const level = blurStrengths.find((l) => String(l) === event.target.value);
            if (level !== undefined) onChange(level);
          }}
        >
          {blurStrengths.map((level) => (
            <option key={level} value={level} disabled={level < organisation}>
              {name(level)}
              {level < organisation ? ' (lighter than your organisation allows)' : ''}
            </option>
          ))}
        </Select>
      )}
    </SettingRow>
  );
}
