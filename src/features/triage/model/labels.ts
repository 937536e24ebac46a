import type { Decision } from '../../../api/schemas/decision';
import type { HashList, ItemStatus, Priority, SignalKind } from '../../../api/schemas/item';

/** One lookup table per enum the workspace shows: label and fixed classes (a `Badge`'s props). */

/** `short`: the same status in a list row, where space is tight. */
export const statusStyles: Record<ItemStatus, { label: string; short: string; className: string }> =
  {
    pending: { label: 'Pending', short: 'Pending', className: 'bg-slate-100 text-slate-800' },
    awaiting_second_review: {
      label: 'Awaiting second review',
      short: 'Second review',
      className: 'bg-violet-100 text-violet-900',
    },
    escalated: { label: 'Escalated', short: 'Escalated', className: 'bg-amber-100 text-amber-900' },
    confirmed: { label: 'Confirmed', short: 'Confirmed', className: 'bg-red-100 text-red-900' },
    dismissed: {
      label: 'Dismissed',
      short: 'Dismissed',
      className: 'bg-emerald-100 text-emerald-900',
    },
  };

/** What a status filter shows, in words: “Filter set: escalated items”. */
export const statusFilterText: Record<ItemStatus | 'all', string> = {
  pending: 'pending items',
  awaiting_second_review: 'items awaiting second review',
  escalated: 'escalated items',
  confirmed: 'confirmed items',
  dismissed: 'dismissed items',
  all: 'items of every status',
};

export const priorityStyles: Record<Priority, { label: string; className: string }> = {
  p0: { label: 'P0', className: 'bg-red-700 font-semibold text-white' },
  p1: { label: 'P1', className: 'bg-orange-800 font-semibold text-white' },
  p2: { label: 'P2', className: 'bg-slate-600 font-semibold text-white' },
  p3: { label: 'P3', className: 'bg-slate-300 font-semibold text-slate-900' },
};

export const signalKindLabels: Record<SignalKind, string> = {
  hash_match: 'Hash match',
  classifier: 'Classifier',
  text_rule: 'Text rule',
  heuristic: 'Heuristic',
};

export const hashListLabels: Record<HashList, string> = {
  ncmec: 'NCMEC list',
  industry: 'Industry list',
  internal: 'Internal list',
};

export const stageLabels: Record<Decision['stage'], string> = {
  first: 'First review',
  second: 'Second review',
  supervisor: 'Supervisor',
};
