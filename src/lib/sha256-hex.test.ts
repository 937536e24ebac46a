import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { sha256Hex } from './sha256-hex';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test('matches the FIPS 180-4 test vectors', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
});

test('agrees with Node’s hasher at every length around the block edges, and on any text', () => {
  for (let length = 0; length < 300; length++) {
    const text = 'x'.repeat(length);
    expect(sha256Hex(text)).toBe(reference(text));
  }
  for (const text of ['ünïcødé ✓', '\u202e<script>', '😀'.repeat(50), 'a'.repeat(5000), '\0']) {
    expect(sha256Hex(text)).toBe(reference(text));
  }
});
