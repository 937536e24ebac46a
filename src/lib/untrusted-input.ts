import { isInvisible, markerOf } from './defang';

/**
 * Third-party text in a form field (a file name, a URL, an uploader's screen name in a report).
 *
 * An input shows its value raw: a right-to-left override would reorder it (`‮gpj.exe` reads
 * `exe.jpg`), a zero-width character would hide, and a text input drops line breaks on the next
 * edit. Yet the value is evidence, sent to NCMEC as found: it must keep every character, and a
 * marker must never be sent in place of the character it stands for.
 *
 * So the field shows the value with the markers the console uses elsewhere (`⟨U+202E⟩`), and what
 * is typed there is read back through the same markers: `fromShownInput(toShownInput(v)) === v`
 * for every value, so an analyst who edits another part of the text (or nothing) saves exactly
 * the data. Deleting a marker deletes its character; text that merely looks like a marker is
 * shown with its `⟨` marked (`⟨U+27E8⟩U+202E⟩`), so it cannot pass for one, and reads back as the
 * literal text it was. A marker typed by hand stands for its character, as it would when shown.
 */

const LEFT_ANGLE = '\u27e8';
const marker = /⟨U\+([0-9A-F]{4,6})⟩/gu;

/** The character a marker reads back as: an invisible one, or a literal `⟨`; else none. */
function markedCharacter(hex: string): string | null {
  const codePoint = Number.parseInt(hex, 16);
  if (codePoint > 0x10ffff) return null;
  const char = String.fromCodePoint(codePoint);
  return char === LEFT_ANGLE || isInvisible(char) ? char : null;
}

/** The value as the field shows it: invisible characters and marker look-alikes marked. */
export function toShownInput(value: string): string {
  let shown = '';
  for (let i = 0; i < value.length;) {
    const char = String.fromCodePoint(value.codePointAt(i) ?? 0);
    i += char.length;
    const lookalike = char === LEFT_ANGLE && /^U\+([0-9A-F]{4,6})⟩/u.exec(value.slice(i));
    shown +=
      isInvisible(char) || (lookalike && markedCharacter(lookalike[1] ?? ''))
        ? markerOf(char)
        : char;
  }
  return shown;
}

/** What the field holds, read back from what it shows (or what was typed there). */
export const fromShownInput = (shown: string) =>
  shown.replace(marker, (whole, hex: string) => markedCharacter(hex) ?? whole);

/** Whether the field shows this value with markers, and should say what they mean. */
export const shownWithMarkers = (value: string) => toShownInput(value) !== value;
