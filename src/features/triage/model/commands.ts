import { reviewerRoles } from '../../../api/endpoints';
import { DismissReason } from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import type { Role } from '../../../api/schemas/user';
import { reviewRefusal, stageOf, type ReviewStage } from '../../../domain/review-rules';
import { dismissReasonLabels } from '../../../domain/decision-labels';

/** What decides whether a command may run now. */
export interface CommandContext {
  role: Role;
  userId: string;
  /** Who already reviewed the item in this round, when the caller may know (`reviewedBy`). */
  reviewedBy: readonly string[];
  /** Who read the first verdict while the item awaited its blind second review (the caller, or no one). */
  readFirstVerdict?: readonly string[];
  item: FlaggedItem | undefined;
  /** The caller holds the item's lease. */
  heldByMe: boolean;
  /**
   * The selection has moved on and this item is still on screen for a frame or two: a key
   * pressed now was meant for the next item, so it decides nothing.
   */
  superseded?: boolean;
  /** A decision on this item is in the outbox, applied but not yet recorded by the server. */
  sending?: boolean;
}

export type CommandId =
  'confirm' | 'annotate' | 'dismiss' | 'escalate' | 'help' | `dismiss:${DismissReason}`;

export interface Command {
  id: CommandId;
  label: string;
  /** Keys that run it (single keys, ignored while typing and when shortcuts are off). */
  keys: readonly string[];
  /** Shown only while choosing a dismissal reason. */
  inDismissMenu?: boolean;
}

const dismissCommands: Command[] = DismissReason.options.map((reason, index) => ({
  id: `dismiss:${reason}`,
  label: dismissReasonLabels[reason],
  keys: [String(index + 1)],
  inDismissMenu: true,
}));

/** The one list of adjudication commands: read by the buttons, the keyboard and the help. */
export const commands: readonly Command[] = [
  { id: 'confirm', label: 'Confirm', keys: ['c'] },
  { id: 'annotate', label: 'File annotations for a confirmation…', keys: ['a'] },
  { id: 'dismiss', label: 'Dismiss…', keys: ['d'] },
  ...dismissCommands,
  { id: 'escalate', label: 'Escalate…', keys: ['e'] },
  { id: 'help', label: 'Keyboard shortcuts', keys: ['?'] },
];

/** Analysts and supervisors decide (and see media); auditors never do: the API's own rule. */
export const canDecide = (role: Role) => reviewerRoles.some((r) => r === role);

/** Why a decision cannot be made now, or null when it can. */
export function decisionBlocker({
  role,
  userId,
  reviewedBy,
  readFirstVerdict = [],
  item,
  heldByMe,
  superseded = false,
  sending = false,
}: CommandContext): string | null {
  if (!canDecide(role)) return `A${role === 'auditor' ? 'n' : ''} ${role} does not decide items.`;
  if (!item) return 'Select an item.';
  if (superseded) return 'Opening the selected item…';
  if (sending) return 'Your decision on this item is being sent.';
  const refusal = reviewRefusal({
    stage: stageOf(item.status),
    reviewer: { id: userId, role },
    reviewedBy,
    readFirstVerdict,
  });
  if (refusal) return refusal;
  if (!heldByMe) {
    return item.lease && Date.parse(item.lease.expiresAt) > Date.now()
      ? `Held by ${item.lease.holderName}.`
      : 'Claiming the item…';
  }
  return null;
}

/** A supervisor's decision is final: it confirms or dismisses, never escalates further. */
const offeredAt = (command: Command, stage: ReviewStage | null) =>
  !(command.id === 'escalate' && stage === 'supervisor');

export const isAllowed = (command: Command, context: CommandContext) =>
  command.id === 'help' ||
  (decisionBlocker(context) === null &&
    offeredAt(command, context.item ? stageOf(context.item.status) : null));

export const commandForKey = (key: string, dismissMenuOpen: boolean) =>
  commands.find((c) => c.keys.includes(key) && Boolean(c.inDismissMenu) === dismissMenuOpen);
