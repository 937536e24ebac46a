import {
  DismissReason,
  type FileAnnotation,
  type IndustryClassification,
  type Verdict,
} from '../../../api/schemas/decision';
import { dismissReasonLabels } from '../../../domain/decision-labels';
import type { ReviewStage } from '../../../domain/review-rules';
import type { Command } from './command';

/** The panels of the decision bar that a command opens or closes. */
export type DecisionPanel = 'annotations' | 'dismiss menu' | 'help';

/** What the decision bar gives its commands: the item's state, the choices made, its panels. */
export interface DecisionCommandContext {
  /** Why no decision can be made now, or null when one can. */
  blocker: string | null;
  /** The review the item waits for. */
  stage: ReviewStage | null;
  classification: IndustryClassification | null;
  annotations: readonly FileAnnotation[];
  note: string;
  open: Readonly<Record<DecisionPanel, boolean>>;
  toggle: (panel: DecisionPanel) => void;
  close: (...panels: DecisionPanel[]) => void;
  /** Makes the decision (the bar asks for a supervisor's rationale first). */
  decide: (verdict: Verdict) => void;
  focus: (field: 'note' | 'escalation') => void;
  /** Says what is missing before the decision can be made. */
  hint: (text: string) => void;
}

type DecisionCommand = Command<DecisionCommandContext>;

const decides = (ctx: DecisionCommandContext) => ctx.blocker === null;

export const confirm: DecisionCommand = {
  id: 'confirm',
  label: 'Confirm',
  keys: ['c'],
  context: 'decision',
  enabled: decides,
  perform: (ctx) =>
    ctx.decide({
      kind: 'confirm',
      classification: ctx.classification,
      annotations: [...ctx.annotations],
    }),
  button: { variant: 'primary' },
};

export const annotate: DecisionCommand = {
  id: 'annotate',
  label: 'File annotations for a confirmation…',
  keys: ['a'],
  context: 'decision',
  enabled: decides,
  perform: (ctx) => ctx.toggle('annotations'),
  button: {
    text: ({ annotations }) =>
      `Annotations${annotations.length > 0 ? ` (${annotations.length})` : ''}`,
    expanded: (ctx) => ctx.open.annotations,
  },
};

export const dismiss: DecisionCommand = {
  id: 'dismiss',
  label: 'Dismiss…',
  keys: ['d'],
  context: 'decision',
  enabled: decides,
  perform: (ctx) => ctx.toggle('dismiss menu'),
  button: { expanded: (ctx) => ctx.open['dismiss menu'] },
};

/** The reasons of the dismiss menu, each on its digit while the menu is open. */
export const dismissReasons: readonly DecisionCommand[] = DismissReason.options.map(
  (reason, index) => ({
    id: `dismiss:${reason}`,
    label: dismissReasonLabels[reason],
    keys: [String(index + 1)],
    context: 'dismiss menu',
    help: {
      action: `Dismiss: ${dismissReasonLabels[reason]}`,
      keys: `${dismiss.keys.join(', ')} then ${String(index + 1)}`,
    },
    enabled: decides,
    perform: (ctx) => {
      ctx.close('dismiss menu');
      if (reason === 'other' && !ctx.note.trim()) {
        ctx.hint('A dismissal for “other” needs a note: write it, then choose “other” again.');
        ctx.focus('note');
        return;
      }
      ctx.decide({ kind: 'dismiss', reason });
    },
    button: { keyFirst: true },
  }),
);

const cancelDismissal: DecisionCommand = {
  id: 'dismiss:cancel',
  label: 'Close the dismiss menu',
  keys: ['Escape'],
  context: 'dismiss menu',
  help: { keys: `${dismiss.keys.join(', ')} then Esc` },
  perform: (ctx) => ctx.close('dismiss menu', 'annotations'),
};

export const escalate: DecisionCommand = {
  id: 'escalate',
  label: 'Escalate…',
  keys: ['e'],
  context: 'decision',
  // A supervisor's decision is final: it confirms or dismisses, never escalates further.
  enabled: (ctx) => decides(ctx) && ctx.stage !== 'supervisor',
  perform: (ctx) => ctx.focus('escalation'),
};

export const help: DecisionCommand = {
  id: 'help',
  label: 'Keyboard shortcuts',
  keys: ['?'],
  context: 'decision',
  perform: (ctx) => ctx.toggle('help'),
  button: { variant: 'quiet', text: () => 'Shortcuts', expanded: (ctx) => ctx.open.help },
};

const closeAnnotations: DecisionCommand = {
  id: 'close',
  label: 'Close the file annotations',
  keys: ['Escape'],
  context: 'decision',
  perform: (ctx) => ctx.close('annotations'),
};

/** The decision bar's commands, in the order the help lists them. */
export const decisionCommands: readonly DecisionCommand[] = [
  confirm,
  annotate,
  dismiss,
  ...dismissReasons,
  cancelDismissal,
  escalate,
  help,
  closeAnnotations,
];
