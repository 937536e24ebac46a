import { vi } from 'vitest';
import { ApiError } from '../../../api/api-error';
import type { DecisionRequest } from '../../../api/schemas/decision';
import { createFakeBrowser } from '../../../lib/fake-browser.test-support';
import { createFakeClock } from '../../../lib/fake-clock.test-support';
import { createOutbox } from './outbox';
import type { OutboxEntry } from './outbox-entry';
import { storedDecision } from './outbox-entry.test-support';
import { startOutboxSender } from './outbox-sender-engine';

/**
 * Test support for the outbox sender (`outbox-sender-engine.ts`): a browser whose tabs share
 * storage and locks, a clock moved by hand, and a server in memory.
 */

/**
 * How the fake server answers one request: `ok`; `lost` records the decision and loses the answer
 * (the connection dropped on the way back); `unreadable` records it and answers a body that does
 * not parse; `garbled` answers such a body without recording (a broken proxy); `down` (no
 * answer), `503`, `401`, `409` record nothing.
 */
export type FakeAnswer = 'ok' | 'lost' | 'unreadable' | 'garbled' | 'down' | '503' | '401' | '409';

const failures = {
  lost: [0, 'network', 'The request failed: no answer'],
  down: [0, 'network', 'The request failed: no answer'],
  unreadable: [200, 'malformed_response', 'The answer could not be read'],
  garbled: [200, 'malformed_response', 'The answer could not be read'],
  '503': [503, 'unavailable', 'The server is unavailable'],
  '401': [401, 'unauthenticated', 'Signed out'],
  '409': [409, 'already_decided', 'Decided by someone else'],
} as const;

const fail = (answer: Exclude<FakeAnswer, 'ok'>, endpoint: string) => {
  const [status, code, message] = failures[answer];
  return new ApiError({ status, code, message, endpoint });
};

/**
 * The decision endpoints of a server, in memory, as the outbox sender uses them (its
 * `OutboxServer`): it records each idempotency key once, however often it is sent, and counts
 * every request that reached it. `hold` keeps the answers back until `release`.
 */
export function createFakeOutboxServer() {
  const recorded = new Set<string>();
  /** The key of each decision request that reached the server, in order. */
  const sent: string[] = [];
  const takenBack: string[] = [];
  const answers: FakeAnswer[] = [];
  const readAnswers: ('ok' | 'down')[] = [];
  let reads = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;

  return {
    /** The next requests' answers, in order; then `ok`. */
    answer: (...next: FakeAnswer[]) => void answers.push(...next),
    /** The next read-backs' answers, in order; then `ok`. */
    answerReads: (...next: ('ok' | 'down')[]) => void readAnswers.push(...next),
    hold: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => {
      gate = null;
      open();
    },
    sent,
    takenBack,
    isRecordedKey: (key: string) => recorded.has(key),
    reads: () => reads,
    /** The most decision requests that were ever on their way at once. */
    mostInFlight: () => mostInFlight,
    timesSent: (key: string) => sent.filter((k) => k === key).length,

    async send(_itemId: string, request: DecisionRequest) {
      sent.push(request.idempotencyKey);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const answer = answers.shift() ?? 'ok';
      try {
        await gate;
        await Promise.resolve();
        if (answer === 'ok' || answer === 'lost' || answer === 'unreadable')
          recorded.add(request.idempotencyKey);
        if (answer !== 'ok') throw fail(answer, 'POST /api/items/{itemId}/decisions');
        return { recorded: request.idempotencyKey };
      } finally {
        inFlight -= 1;
      }
    },
    async isRecorded(entry: { key: string }) {
      reads += 1;
      await Promise.resolve();
      if (readAnswers.shift() === 'down') throw fail('down', 'GET /api/items/{itemId}');
      return recorded.has(entry.key);
    },
    async takeBack(_itemId: string, key: string) {
      await Promise.resolve();
      takenBack.push(key);
      recorded.delete(key);
    },
  };
}

/**
 * Frames as the sender waits for them: painted at once, unless `holdFrames` keeps them back until
 * `paint`.
 */
function createPainter() {
  let held: (() => void)[] | null = null;
  return {
    afterPaint: (task: () => void) => {
      if (held === null) {
        task();
        return () => undefined;
      }
      let cancelled = false;
      held.push(() => {
        if (!cancelled) task();
      });
      return () => {
        cancelled = true;
      };
    },
    holdFrames: () => {
      held = [];
    },
    /** Paints the frame the held tasks waited for, and paints every later one at once. */
    paint: () => {
      const waiting = held ?? [];
      held = null;
      for (const task of waiting) task();
    },
  };
}

/** A browser, its clock and the server: what each test of the sender starts from. */
export function senderWorld() {
  const clock = createFakeClock();
  const server = createFakeOutboxServer();
  const browser = createFakeBrowser();
  const painter = createPainter();
  /** A tab of the browser with its own outbox, whose sender `start` starts for a user. */
  const openTab = () => {
    const { page, storage, close } = browser.openTab();
    const outbox = createOutbox(storage);
    const told = { recorded: vi.fn(), signInNeeded: vi.fn(), conflict: vi.fn() };
    const start = (userId = 'usr_ana') =>
      startOutboxSender({
        userId,
        outbox,
        server,
        lock: browser.locks,
        clock,
        afterPaint: painter.afterPaint,
        page,
        told,
      });
    const states = (key: string) => outbox.getState().entries.find((e) => e.key === key)?.state;
    const put = (...entries: OutboxEntry[]) => {
      for (const entry of entries) outbox.getState().put(entry);
    };
    return { page, outbox, told, start, close, states, put };
  };
  let made = 0;
  /** A decision made now (after the one before), in the outbox's stored shape. */
  const decision = (itemId: string, userId = 'usr_ana'): OutboxEntry =>
    storedDecision(
      itemId,
      userId,
      { kind: 'escalate', reason: 'Needs a supervisor' },
      clock.now() + made++,
    );
  return { clock, server, browser, openTab, decision, painter };
}
