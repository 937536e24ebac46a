import { expect, test } from 'vitest';
import { JsonText } from '../db/json-text';
import { writeJson } from './write-json';

test('a field given as JSON text goes in as that text, the others as JSON.stringify writes them', () => {
  const body = {
    total: 2,
    events: new JsonText<unknown[]>('[{"seq":1},{"seq":2}]'),
    head: { seq: 2, hash: 'a"b' },
    left: undefined,
  };
  const written = writeJson(body);
  expect(JSON.parse(written)).toEqual({
    total: 2,
    events: [{ seq: 1 }, { seq: 2 }],
    head: { seq: 2, hash: 'a"b' },
  });
  expect(written).toBe(
    '{"total":2,"events":[{"seq":1},{"seq":2}],"head":{"seq":2,"hash":"a\\"b"}}',
  );
});

test('a body without JSON text is exactly JSON.stringify’s', () => {
  for (const body of [{ a: 1, b: [null, 'x'], c: undefined }, [1, 2], 'text', null, 3])
    expect(writeJson(body)).toBe(JSON.stringify(body));
});
