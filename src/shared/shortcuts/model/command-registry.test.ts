import { expect, test } from 'vitest';
import type { Verdict } from '../../../api/schemas/decision';
import { helpRow, isCharacterKey, keyHint } from './command';
import { allCommands, liveTogether, next } from './command-registry';
import { undo } from './undo-command';
import {
  annotate,
  confirm,
  decisionCommands,
  dismiss,
  dismissReasons,
  escalate,
  help,
  type DecisionCommandContext,
  type DecisionPanel,
} from './decision-commands';

/** A decision bar as the commands see it, recording what they asked of it. */
function bar(over: Partial<DecisionCommandContext> = {}) {
  const asked = {
    decided: [] as Verdict[],
    toggled: [] as DecisionPanel[],
    closed: [] as DecisionPanel[],
    focused: [] as string[],
    hints: [] as string[],
  };
  const ctx: DecisionCommandContext = {
    blocker: null,
    stage: 'first',
    classification: null,
    annotations: [],
    note: '',
    open: { annotations: false, 'dismiss menu': false, help: false },
    toggle: (panel) => asked.toggled.push(panel),
    close: (...panels) => asked.closed.push(...panels),
    decide: (verdict) => asked.decided.push(verdict),
    focus: (field) => asked.focused.push(field),
    hint: (text) => asked.hints.push(text),
    ...over,
  };
  return { ctx, asked };
}

test('every command has a key, a label and a row in the shortcut help', () => {
  for (const command of allCommands) {
    expect(command.keys.length, command.id).toBeGreaterThan(0);
    expect(command.label.trim(), command.id).not.toBe('');
    const row = helpRow(command);
    expect(row.keys.trim(), command.id).not.toBe('');
    expect(row.action.trim(), command.id).not.toBe('');
  }
  expect(new Set(allCommands.map((c) => c.id)).size).toBe(allCommands.length);
  expect(new Set(allCommands.map((c) => helpRow(c).action)).size).toBe(allCommands.length);
});

test('the help lists the moves and the undo beside the decisions', () => {
  const rows = allCommands.map(helpRow);
  expect(rows).toContainEqual({ keys: 'j, ↓', action: 'Next item' });
  expect(rows).toContainEqual({ keys: 'k, ↑', action: 'Previous item' });
  expect(rows).toContainEqual({ keys: 'u', action: 'Undo the last decision (for 5 s)' });
  expect(rows).toContainEqual({ keys: 'c', action: 'Confirm' });
  expect(rows).toContainEqual({ keys: 'd then 1', action: 'Dismiss: Adult content' });
});

test('no two commands share a key in one context, nor in contexts live at the same time', () => {
  const contexts = new Set(allCommands.map((c) => c.context));
  for (const context of contexts)
    expect(liveTogether.some((live) => live.includes(context))).toBe(true);
  for (const live of [...liveTogether, ...[...contexts].map((c) => [c])]) {
    const keys = allCommands.filter((c) => live.includes(c.context)).flatMap((c) => c.keys);
    expect(keys, live.join(' + ')).toEqual([...new Set(keys)]);
  }
});

test('digits choose a dismissal reason only in the dismiss menu', () => {
  const [first] = dismissReasons;
  expect(first?.keys).toEqual(['1']);
  expect(first?.context).toBe('dismiss menu');
  expect(
    decisionCommands.filter((c) => c.context === 'decision').flatMap((c) => c.keys),
  ).not.toContain('1');
});

test('single characters are the single-key shortcuts; the arrows and Escape are not', () => {
  expect(isCharacterKey('j')).toBe(true);
  expect(isCharacterKey('?')).toBe(true);
  expect(isCharacterKey('ArrowDown')).toBe(false);
  expect(isCharacterKey('Escape')).toBe(false);
  expect(keyHint(confirm, true)).toBe(' (c)');
  expect(keyHint(confirm, false)).toBe('');
});

test('a decision command is enabled only when nothing blocks a decision; help always is', () => {
  const free = bar().ctx;
  const blocked = bar({ blocker: 'Held by Ben Okafor.' }).ctx;
  for (const command of [confirm, annotate, dismiss, escalate, ...dismissReasons]) {
    expect(command.enabled?.(free), command.id).toBe(true);
    expect(command.enabled?.(blocked), command.id).toBe(false);
  }
  expect(help.enabled?.(blocked) ?? true).toBe(true);
});

test('a supervisor’s decision is final: it is never escalated further', () => {
  expect(escalate.enabled?.(bar({ stage: 'supervisor' }).ctx)).toBe(false);
  expect(confirm.enabled?.(bar({ stage: 'supervisor' }).ctx)).toBe(true);
});

test('confirm decides with the classification and the annotations chosen', () => {
  const { ctx, asked } = bar({ classification: 'A1', annotations: ['generativeAi'] });
  confirm.perform(ctx);
  expect(asked.decided).toEqual([
    { kind: 'confirm', classification: 'A1', annotations: ['generativeAi'] },
  ]);
});

test('a dismissal for “other” without a note asks for one instead of deciding', () => {
  const other = dismissReasons.find((c) => c.id === 'dismiss:other');
  if (!other) throw new Error('no “other” reason');
  const { ctx, asked } = bar();
  other.perform(ctx);
  expect(asked.decided).toEqual([]);
  expect(asked.closed).toEqual(['dismiss menu']);
  expect(asked.focused).toEqual(['note']);
  expect(asked.hints[0]).toMatch(/needs a note/);

  const noted = bar({ note: 'A drawing.' });
  other.perform(noted.ctx);
  expect(noted.asked.decided).toEqual([{ kind: 'dismiss', reason: 'other' }]);
});

test('the list moves and the undo run on what their surface gives them', () => {
  const moves: number[] = [];
  next.perform({ move: (delta) => moves.push(delta) });
  expect(moves).toEqual([1]);
  let undone = 0;
  const offer = { offered: true, undo: () => (undone += 1) };
  expect(undo.enabled?.(offer)).toBe(true);
  expect(undo.enabled?.({ ...offer, offered: false })).toBe(false);
  undo.perform(offer);
  expect(undone).toBe(1);
});
