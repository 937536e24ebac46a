import { expect, test } from 'vitest';
import hostile from '../server/demo/fixtures/hostile-strings.json';
import { fromShownInput, shownWithMarkers, toShownInput } from './untrusted-input';

const all = [...hostile.html, ...hostile.urls, ...hostile.text, ...hostile.csv, ...hostile.xml];

test('an invisible or direction-changing character is shown as a marker', () => {
  expect(toShownInput('\u202eevil.jpg.exe')).toBe('⟨U+202E⟩evil.jpg.exe');
  expect(toShownInput('zero\u200bwidth\u2066')).toBe('zero⟨U+200B⟩width⟨U+2066⟩');
  expect(toShownInput('line\nbreak')).toBe('line⟨U+000A⟩break');
  expect(toShownInput('plain café.jpg')).toBe('plain café.jpg');
});

test('what is shown reads back as exactly the data, for every hostile string', () => {
  for (const value of [...all, '⟨U+202E⟩ typed as text', '⟨U+27E8⟩', '⟨⟨U+202E⟩⟩', '⟨U+202E']) {
    const shown = toShownInput(value);
    expect(shown, JSON.stringify(value)).not.toMatch(/[\u202e\u200b\u2066\n\r\t]/);
    expect(shown.includes('\u0000'), JSON.stringify(value)).toBe(false);
    expect(fromShownInput(shown), JSON.stringify(value)).toBe(value);
  }
});

test('text that only looks like a marker is shown so that it cannot pass for one', () => {
  expect(toShownInput('⟨U+202E⟩gpj.exe')).toBe('⟨U+27E8⟩U+202E⟩gpj.exe');
  expect(toShownInput('⟨U+0041⟩ and ⟨x⟩')).toBe('⟨U+0041⟩ and ⟨x⟩');
});

test('an edit keeps the characters whose markers it kept, and drops the ones it deleted', () => {
  expect(fromShownInput('⟨U+202E⟩evil.jpg.exe.zip')).toBe('\u202eevil.jpg.exe.zip');
  // Deleting the marker's last character deletes the character; the rest is plain text.
  expect(fromShownInput('⟨U+202Eevil.jpg')).toBe('⟨U+202Eevil.jpg');
  // A marker for a visible character is not one: it stays as typed.
  expect(fromShownInput('⟨U+0041⟩')).toBe('⟨U+0041⟩');
});

test('shownWithMarkers says whether the field shows markers', () => {
  expect(shownWithMarkers('\u202eevil')).toBe(true);
  expect(shownWithMarkers('⟨U+202E⟩')).toBe(true);
  expect(shownWithMarkers('plain')).toBe(false);
});
