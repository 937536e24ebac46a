import { fileAnnotationLabels } from '../../../domain/cybertipline-labels';
import type { Decision, Verdict } from '../../../api/schemas/decision';
import { dismissReasonLabels } from '../../../domain/decision-labels';
import type { HashList, ItemStatus, Priority, SignalKind } from '../../../api/schemas/item';

/** One lookup table per enum the workspace shows: label and fixed classes. */

export const statusStyles: Record<ItemStatus, { label: string; className: string }> = {
  pending: { label: 'Pending', className: 'bg-slate-100 text-slate-800' },
  awaiting_second_review: {
    label: 'Awaiting second review',
    className: 'bg-violet-100 text-violet-900',
  },
  escalated: { label: 'Escalated', className: 'bg-amber-100 text-amber-900' },
  confirmed: { label: 'Confirmed', className: 'bg-red-100 text-red-900' },
  dismissed: { label: 'Dismissed', className: 'bg-emerald-100 text-emerald-900' },
};

export const priorityStyles: Record<Priority, { label: string; className: string }> = {
  p0: { label: 'P0', className: 'bg-red-700 text-white' },
  p1: { label: 'P1', className: 'bg-orange-800 text-white' },
  p2: { label: 'P2', className: 'bg-slate-600 text-white' },
  p3: { label: 'P3', className: 'bg-slate-300 text-slate-900' },
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

/** A verdict in words: the decision history and the pending decision both show it this way. */
export function verdictText(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'confirm':
      return [
        `Confirmed${verdict.classification ? ` (${verdict.classification})` : ''}`,
        ...verdict.annotations.map((tag) => fileAnnotationLabels[tag]),
      ].join(' · ');
    case 'dismiss':
      return `Dismissed: ${dismissReasonLabels[verdict.reason]}`;
    case 'escalate':
      return `Escalated: ${verdict.reason}`;
  }
}
