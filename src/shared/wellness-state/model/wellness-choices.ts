import { z } from '../../../lib/zod';
import { parseUserWellness, type UserWellness } from '../../../domain/wellness';
import { createUserRecord } from './user-record';

/**
 * What each analyst chose on the settings page, kept per user in this browser
 * (`verity.wellness:<userId>`): numbers and switches, never anything about media. The wellness
 * fields only count as far as the organisation allows (`effectiveWellness`).
 */
export interface WellnessChoices extends UserWellness {
  /** Single-key shortcuts (c, d, e, digits, j/k, u) can be turned off (WCAG 2.1.4). */
  singleKeyShortcuts?: boolean | undefined;
}

/** Where this browser kept the shortcut switch before it was per user. */
const LEGACY_PREFERENCES_KEY = 'verity.preferences';
const LegacyPreferences = z.object({ state: z.object({ singleKeyShortcuts: z.boolean() }) });
const Shortcuts = z.object({ singleKeyShortcuts: z.boolean() });

function legacyShortcuts(): boolean | undefined {
  try {
    const text = localStorage.getItem(LEGACY_PREFERENCES_KEY);
    if (text === null) return undefined;
    return LegacyPreferences.safeParse(JSON.parse(text)).data?.state.singleKeyShortcuts;
  } catch {
    return undefined;
  }
}

function parseChoices(raw: unknown): WellnessChoices {
  const shortcuts = Shortcuts.safeParse(raw).data?.singleKeyShortcuts ?? legacyShortcuts();
  return {
    ...parseUserWellness(raw),
    ...(shortcuts === undefined ? {} : { singleKeyShortcuts: shortcuts }),
  };
}

const choices = createUserRecord('verity.wellness:', parseChoices);

export const wellnessStorageKey = choices.keyOf;

/** The user's choices; the component re-renders when they change (in any tab). */
export const useWellnessChoices = choices.use;

export function chooseWellness(userId: string, change: WellnessChoices) {
  choices.write(userId, (current) => ({ ...current, ...change }));
}

/** Back to the organisation's defaults; the shortcut switch is the user's own and stays. */
export function resetWellness(userId: string) {
  choices.write(userId, ({ singleKeyShortcuts }) =>
    singleKeyShortcuts === undefined ? {} : { singleKeyShortcuts },
  );
}

export const useSingleKeyShortcuts = (userId: string) =>
  choices.use(userId).singleKeyShortcuts ?? true;

/** For key handlers, which read the switch when the key is pressed. */
export const singleKeyShortcutsOn = (userId: string) =>
  choices.read(userId).singleKeyShortcuts ?? true;

export const setSingleKeyShortcuts = (userId: string, on: boolean) =>
  chooseWellness(userId, { singleKeyShortcuts: on });
