import type { WellnessLimits } from '../../../domain/wellness';
import { NumberSetting, SwitchSetting } from './wellness-fields';

/** A first choice when an analyst turns on an idle lock their organisation does not require. */
const SUGGESTED_MINUTES = 10;

/**
 * After how many idle minutes previews lock. With an organisation-wide lock, at most its minutes;
 * without one, the analyst may also have none.
 */
export function IdleLockSetting({
  value,
  organisation,
  limits,
  onChange,
}: {
  value: number | null;
  organisation: number | null;
  limits: WellnessLimits['idleLockMinutes'];
  onChange: (minutes: number | null) => void;
}) {
  const minutes = (
    <NumberSetting
      label="Lock previews after"
      unit="idle minutes"
      value={value ?? limits.max}
      min={limits.min}
      max={limits.max}
      hint={
        organisation === null
          ? 'Every preview is hidden behind a lock screen when you have not used the keyboard or pointer for this long.'
          : `Organisation default: ${organisation} min, the longest allowed. Every preview is hidden behind a lock screen until you press a key or click.`
      }
      onChange={onChange}
    />
  );
  if (!limits.mayTurnOff) return minutes;
  return (
    <>
      <SwitchSetting
        label="Lock previews when I am idle"
        checked={value !== null}
        hint="Organisation default: no idle lock."
        onChange={(on) => onChange(on ? Math.min(SUGGESTED_MINUTES, limits.max) : null)}
      />
      {value !== null && minutes}
    </>
  );
}
