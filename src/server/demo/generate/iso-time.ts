const DAY = 86_400_000;
const dayPrefixes = new Map<number, number[]>();
const isoChars: number[] = new Array<number>(24).fill(0);
const digit = (n: number) => 48 + n;
function writeTwoDigits(at: number, value: number) {
  isoChars[at] = digit(Math.floor(value / 10));
  isoChars[at + 1] = digit(value % 10);
}

/**
 * `new Date(ms).toISOString()`, several times faster and as one flat string (the generator formats
 * about a million; a string built by concatenation keeps every piece alive).
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    const date = new Date(day * DAY).toISOString();
    prefix = Array.from({ length: 11 }, (_, i) => date.charCodeAt(i));
    dayPrefixes.set(day, prefix);
  }
  for (let i = 0; i < 11; i++) isoChars[i] = prefix[i] ?? 0;
  const inDay = ms - day * DAY;
  writeTwoDigits(11, Math.floor(inDay / 3_600_000));
  isoChars[13] = 58; // ':'
  writeTwoDigits(14, Math.floor(inDay / 60_000) % 60);
  isoChars[16] = 58; // ':'
  writeTwoDigits(17, Math.floor(inDay / 1000) % 60);
  isoChars[19] = 46; // '.'
  const millis = inDay % 1000;
  isoChars[20] = digit(Math.floor(millis / 100));
  writeTwoDigits(21, millis % 100);
  isoChars[23] = 90; // 'Z'
  return String.fromCharCode(...isoChars);
}
