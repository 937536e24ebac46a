// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTypingTarget } from './keyboard';

const input = (type: string) => Object.assign(document.createElement('input'), { type });

describe('isTypingTarget', () => {
  it('is true in fields that take text', () => {
    for (const type of ['text', 'search', 'email', 'number', 'password'])
      expect(isTypingTarget(input(type))).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
  });

  it('is false on checkboxes, buttons and the page, so shortcuts still work there', () => {
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget(input('radio'))).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
