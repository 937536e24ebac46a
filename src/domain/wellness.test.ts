import { expect, test } from 'vitest';
import type { OrganisationWellness } from '../api/schemas/wellness';
import { effectiveWellness, parseUserWellness, wellnessLimits } from './wellness';

const org: OrganisationWellness = {
  blurStrength: 3,
  grayscale: false,
  reblurSeconds: 10,
  safeMode: false,
  exposureBudgetSeconds: 900,
  shiftHours: 8,
  idleLockMinutes: 5,
};

test('with no choices of their own, an analyst views with the organisation’s defaults', () => {
  expect(effectiveWellness({}, org)).toEqual(org);
});

test('every choice that makes viewing safer is kept', () => {
  expect(
    effectiveWellness(
      {
        blurStrength: 5,
        grayscale: true,
        reblurSeconds: 4,
        safeMode: true,
        exposureBudgetSeconds: 300,
        shiftHours: 10,
        idleLockMinutes: 2,
      },
      org,
    ),
  ).toEqual({
    blurStrength: 5,
    grayscale: true,
    reblurSeconds: 4,
    safeMode: true,
    exposureBudgetSeconds: 300,
    shiftHours: 10,
    idleLockMinutes: 2,
  });
});

test('no choice makes viewing less safe than the organisation’s default', () => {
  const strict = { ...org, grayscale: true, safeMode: true };
  expect(
    effectiveWellness(
      {
        blurStrength: 1,
        grayscale: false,
        reblurSeconds: 30,
        safeMode: false,
        exposureBudgetSeconds: 3600,
        shiftHours: 2,
        idleLockMinutes: 60,
      },
      strict,
    ),
  ).toEqual(strict);
});

test('an idle lock can be turned off only when the organisation has none', () => {
  expect(effectiveWellness({ idleLockMinutes: null }, org).idleLockMinutes).toBe(5);
  const noLock = { ...org, idleLockMinutes: null };
  expect(effectiveWellness({ idleLockMinutes: null }, noLock).idleLockMinutes).toBeNull();
  expect(effectiveWellness({}, noLock).idleLockMinutes).toBeNull();
  expect(effectiveWellness({ idleLockMinutes: 30 }, noLock).idleLockMinutes).toBe(30);
});

test('choices outside the bounds every setting keeps are held at the bound', () => {
  const loose = { ...org, reblurSeconds: 30, exposureBudgetSeconds: 14_400, shiftHours: 1 };
  const wellness = effectiveWellness(
    { reblurSeconds: 0, exposureBudgetSeconds: 1, shiftHours: 100, idleLockMinutes: 0 },
    loose,
  );
  expect(wellness).toMatchObject({
    reblurSeconds: 3,
    exposureBudgetSeconds: 60,
    shiftHours: 24,
    idleLockMinutes: 1,
  });
});

test('a choice that is not a usable number follows the organisation', () => {
  expect(effectiveWellness({ reblurSeconds: Number.NaN }, org).reblurSeconds).toBe(10);
  expect(effectiveWellness({ reblurSeconds: 4.6 }, org).reblurSeconds).toBe(5);
});

test('the limits the settings page offers say which way is safer', () => {
  expect(wellnessLimits(org)).toEqual({
    blurStrength: { min: 3, max: 5 },
    grayscaleFixed: false,
    reblurSeconds: { min: 3, max: 10 },
    safeModeFixed: false,
    exposureBudgetSeconds: { min: 60, max: 900 },
    shiftHours: { min: 8, max: 24 },
    idleLockMinutes: { min: 1, max: 5, mayTurnOff: false },
  });
  expect(wellnessLimits({ ...org, grayscale: true, safeMode: true })).toMatchObject({
    grayscaleFixed: true,
    safeModeFixed: true,
  });
});

test('stored choices are read field by field: a bad field falls back, the others stay', () => {
  expect(
    parseUserWellness({ blurStrength: 9, grayscale: 'yes', reblurSeconds: 5, mediaUrl: '/x' }),
  ).toEqual({ reblurSeconds: 5 });
  expect(parseUserWellness({ idleLockMinutes: null, safeMode: true })).toEqual({
    idleLockMinutes: null,
    safeMode: true,
  });
  expect(parseUserWellness('not an object')).toEqual({});
  expect(parseUserWellness(null)).toEqual({});
});
