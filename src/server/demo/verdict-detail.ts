import type { Verdict } from '../../api/schemas/decision';

/**
 * What an audit event records of a verdict: its kind, and the classification of a confirmation or
 * the reason code of a dismissal (an escalation's free text stays on the decision). Only events
 * that carry a verdict hold these, and reading them bars the reader from a blind second review
 * (blind-review.ts).
 */
export function verdictDetail(verdict: Verdict): Record<string, string | null> {
  switch (verdict.kind) {
    case 'confirm':
      return { verdict: verdict.kind, classification: verdict.classification };
    case 'dismiss':
      return { verdict: verdict.kind, reason: verdict.reason };
    case 'escalate':
      return { verdict: verdict.kind };
  }
}
