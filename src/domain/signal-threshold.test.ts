import { expect, test } from 'vitest';
import type { Signal } from '../api/schemas/item';
import { pastThreshold } from './signal-threshold';

const rule = { ruleId: 'r', ruleName: 'Rule', ruleVersion: '1' };
const hash = (algorithm: 'PDQ' | 'MD5', distance: number, maxDistance: number): Signal => ({
  kind: 'hash_match',
  ...rule,
  hashList: 'ncmec',
  algorithm,
  distance,
  maxDistance,
});
const classifier = (score: number, threshold: number): Signal => ({
  kind: 'classifier',
  ...rule,
  score,
  threshold,
});

test('a hash within its list’s limit is a match, up to the limit itself', () => {
  expect(pastThreshold(hash('PDQ', 0, 31))).toBe(false);
  expect(pastThreshold(hash('PDQ', 31, 31))).toBe(false);
  expect(pastThreshold(hash('MD5', 0, 0))).toBe(false);
});

test('a hash beyond its list’s limit is past its threshold (an exact hash at any distance)', () => {
  expect(pastThreshold(hash('PDQ', 32, 31))).toBe(true);
  expect(pastThreshold(hash('PDQ', 38, 31))).toBe(true);
  expect(pastThreshold(hash('MD5', 1, 0))).toBe(true);
});

test('a classifier score is past its threshold only below it', () => {
  expect(pastThreshold(classifier(0.9, 0.9))).toBe(false);
  expect(pastThreshold(classifier(0.95, 0.9))).toBe(false);
  expect(pastThreshold(classifier(0.69, 0.7))).toBe(true);
});

test('text rules and heuristics have no threshold to pass', () => {
  expect(pastThreshold({ kind: 'text_rule', ...rule, field: 'pageTitle', matchedText: 'x' })).toBe(
    false,
  );
  expect(pastThreshold({ kind: 'heuristic', ...rule, description: 'near a cluster' })).toBe(false);
});
