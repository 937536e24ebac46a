import { useId, useState, type ReactNode } from 'react';
import { blurStrengths, type BlurStrength } from '../../../api/schemas/wellness';
import { blurStyles } from '../../../shared/wellness-state/model/wellness-labels';

/** One setting: its label and control, and beside it the organisation's default and why. */
function SettingRow({
  label,
  htmlFor,
  hintId,
  hint,
  children,
}: {
  label: ReactNode;
  htmlFor?: string;
  hintId: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-x-6 gap-y-1 py-3 sm:grid-cols-[16rem_1fr]">
      <div className="space-y-1">
        {htmlFor ? (
          <label htmlFor={htmlFor} className="block text-sm font-medium">
            {label}
          </label>
        ) : (
          label
        )}
        {children}
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
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const number = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(number) && number >= min && number <= max;
  return (
    <SettingRow label={label} htmlFor={id} hintId={`${id}-hint`} hint={hint}>
      <span className="flex items-center gap-2 text-sm">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={text}
          aria-invalid={!valid}
          aria-describedby={`${id}-hint${valid ? '' : ` ${id}-error`}`}
          onChange={(event) => {
            const next = event.target.value;
            setDraft(next);
            const parsed = Number(next);
            if (next.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max)
              onChange(parsed);
          }}
          onBlur={() => setDraft(null)}
          className="w-24 rounded-md border border-slate-300 px-2 py-1"
        />
        {unit}
      </span>
      {!valid && (
        <p id={`${id}-error`} className="text-sm text-red-900">
          Enter a whole number from {min} to {max}.
        </p>
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
  const id = useId();
  return (
    <SettingRow
      hintId={`${id}-hint`}
      hint={fixedReason ?? hint}
      label={
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={checked}
            disabled={fixedReason !== undefined}
            aria-describedby={`${id}-hint`}
            onChange={(event) => onChange(event.target.checked)}
          />
          {label}
        </label>
      }
    >
      {null}
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
  const id = useId();
  const name = (level: BlurStrength) => `${level} — ${blurStyles[level].label}`;
  return (
    <SettingRow
      label="Blur strength"
      htmlFor={id}
      hintId={`${id}-hint`}
      hint={
        <>
          Organisation default: {name(organisation)}, the lightest allowed. Lighter levels are not
          offered.
        </>
      }
    >
      <select
        id={id}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const level = blurStrengths.find((l) => String(l) === event.target.value);
          if (level !== undefined) onChange(level);
        }}
        className="rounded-md border border-slate-300 px-2 py-1 text-sm"
      >
        {blurStrengths.map((level) => (
          <option key={level} value={level} disabled={level < organisation}>
            {name(level)}
            {level < organisation ? ' (lighter than your organisation allows)' : ''}
          </option>
        ))}
      </select>
    </SettingRow>
  );
}
