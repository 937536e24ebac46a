import { describe, expect, it } from 'vitest';
import type { DecisionRequest } from '../../../api/schemas/decision';
import { sendingVerdict, type OutboxEntry } from './outbox';

const request = (kind: 'confirm' | 'escalate'): DecisionRequest => ({
  verdict:
    kind === 'confirm'
      ? { kind, classification: null, annotations: [] }
      : { kind, reason: 'Needs a supervisor' },
  note: null,
  itemVersion: 1,
  idempotencyKey: crypto.randomUUID(),
});
const entry = (itemId: string, state: OutboxEntry['state'], kind: 'confirm' | 'escalate') => {
  const req = request(kind);
  return { key: req.idempotencyKey, itemId, request: req, state };
};

describe('sendingVerdict', () => {
  it('applies a decision that is sending or waiting to retry', () => {
    expect(sendingVerdict([entry('itm_1', 'sending', 'confirm')], 'itm_1')?.kind).toBe('confirm');
    expect(sendingVerdict([entry('itm_1', 'retrying', 'escalate')], 'itm_1')?.kind).toBe(
      'escalate',
    );
  });

  it('rolls back a decision the server refused, and ignores other items', () => {
    expect(sendingVerdict([entry('itm_1', 'conflict', 'confirm')], 'itm_1')).toBeNull();
    expect(sendingVerdict([entry('itm_1', 'rejected', 'confirm')], 'itm_1')).toBeNull();
    expect(sendingVerdict([entry('itm_2', 'sending', 'confirm')], 'itm_1')).toBeNull();
  });

  it('shows the latest of several on one item', () => {
    const entries = [entry('itm_1', 'conflict', 'confirm'), entry('itm_1', 'sending', 'escalate')];
    expect(sendingVerdict(entries, 'itm_1')?.kind).toBe('escalate');
  });
});
