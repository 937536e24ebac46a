import { useRef, useState } from 'react';
import type {
  DecisionDraft,
  FileAnnotation,
  IndustryClassification,
  Verdict,
} from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { stageOf } from '../../../domain/review-rules';
import { decisionBlocker, type DecisionState } from '../model/decision-blocker';
import { CommandButton } from '../../../shared/shortcuts/components/command-button';
import { ShortcutHelp } from '../../../shared/shortcuts/components/shortcut-help';
import { keyHint, type Command } from '../../../shared/shortcuts/model/command';
import {
  annotate,
  confirm,
  decisionCommands,
  dismiss,
  dismissReasons,
  escalate,
  help,
  type DecisionCommandContext,
  type DecisionPanel,
} from '../../../shared/shortcuts/model/decision-commands';
import { useCommands } from '../../../shared/shortcuts/model/use-commands';
import { useSingleKeyShortcuts } from '../../../shared/wellness-state/model/wellness-choices';
import { AnnotationPicker } from './annotation-picker';
import { ClassificationSelect } from './verdict-fields';

const closed: Record<DecisionPanel, boolean> = {
  annotations: false,
  'dismiss menu': false,
  help: false,
};

/**
 * Confirm, dismiss with a reason, or escalate — by button or by key, each a command of the one
 * registry (its buttons, keys and help come from there). A decision never needs a reveal.
 * `onDecide` receives the request; the outbox sends it.
 */
export function DecisionBar({
  item,
  state,
  isSuperseded,
  onDecide,
}: {
  item: FlaggedItem;
  state: DecisionState;
  /**
   * Whether the selection has moved on from this item, still on screen for a frame or two: asked
   * when a decision is asked for (a key pressed now was meant for the next item), never painted.
   */
  isSuperseded: () => boolean;
  onDecide: (request: DecisionDraft) => void;
}) {
  const blocker = decisionBlocker(state);
  const blockerNow = () => decisionBlocker({ ...state, superseded: isSuperseded() });
  const shortcuts = useSingleKeyShortcuts(state.userId);
  const [classification, setClassification] = useState<IndustryClassification | ''>('');
  const [annotations, setAnnotations] = useState<FileAnnotation[]>([]);
  const [note, setNote] = useState('');
  const [escalation, setEscalation] = useState('');
  const [open, setOpen] = useState(closed);
  const [hint, setHint] = useState<string | null>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const escalateRef = useRef<HTMLInputElement>(null);

  const stage = stageOf(item.status);
  const rationaleRequired = stage === 'supervisor';
  const decide = (verdict: Verdict) => {
    if (blockerNow()) return;
    if (rationaleRequired && !note.trim()) {
      setHint('A supervisor decision needs a written rationale: write it, then decide again.');
      noteRef.current?.focus();
      return;
    }
    onDecide({
      verdict,
      note: note.trim() || null,
      itemVersion: item.version,
      idempotencyKey: crypto.randomUUID(),
      madeAt: new Date().toISOString(),
    });
  };
  const ctx: DecisionCommandContext = {
    blocker,
    stage,
    classification: classification || null,
    annotations,
    note,
    open,
    toggle: (panel) => setOpen((now) => ({ ...now, [panel]: !now[panel] })),
    close: (...panels) =>
      setOpen((now) => ({ ...now, ...Object.fromEntries(panels.map((p) => [p, false])) })),
    decide,
    focus: (field) => (field === 'note' ? noteRef : escalateRef).current?.focus(),
    hint: setHint,
  };
  const run = useCommands(
    state.userId,
    decisionCommands,
    [open['dismiss menu'] ? 'dismiss menu' : 'decision'],
    () => ({ ...ctx, blocker: blockerNow() }),
  );
  const button = (command: Command<DecisionCommandContext>) => (
    <CommandButton key={command.id} command={command} ctx={ctx} run={run} shortcuts={shortcuts} />
  );

  return (
    <section
      aria-label="Decision"
      className="space-y-2 rounded-md border border-slate-300 bg-white p-3"
    >
      {blocker && <p className="text-sm text-slate-700">{blocker}</p>}
      <div className="flex flex-wrap items-end gap-2">
        <ClassificationSelect
          value={classification}
          onChange={setClassification}
          disabled={blocker !== null}
        />
        {button(confirm)}
        {button(annotate)}
        {button(dismiss)}
        {stage !== 'supervisor' && (
          <form
            className="flex items-end gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              if (!escalation.trim()) return;
              escalateRef.current?.blur(); // back to the keyboard shortcuts for the next item
              decide({ kind: 'escalate', reason: escalation.trim() });
            }}
          >
            <Field label={`Escalation reason${keyHint(escalate, shortcuts)}`}>
              {(control) => (
                <Input
                  {...control}
                  ref={escalateRef}
                  value={escalation}
                  onChange={(event) => setEscalation(event.target.value)}
                  disabled={blocker !== null}
                />
              )}
            </Field>
            <Button type="submit" disabled={blocker !== null || !escalation.trim()}>
              Escalate
            </Button>
          </form>
        )}
        <Field
          label={rationaleRequired ? 'Rationale (required)' : 'Note (optional)'}
          className="min-w-40 flex-1"
        >
          {(control) => (
            <Input
              {...control}
              ref={noteRef}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              disabled={blocker !== null}
            />
          )}
        </Field>
        {button(help)}
      </div>
      {open.annotations && (
        <AnnotationPicker
          value={annotations}
          onChange={setAnnotations}
          disabled={blocker !== null}
        />
      )}
      {open['dismiss menu'] && (
        <div role="group" aria-label="Dismiss reason" className="flex flex-wrap gap-1">
          {dismissReasons.map(button)}
        </div>
      )}
      {hint && <p className="text-sm text-amber-900">{hint}</p>}
      {open.help && <ShortcutHelp userId={state.userId} onClose={() => ctx.close('help')} />}
    </section>
  );
}
