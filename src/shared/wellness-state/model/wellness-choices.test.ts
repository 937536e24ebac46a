// @vitest-environment jsdom
import { expect, test } from 'vitest';
import {
  chooseWellness,
  resetWellness,
  setSingleKeyShortcuts,
  singleKeyShortcutsOn,
  wellnessStorageKey,
} from './wellness-choices';
import { createUserRecord } from './user-record';

const stored = (userId: string): unknown =>
  JSON.parse(localStorage.getItem(wellnessStorageKey(userId)) ?? 'null');

test('each user’s choices are kept under a key of their own', () => {
  chooseWellness('usr_one', { safeMode: true, reblurSeconds: 5 });
  chooseWellness('usr_two', { blurStrength: 5 });
  expect(wellnessStorageKey('usr_one')).toBe('verity.wellness:usr_one');
  expect(stored('usr_one')).toEqual({ safeMode: true, reblurSeconds: 5 });
  expect(stored('usr_two')).toEqual({ blurStrength: 5 });
});

test('the single-key shortcut switch is per user and on until turned off', () => {
  expect(singleKeyShortcutsOn('usr_three')).toBe(true);
  setSingleKeyShortcuts('usr_three', false);
  expect(singleKeyShortcutsOn('usr_three')).toBe(false);
  expect(singleKeyShortcutsOn('usr_four')).toBe(true);
});

test('a shortcut switch this browser kept before it was per user still counts', () => {
  localStorage.setItem(
    'verity.preferences',
    JSON.stringify({ state: { singleKeyShortcuts: false }, version: 0 }),
  );
  try {
    expect(singleKeyShortcutsOn('usr_legacy')).toBe(false);
    setSingleKeyShortcuts('usr_legacy', true);
    expect(singleKeyShortcutsOn('usr_legacy')).toBe(true);
  } finally {
    localStorage.removeItem('verity.preferences');
  }
});

test('only known settings are read back and written again: nothing else, never media', () => {
  localStorage.setItem(
    wellnessStorageKey('usr_five'),
    JSON.stringify({ grayscale: true, blurStrength: 'max', previewUrl: '/api/items/x/preview' }),
  );
  chooseWellness('usr_five', { shiftHours: 9 });
  expect(stored('usr_five')).toEqual({ grayscale: true, shiftHours: 9 });
});

test('resetting returns the wellness settings to the organisation’s, keeping the shortcut switch', () => {
  chooseWellness('usr_six', { safeMode: true, idleLockMinutes: 2, singleKeyShortcuts: false });
  resetWellness('usr_six');
  expect(stored('usr_six')).toEqual({ singleKeyShortcuts: false });
});

test('a record changed in another tab is followed', () => {
  const record = createUserRecord('test.record:', (raw) => (typeof raw === 'number' ? raw : 0));
  expect(record.read('usr_seven')).toBe(0);
  localStorage.setItem('test.record:usr_seven', '3');
  window.dispatchEvent(new StorageEvent('storage', { key: 'test.record:usr_seven' }));
  expect(record.read('usr_seven')).toBe(3);
});

test('unreadable storage reads as nothing chosen', () => {
  localStorage.setItem(wellnessStorageKey('usr_eight'), '{not json');
  expect(singleKeyShortcutsOn('usr_eight')).toBe(true);
  chooseWellness('usr_eight', { grayscale: true });
  expect(stored('usr_eight')).toEqual({ grayscale: true });
});
