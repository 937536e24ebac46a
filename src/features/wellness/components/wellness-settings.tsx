import { useState } from 'react';
import type { User } from '../../../api/schemas/user';
import type { OrganisationWellness } from '../../../api/schemas/wellness';
import { Button } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { wellnessLimits, type Wellness, type WellnessLimits } from '../../../domain/wellness';
import { formatDuration } from '../../../lib/format-duration';
import { useWellness } from '../../../shared/wellness-state/api/wellness';
import {
  chooseWellness,
  resetWellness,
  setSingleKeyShortcuts,
  useSingleKeyShortcuts,
} from '../../../shared/wellness-state/model/wellness-choices';
import { ShortcutReference } from '../../../shared/shortcuts/components/shortcut-reference';
import { BlurSetting, NumberSetting, SwitchSetting } from './wellness-fields';
import { IdleLockSetting } from './idle-lock-setting';
import { ExposureThisShift } from './exposure-this-shift';

/** The preview switches an organisation may turn on for everyone, and what each says. */
const previewSwitches = {
  safeMode: {
    label: 'Safe mode: no previews at all',
    hint: 'Organisation default: off. With safe mode on, items show hashes and metadata only, and no image is loaded.',
    fixedBy: 'safeModeFixed',
    fixedReason: 'Your organisation has safe mode on for everyone.',
  },
  grayscale: {
    label: 'Grayscale previews',
    hint: 'Organisation default: off.',
    fixedBy: 'grayscaleFixed',
    fixedReason: 'Your organisation keeps grayscale on for everyone.',
  },
} as const satisfies Record<
  'safeMode' | 'grayscale',
  { label: string; hint: string; fixedBy: keyof WellnessLimits; fixedReason: string }
>;
type PreviewSwitch = keyof typeof previewSwitches;

function WellnessForm({
  user,
  organisation,
  wellness,
}: {
  user: User;
  organisation: OrganisationWellness;
  wellness: Wellness;
}) {
  const limits = wellnessLimits(organisation);
  const choose = (change: Partial<Wellness>) => chooseWellness(user.id, change);
  const [resetDone, setResetDone] = useState(false);
  const budgetMinutes = (seconds: number) => Math.floor(seconds / 60);
  const previewSwitch = (name: PreviewSwitch) => {
    const { fixedBy, fixedReason, ...text } = previewSwitches[name];
    return {
      ...text,
      checked: wellness[name],
      fixedReason: limits[fixedBy] ? fixedReason : undefined,
      onChange: (on: boolean) => choose({ [name]: on }),
    };
  };
  return (
    <>
      <section aria-labelledby="previews-heading" className="divide-y divide-slate-200">
        <h2 id="previews-heading" className="pb-2 text-lg font-semibold">
          Previews
        </h2>
        <SwitchSetting {...previewSwitch('safeMode')} />
        <BlurSetting
          value={wellness.blurStrength}
          organisation={organisation.blurStrength}
          onChange={(blurStrength) => choose({ blurStrength })}
        />
        <SwitchSetting {...previewSwitch('grayscale')} />
        <NumberSetting
          label="Blur a reveal again after"
          unit="seconds"
          value={wellness.reblurSeconds}
          {...limits.reblurSeconds}
          hint={`Organisation default: ${organisation.reblurSeconds} s, the longest allowed. Shorter is safer.`}
          onChange={(reblurSeconds) => choose({ reblurSeconds })}
        />
        <IdleLockSetting
          value={wellness.idleLockMinutes}
          organisation={organisation.idleLockMinutes}
          limits={limits.idleLockMinutes}
          onChange={(idleLockMinutes) => choose({ idleLockMinutes })}
        />
      </section>

      <section aria-labelledby="exposure-heading" className="divide-y divide-slate-200">
        <h2 id="exposure-heading" className="pb-2 text-lg font-semibold">
          Exposure and breaks
        </h2>
        <div className="py-3">
          <ExposureThisShift userId={user.id} wellness={wellness} />
        </div>
        <NumberSetting
          label="Exposure budget per shift"
          unit="minutes revealed"
          value={budgetMinutes(wellness.exposureBudgetSeconds)}
          min={budgetMinutes(limits.exposureBudgetSeconds.min)}
          max={budgetMinutes(limits.exposureBudgetSeconds.max)}
          hint={`Organisation default: ${formatDuration(organisation.exposureBudgetSeconds)}, the most allowed. When your revealed time this shift reaches it, a break is suggested; nothing is blocked.`}
          onChange={(minutes) => choose({ exposureBudgetSeconds: minutes * 60 })}
        />
        <NumberSetting
          label="Shift length"
          unit="hours"
          value={wellness.shiftHours}
          {...limits.shiftHours}
          hint={`Organisation default: ${organisation.shiftHours} h, the shortest allowed. A shift starts with your first reveal when none is running, in any browser; the budget starts afresh with each shift.`}
          onChange={(shiftHours) => choose({ shiftHours })}
        />
      </section>

      <div className="space-y-2">
        <Button
          onClick={() => {
            resetWellness(user.id);
            setResetDone(true);
          }}
        >
          Reset to organisation defaults
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {resetDone ? 'Your settings follow your organisation’s defaults again.' : ''}
        </p>
      </div>
    </>
  );
}

/**
 * The wellness settings page, for everyone: how previews are shown to this user, beside the
 * organisation's defaults (which nobody may make less safe), this shift's exposure, and the
 * keyboard. Choices are kept per user in this browser and apply at once, in every tab.
 */
export function WellnessSettings({ user }: { user: User }) {
  const { organisation, wellness } = useWellness(user.id);
  const shortcuts = useSingleKeyShortcuts(user.id);
  return (
    <main className="mx-auto max-w-4xl space-y-8 p-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="text-sm text-slate-700">
          These settings are yours, kept in this browser, and apply at once. Your organisation sets
          the defaults; you may make viewing safer than them, never less safe.
          {user.role === 'auditor' &&
            ' Auditors never see media, so the preview settings only matter if your role changes.'}
        </p>
      </header>
      {wellness && organisation.data ? (
        <WellnessForm user={user} organisation={organisation.data} wellness={wellness} />
      ) : organisation.isError ? (
        <ErrorState
          title="Could not load your organisation’s defaults"
          error={organisation.error}
          onRetry={() => void organisation.refetch()}
        />
      ) : (
        <LoadingState label="Loading your organisation’s defaults…" />
      )}
      <section aria-labelledby="keyboard-heading" className="space-y-3">
        <h2 id="keyboard-heading" className="text-lg font-semibold">
          Keyboard
        </h2>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={shortcuts}
            onChange={(event) => setSingleKeyShortcuts(user.id, event.target.checked)}
          />
          Single-key shortcuts on
        </label>
        <div className="text-sm">
          <ShortcutReference caption="Keyboard shortcuts in the triage workspace" />
        </div>
      </section>
    </main>
  );
}
