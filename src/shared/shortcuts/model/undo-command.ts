import { UNDO_OFFER_SECONDS } from '../../../domain/review-rules';
import type { Command } from './command';

/*
 * Its own module: the undo offer shows on every page (the shell's outbox), and so loads with the
 * first page; the rest of the registry loads with the workspace or the settings.
 */

/** What the undo offer gives its command. */
export interface UndoCommandContext {
  /** A decision of the reviewer's may still be taken back. */
  offered: boolean;
  undo: () => void;
}

export const undo: Command<UndoCommandContext> = {
  id: 'undo',
  label: 'Undo',
  keys: ['u'],
  context: 'anywhere',
  help: { action: `Undo the last decision (for ${UNDO_OFFER_SECONDS} s)` },
  once: true,
  enabled: (ctx) => ctx.offered,
  perform: (ctx) => ctx.undo(),
};

export const undoCommands: readonly Command<UndoCommandContext>[] = [undo];
