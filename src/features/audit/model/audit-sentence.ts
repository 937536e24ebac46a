import type { AuditAction, AuditEvent } from '../../../api/schemas/audit';
import { DismissReason } from '../../../api/schemas/decision';
import { dismissReasonLabels } from '../../../domain/decision-labels';

/**
 * One readable sentence per audit event: “Ana Ortiz confirmed itm_… (A1) at first review, version
 * 3”. Made from the event alone — never from other events, the item or what the reader knows — so
 * a sentence tells no more than the event it stands for, and an event that carries a verdict is
 * one whose reading already bars the reader from that item's blind second review. The event's
 * full canonical JSON stays one click away.
 */

type Detail = AuditEvent['detail'];

const text = (detail: Detail, key: string): string | null => {
  const value = detail[key];
  return typeof value === 'string' ? value : null;
};
const number = (detail: Detail, key: string): number | null => {
  const value = detail[key];
  return typeof value === 'number' ? value : null;
};

const stageWords: Record<string, string> = {
  first: 'at first review',
  second: 'at second review',
  supervisor: 'as the supervisor’s decision',
};

const outcomeWords: Record<string, string> = {
  pending: 'it waits for a first review again',
  awaiting_second_review: 'it now awaits a second review',
  escalated: 'it went to the supervisors',
  confirmed: 'it is confirmed',
  dismissed: 'it is dismissed',
};

const revealEndWords: Record<string, string> = {
  timeout: 'when its time ran out',
  manual: 'by hand',
  item_change: 'on leaving the item',
  window_blur: 'when the window lost focus',
  hidden: 'when the tab was hidden',
  idle_lock: 'when previews locked after idle time',
};

const lowerFirst = (words: string) => words.charAt(0).toLowerCase() + words.slice(1);

/** “confirmed itm_x (A1)”, “dismissed itm_x as adult content”, “escalated itm_x”. */
function verdictPhrase(detail: Detail, subject: string): string {
  switch (text(detail, 'verdict')) {
    case 'confirm': {
      const classification = text(detail, 'classification');
      return `confirmed ${subject}${classification ? ` (${classification})` : ''}`;
    }
    case 'dismiss': {
      const reason = DismissReason.safeParse(detail.reason);
      return `dismissed ${subject}${reason.success ? ` as ${lowerFirst(dismissReasonLabels[reason.data])}` : ''}`;
    }
    case 'escalate':
      return `escalated ${subject} to the supervisors`;
    default:
      return `decided ${subject}`;
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

const joined = (...parts: (string | null | false)[]) => parts.filter(Boolean).join(', ');

type Describe = (who: string, subject: string, detail: Detail) => string;

const reportVerbs: Partial<Record<AuditAction, string>> = {
  'report.updated': 'updated',
  'report.submitted': 'submitted for review',
  'report.approved': 'approved',
  'report.rejected': 'sent back to draft',
  'report.reopened': 'reopened',
  'report.filing_started': 'started filing with NCMEC',
  'report.filing_failed': 'could not finish filing',
  'report.retracted': 'retracted',
  'report.filed': 'filed with NCMEC',
};

function reportSentence(verb: string): Describe {
  return (who, subject, detail) => {
    const status = text(detail, 'status');
    const version = number(detail, 'version');
    const state = joined(
      status && `now ${status.replaceAll('_', ' ')}`,
      version !== null && `version ${version}`,
    );
    return `${who} ${verb} ${subject}${state ? ` (${state})` : ''}.`;
  };
}

/** “…and was refused (409, held): <the server's message>”: why, in the server's own words. */
function refused(detail: Detail): string {
  const message = text(detail, 'message');
  const why = message ? `: ${message}` : '';
  const sentence = `and was refused (${number(detail, 'status') ?? '?'}, ${text(detail, 'refusal') ?? '?'})${why}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

const stageAttempt: Record<string, string> = {
  first: 'a first-review decision',
  second: 'a second-review decision',
  supervisor: 'a supervisor’s decision',
};

const urlFieldWords: Record<string, string> = {
  source_url: 'the source URL',
  page_url: 'the page URL',
  profile_url: 'the uploader’s profile URL',
  file_location: 'the file location',
};

/** The URL as the event holds it: defanged by the server, never live. */
function urlCopied(who: string, subject: string, detail: Detail): string {
  const what = `${urlFieldWords[text(detail, 'field') ?? ''] ?? 'a URL'} ${text(detail, 'url') ?? ''}`;
  return text(detail, 'form') === 'live'
    ? `${who} copied ${what} of ${subject} as a live URL, after confirming it is untrusted.`
    : `${who} copied ${what} of ${subject} in its defanged form.`;
}

const sentences: Partial<Record<AuditAction, Describe>> = {
  'url.copied': urlCopied,
  'item.claim_refused': (who, subject, detail) =>
    `${who} tried to claim ${subject} ${refused(detail)}`,
  'item.decision_refused': (who, subject, detail) => {
    const correcting = text(detail, 'correcting');
    const what = correcting
      ? `to correct ${correcting} on ${subject}`
      : `${stageAttempt[text(detail, 'stage') ?? ''] ?? 'a decision'} on ${subject}`;
    const version = number(detail, 'itemVersion');
    return `${who} tried ${what}${version !== null ? `, version ${version},` : ''} ${refused(detail)}`;
  },
  'media.reveal_refused': (who, subject, detail) =>
    `${who} tried to reveal the original of ${subject} ${refused(detail)}`,
  'report.approval_refused': (who, subject, detail) =>
    `${who} tried to approve ${subject} ${refused(detail)}`,
  'session.started': (who) => `${who} signed in.`,
  'session.ended': (who, _subject, detail) => {
    switch (text(detail, 'reason')) {
      case 'signed_out':
        return `${who} signed out.`;
      case 'replaced':
        return `${who}’s session ended: someone signed in again in the same browser.`;
      case 'signed_out_everywhere':
        return `${who}’s session ended: signed out everywhere.`;
      case 'idle_timeout':
        return `${who}’s session expired after ${number(detail, 'idleMinutes') ?? '?'} minutes idle.`;
      case 'expired':
        return `${who}’s session reached its ${number(detail, 'maxHours') ?? '?'}-hour limit.`;
      default:
        return `${who}’s session ended.`;
    }
  },
  'item.flagged': (_who, subject) => `${subject} was flagged.`,
  'item.claimed': (who, subject, detail) =>
    `${who} ${detail.renewal === true ? 'renewed the claim on' : 'claimed'} ${subject}${
      text(detail, 'expiresAt') ? ` until ${text(detail, 'expiresAt') ?? ''}` : ''
    }.`,
  'item.released': (who, subject, detail) => {
    const previous = text(detail, 'previousHolderId');
    return previous
      ? `${who} released ${subject}, held by ${previous}.`
      : `${who} released ${subject}.`;
  },
  'item.reassigned': (who, subject, detail) =>
    `${who} handed ${subject} to ${text(detail, 'holderId') ?? 'another reviewer'}${
      text(detail, 'previousHolderId') ? ` (held by ${text(detail, 'previousHolderId') ?? ''})` : ''
    }.`,
  'item.viewed': (who, subject, detail) =>
    `${who} viewed ${subject}${
      detail.previewMode === 'hash_only'
        ? ' (hashes only)'
        : detail.previewMode === 'blurred'
          ? ' (blurred preview)'
          : ''
    }.`,
  'item.decided': (who, subject, detail) => {
    const outcome = text(detail, 'outcome');
    const cluster = text(detail, 'clusterOf');
    return `${joined(
      `${who} ${verdictPhrase(detail, subject)} ${stageWords[text(detail, 'stage') ?? ''] ?? ''}`.trim(),
      number(detail, 'itemVersion') !== null && `version ${number(detail, 'itemVersion') ?? ''}`,
    )}${cluster ? `, with the cluster of ${cluster}` : ''}${outcome && outcomeWords[outcome] ? `: ${outcomeWords[outcome]}` : ''}.`;
  },
  'item.decision_undone': (who, subject, detail) =>
    `${who} took back ${text(detail, 'decisionId') ?? 'a decision'}, which ${verdictPhrase(detail, subject)} ${
      stageWords[text(detail, 'stage') ?? ''] ?? ''
    }`.trim() + '.',
  'item.decision_replayed': (who, subject, detail) =>
    `${who}’s decision ${text(detail, 'decisionId') ?? ''} on ${subject} arrived again and was recorded once.`,
  'item.second_review_barred': (who, subject, detail) =>
    `${who} read the first verdict of ${subject} (event ${number(detail, 'auditSeq') ?? '?'}) and may no longer make its blind second review${
      detail.released === true ? '; their hold on it was released' : ''
    }.`,
  'item.decision_corrected': (who, subject, detail) =>
    `${who} corrected ${text(detail, 'supersedes') ?? 'a decision'}: ${verdictPhrase(detail, subject)}${
      number(detail, 'itemVersion') !== null
        ? `, version ${number(detail, 'itemVersion') ?? ''}`
        : ''
    }, final.`,
  'media.revealed': (who, subject, detail) =>
    `${who} revealed the original of ${subject}${detail.wholeFile === true ? ' (the whole image)' : ''}.`,
  'media.reblurred': (who, subject, detail) => {
    const duration = number(detail, 'durationMs');
    const why = revealEndWords[text(detail, 'reason') ?? ''];
    return `${subject} blurred again for ${who}${duration !== null ? ` after ${seconds(duration)}` : ''}${why ? `, ${why}` : ''}.`;
  },
  'report.created': (who, subject, detail) =>
    `${who} drafted ${subject} (${number(detail, 'files') ?? '?'} files from ${number(detail, 'items') ?? '?'} items).`,
  'audit.exported': (who, _subject, detail) =>
    `${who} exported ${number(detail, 'events') ?? '?'} events as ${
      detail.format === 'csv' ? 'CSV' : 'JSON Lines'
    }${text(detail, 'filter') && text(detail, 'filter') !== '{}' ? ` (filter ${text(detail, 'filter') ?? ''})` : ''}.`,
};

/** The event as one sentence, made from the event alone. */
export function auditSentence(event: AuditEvent): string {
  const who = event.actor.role === 'system' ? 'Verity' : event.actor.name;
  const subject =
    event.subject.type === 'item' || event.subject.type === 'report'
      ? event.subject.id
      : `${event.subject.type} ${event.subject.id}`;
  const verb = reportVerbs[event.action];
  const describe = verb ? reportSentence(verb) : sentences[event.action];
  return describe ? describe(who, subject, event.detail) : `${who}: ${event.action} on ${subject}.`;
}
