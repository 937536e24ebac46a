import type { Decision } from '../../api/schemas/decision';
import type { FlaggedItem, ItemStatus, Lease } from '../../api/schemas/item';
import type { NewAuditEvent } from '../audit/audit-chain';
import { createRandom, type Random } from './random';
import {
  leaseHolders,
  maybe,
  queueBacklog,
  suppliers,
  triageQueues,
  untrusted,
} from './generate/catalog';
import { historyFor } from './generate/history';
import { iso } from './generate/iso-time';
import { generateProvenance, withLazyProvenance } from './generate/provenance';
import { generateSignal, priorityOf } from './generate/signals';
import { verdictDetail } from './verdict-detail';
import { codeUnitOrder } from '../../lib/code-unit-order';

/** Items one demo reviewer holds in the seeded data, at most (well within the hold limit). */
const SEEDED_HOLDS_PER_PERSON = 2;

/** The seeded, deterministic generator of the mock's data: items, their decisions, their history. */

export interface GeneratorOptions {
  seed: number;
  /** Total items over all queues. */
  items: number;
  /** The instant the data is generated against; same seed + same `now` → same data. */
  now: Date;
  leaseSeconds: number;
}

export interface GeneratedData {
  items: FlaggedItem[];
  decisions: Map<string, Decision[]>;
  /** History of the seeded decisions, oldest first, for the audit log. */
  history: NewAuditEvent[];
}

export function generateData(options: GeneratorOptions): GeneratedData {
  const r = createRandom(options.seed);
  const nowMs = options.now.getTime();
  const items: FlaggedItem[] = [];
  // Seeded holds per person, at most SEEDED_HOLDS_PER_PERSON: within what one reviewer may hold.
  const seededHolds = new Map<string, number>();
  const decisions = new Map<string, Decision[]>();
  const history: NewAuditEvent[] = [];
  const queueShares = triageQueues.map((q) => [q, q.routes.share] as const);
  // Near-duplicate PDQs come from a stream of their own, so that `r`, and with it every other
  // field of the seeded data, stays what it was.
  const nearDuplicates = createRandom((options.seed + 0x5044_5131) >>> 0);
  const imagePdqs: string[] = [];
  const pdqBySha = new Map<string, string>();
  /** An image's PDQ: a reused file's own, else ~4% a near-copy of an earlier image's, else fresh. */
  const imagePdq = (fresh: string, sha256: string): string => {
    let pdq = pdqBySha.get(sha256);
    if (pdq === undefined) {
      pdq =
        imagePdqs.length > 0 && nearDuplicates.chance(0.04)
          ? flipBits(nearDuplicates.pick(imagePdqs), nearDuplicates.int(1, 20), nearDuplicates)
          : fresh;
      pdqBySha.set(sha256, pdq);
    }
    imagePdqs.push(pdq);
    return pdq;
  };

  for (let index = 0; index < options.items; index++) {
    const queue = r.weighted(queueShares);
    const signal = generateSignal(r, queue);
    const status = r.weighted<ItemStatus>([
      ['pending', 70],
      ['awaiting_second_review', 5],
      ['escalated', 5],
      ['confirmed', 10],
      ['dismissed', 10],
    ]);
    // Waiting items are mostly within their queue's SLA, a few past it; decided ones span 3 days.
    const ageMs =
      status === 'pending'
        ? queue.slaSeconds * 1000 * (queueBacklog[queue.id] ?? 1) * r.next() ** 2
        : r.int(30, 72 * 60) * 60_000;
    const flaggedAtMs = nowMs - Math.max(60_000, Math.floor(ageMs));
    const kind = r.weighted([
      ['image', 16],
      ['video', 2],
      ['text', 1],
      ['archive', 1],
    ] as const);
    const reusedHash =
      index > 0 && r.chance(0.05) ? items[r.int(0, index - 1)]?.media.sha256 : undefined;
    const hashOnly =
      kind !== 'image' ||
      (signal.kind === 'hash_match' && signal.hashList === 'ncmec') ||
      r.chance(0.1);
    const id = `itm_${r.hex(4)}${index.toString(36).padStart(4, '0')}`;
    // One in seven decided items had reviewers who disagreed, and one in three awaiting a second
    // review was dismissed first (not drawn: the data stays put).
    const steps = historyFor(r, status, signal, hashOnly, index % 7 === 3, index % 3 === 1);
    const itemDecisions = steps.map((step, i): Decision => ({
      id: `dec_${id.slice(4)}_${i + 1}`,
      itemId: id,
      itemVersion: i + 1,
      stage: step.stage,
      verdict: step.verdict,
      supersedes: null,
      note: null,
      actor: { id: step.actor.id, name: step.actor.name, role: step.actor.role },
      at: iso(flaggedAtMs + (i + 1) * Math.floor((nowMs - flaggedAtMs) / (steps.length + 1))),
    }));
    const drawnHolder = status === 'pending' && r.chance(0.03) ? r.pick(leaseHolders) : null;
    const holds = drawnHolder ? (seededHolds.get(drawnHolder.id) ?? 0) : 0;
    const leaseHolder = holds < SEEDED_HOLDS_PER_PERSON ? drawnHolder : null;
    if (leaseHolder) seededHolds.set(leaseHolder.id, holds + 1);
    // Someone is reviewing a few pending items right now: a live lease, claimed moments ago.
    const claimedAtMs = nowMs - r.int(5, 60) * 1000;
    const lease: Lease | null = leaseHolder && {
      holderId: leaseHolder.id,
      holderName: leaseHolder.name,
      window: null,
      expiresAt: iso(claimedAtMs + options.leaseSeconds * 1000),
    };
    const extraSignal = r.chance(0.2) ? generateSignal(r, r.pick(triageQueues)) : null;

    const supplier = r.pick(suppliers);
    const core: Omit<FlaggedItem, 'provenance'> = {
      id,
      version: 1 + itemDecisions.length,
      queueId: queue.id,
      status,
      priority: priorityOf(r, signal),
      flaggedAt: iso(flaggedAtMs),
      slaDueAt: iso(flaggedAtMs + queue.slaSeconds * 1000),
      lease,
      media: {
        kind,
        mimeType: {
          image: 'image/jpeg',
          video: 'video/mp4',
          text: 'text/plain',
          archive: 'application/zip',
        }[kind],
        byteSize: r.int(2_000, 8_000_000),
        width: kind === 'image' || kind === 'video' ? r.int(64, 4096) : null,
        height: kind === 'image' || kind === 'video' ? r.int(64, 4096) : null,
        durationSeconds: kind === 'video' ? r.int(2, 900) : null,
        sha256: reusedHash ?? r.hex(64),
        md5: r.hex(32),
        pdq: kind === 'image' ? r.hex(64) : null,
        originalHash: maybe(r, 0.7, () => ({ algorithm: 'SHA256' as const, value: r.hex(64) })),
        fileName: maybe(r, 0.85, () => untrusted(r, `IMG_${r.int(1000, 9999)}.jpg`)),
        exif: r.chance(0.5)
          ? [
              { tag: 'Make', value: untrusted(r, r.pick(['Canon', 'Nikon', 'Apple'])) },
              { tag: 'Software', value: untrusted(r, 'GIMP 2.10') },
            ]
          : [],
      },
      preview: hashOnly
        ? { mode: 'hash_only' }
        : { mode: 'blurred', blurredUrl: `/api/items/${id}/preview` },
      signals: extraSignal ? [signal, extraSignal] : [signal],
    };
    // Drawn from `r` above even when replaced here, so that the stream stays the same.
    if (core.media.pdq !== null) core.media.pdq = imagePdq(core.media.pdq, core.media.sha256);
    const itemSeed =
      (Math.imul(options.seed + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
    items.push(
      withLazyProvenance(core, () =>
        generateProvenance(createRandom(itemSeed), supplier, index, flaggedAtMs),
      ),
    );
    if (leaseHolder && lease) {
      history.push({
        at: iso(claimedAtMs),
        actor: { id: leaseHolder.id, name: leaseHolder.name, role: leaseHolder.role },
        action: 'item.claimed',
        subject: { type: 'item', id },
        detail: { expiresAt: lease.expiresAt, seeded: true },
      });
    }
    if (itemDecisions.length > 0) {
      decisions.set(id, itemDecisions);
      for (const decision of itemDecisions) {
        history.push({
          at: decision.at,
          actor: decision.actor,
          action: 'item.decided',
          subject: { type: 'item', id },
          detail: {
            decisionId: decision.id,
            stage: decision.stage,
            ...verdictDetail(decision.verdict),
            itemVersion: decision.itemVersion,
            seeded: true,
          },
        });
      }
    }
  }
  history.sort((a, b) => codeUnitOrder(a.at, b.at));
  return { items, decisions, history };
}

const hexDigits = '0123456789abcdef';

/** `hex` with `count` distinct bits, chosen by `random`, flipped. */
function flipBits(hex: string, count: number, random: Random): string {
  const digits = Array.from(hex, (c) => hexDigits.indexOf(c));
  const flipped = new Set<number>();
  while (flipped.size < Math.min(count, digits.length * 4)) {
    const bit = random.int(0, digits.length * 4 - 1);
    if (flipped.has(bit)) continue;
    flipped.add(bit);
    const digit = bit >> 2;
    digits[digit] = (digits[digit] ?? 0) ^ (8 >> (bit & 3));
  }
  return digits.map((d) => hexDigits[d] ?? '0').join('');
}
