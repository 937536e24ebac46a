import { expect, test } from 'vitest';
import hostile from '../server/demo/fixtures/hostile-strings.json';
import { wholeDefanged, defangUrl, revealInvisible } from './defang';

const text = (url: string) => defangUrl(url).text;

test('web schemes are defanged and every dot of the host bracketed', () => {
  expect(text('https://img.example.com/a/b.jpg?x=1')).toBe(
    'hxxps://img[.]example[.]com/a/b.jpg?x=1',
  );
  expect(text('HTTP://Example.org')).toBe('hxxp://Example[.]org');
  expect(text('ftp://files.example.net/x')).toBe('fxp://files[.]example[.]net/x');
});

test('credentials and ports stay visible, the host is still defanged', () => {
  expect(text('https://user:pass@example.com:8443/path?q=<script>#frag')).toBe(
    'hxxps://user:pass@example[.]com:8443/path?q=<script>#frag',
  );
});

test('script, data and other schemes lose their colon', () => {
  expect(text('javascript:alert(document.domain)')).toBe('javascript[:]alert(document.domain)');
  expect(text('JaVaScRiPt:alert(1)')).toBe('JaVaScRiPt[:]alert(1)');
  expect(text(' javascript:alert(1)')).toBe(' javascript[:]alert(1)');
  expect(text('vbscript:msgbox(1)')).toBe('vbscript[:]msgbox(1)');
  expect(text('data:text/html;base64,PHNjcmlwdD4=')).toBe('data[:]text/html;base64,PHNjcmlwdD4=');
});

test('a tab hidden inside a scheme is shown, so the text cannot be read as javascript:', () => {
  expect(text('java\tscript:alert(1)')).toBe('java⟨U+0009⟩script[:]alert(1)');
});

test('protocol-relative URLs are defanged too', () => {
  expect(text('//evil.example/protocol-relative')).toBe('//evil[.]example/protocol-relative');
});

test('an internationalised host is shown in punycode and flagged', () => {
  const cyrillic = defangUrl('https://exаmple.com/cyrillic-a');
  expect(cyrillic.text).toBe('hxxps://xn--exmple-4nf[.]com/cyrillic-a');
  expect(cyrillic.idn).toBe(true);
  expect(defangUrl('http://xn--exmple-cua.com/').idn).toBe(false);
});

test('a right-to-left override is made visible instead of reordering the text', () => {
  expect(text('https://example.com/\u202egpj.exe')).toBe('hxxps://example[.]com/⟨U+202E⟩gpj.exe');
  expect(revealInvisible('zero\u200bwidth')).toBe('zero⟨U+200B⟩width');
});

test('a very long URL is shortened for display only', () => {
  const long = `https://example.com/${'a/'.repeat(1000)}`;
  const shown = defangUrl(long);
  expect(shown.truncated).toBe(true);
  expect(shown.text).toHaveLength(160);
  expect(shown.text.endsWith('…')).toBe(true);
});

test('no hostile URL of the fixture keeps a live scheme', () => {
  for (const url of hostile.urls) {
    const shown = text(url);
    expect(shown).not.toMatch(/^\s*(https?|ftp|javascript|data|vbscript):/i);
    expect(shown).not.toMatch(/[\u202e\t]/);
  }
});

test('what a copy puts on the clipboard is the whole defanged form, never shortened', () => {
  const long = `https://img.example.com/${'a'.repeat(300)}.jpg`;
  expect(defangUrl(long).truncated).toBe(true);
  expect(wholeDefanged(long)).toBe(`hxxps://img[.]example[.]com/${'a'.repeat(300)}.jpg`);
});
