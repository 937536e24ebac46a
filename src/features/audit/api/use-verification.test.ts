import { expect, test } from 'vitest';
import { combine, splitJob } from './use-verification';

const done = (over: Partial<Parameters<typeof combine>[0][number]>) => ({
  type: 'done' as const,
  checked: 10,
  failure: null,
  extendsRecordedHead: null,
  hashingMs: 100,
  totalMs: 200,
  ...over,
});

test('a large range is split in two halves that meet, a small one is not', () => {
  expect(splitJob({ firstSeq: 1, lastSeq: 100 })).toEqual([{ firstSeq: 1, lastSeq: 100 }]);
  expect(splitJob({ firstSeq: 1, lastSeq: 100_000 })).toEqual([
    { firstSeq: 1, lastSeq: 50_000 },
    { firstSeq: 50_001, lastSeq: 100_000 },
  ]);
});

test('the halves combine: the earliest break is named, the slowest half times the run', () => {
  const broken = { seq: 70_000, reason: 'hash' as const, message: 'Event 70000 was changed.' };
  const earlier = { seq: 12, reason: 'link' as const, message: 'Event 12 does not link.' };
  expect(combine([done({}), done({ failure: broken, hashingMs: 300 })])).toMatchObject({
    checked: 20,
    failure: broken,
    hashingMs: 300,
  });
  expect(combine([done({ failure: earlier }), done({ failure: broken })]).failure).toBe(earlier);
  expect(
    combine([done({ extendsRecordedHead: true }), done({ extendsRecordedHead: null })])
      .extendsRecordedHead,
  ).toBe(true);
});
