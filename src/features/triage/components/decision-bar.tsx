import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type {
  DecisionDraft,
  DismissReason,
  FileAnnotation,
  IndustryClassification,
  Verdict,
} from '../../../api/schemas/decision';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { stageOf } from '../../../domain/review-rules';
import { isTypingTarget } from '../../../lib/keyboard';
import { decisionBlocker, isAllowed, type CommandContext } from '../model/commands';
import {
  commandForKey,
  commands,
  type CommandId,
} from '../../../shared/shortcuts/model/command-list';
import { useSingleKeyShortcuts } from '../../../shared/wellness-state/model/wellness-choices';
import { AnnotationPicker } from './annotation-picker';
import { ShortcutHelp } from '../../../shared/shortcuts/components/shortcut-help';
import { ClassificationSelect } from './verdict-fields';

/**
 * Confirm, dismiss with a reason, or escalate — by button or by key, from one command list. A
 * decision never needs a reveal. `onDecide` receives the request; the outbox sends it.
 */
export function DecisionBar({
  item,
  context,
  onDecide,
}: {
  item: FlaggedItem;
  context: CommandContext;
  onDecide: (request: DecisionDraft) => void;
}) {
  const blocker = decisionBlocker(context);
  const shortcuts = useSingleKeyShortcuts(context.userId);
  const [classification, setClassification] = useState<IndustryClassification | ''>('');
  const [annotations, setAnnotations] = useState<FileAnnotation[]>([]);
  const [annotating, setAnnotating] = useState(false);
  const [note, setNote] = useState('');
  const [escalation, setEscalation] = useState('');
  const [dismissMenu, setDismissMenu] = useState(false);
  const [help, setHelp] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const escalateRef = useRef<HTMLInputElement>(null);

  const stage = stageOf(item.status);
  const rationaleRequired = stage === 'supervisor';
  const decide = (verdict: Verdict) => {
    if (blocker) return;
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
  const dismiss = (reason: DismissReason) => {
    setDismissMenu(false);
    if (reason === 'other' && !note.trim()) {
      setHint('A dismissal for “other” needs a note: write it, then choose “other” again.');
      noteRef.current?.focus();
      return;
    }
    decide({ kind: 'dismiss', reason });
  };
  const run = (id: CommandId) => {
    if (id === 'help') return setHelp((open) => !open);
    const command = commands.find((c) => c.id === id);
    if (!command || !isAllowed(command, context)) return;
    if (id === 'confirm')
      return decide({ kind: 'confirm', classification: classification || null, annotations });
    if (id === 'annotate') return setAnnotating((open) => !open);
    if (id === 'dismiss') return setDismissMenu((open) => !open);
    if (id === 'escalate') return escalateRef.current?.focus();
    dismiss(id.slice('dismiss:'.length) as DismissReason);
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isTypingTarget(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape') {
      setDismissMenu(false);
      setAnnotating(false);
      return;
    }
    if (!shortcuts) return;
    const command = commandForKey(event.key, dismissMenu);
    if (!command) return;
    event.preventDefault();
    run(command.id);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const keyHint = (id: CommandId) =>
    shortcuts ? ` (${commands.find((c) => c.id === id)?.keys[0] ?? ''})` : '';
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
        <Button variant="primary" disabled={blocker !== null} onClick={() => run('confirm')}>
          Confirm{keyHint('confirm')}
        </Button>
        <Button
          disabled={blocker !== null}
          aria-expanded={annotating}
          onClick={() => run('annotate')}
        >
          Annotations{annotations.length > 0 ? ` (${annotations.length})` : ''}
          {keyHint('annotate')}
        </Button>
        <Button
          disabled={blocker !== null}
          aria-expanded={dismissMenu}
          onClick={() => run('dismiss')}
        >
          Dismiss…{keyHint('dismiss')}
        </Button>
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
            <Field label={`Escalation reason${keyHint('escalate')}`}>
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
        <Button variant="quiet" aria-expanded={help} onClick={() => run('help')}>
          Shortcuts (?)
        </Button>
      </div>
      {annotating && (
        <AnnotationPicker
          value={annotations}
          onChange={setAnnotations}
          disabled={blocker !== null}
        />
      )}
      {dismissMenu && (
        <div role="group" aria-label="Dismiss reason" className="flex flex-wrap gap-1">
          {commands
            .filter((c) => c.inDismissMenu)
            .map((c) => (
              <Button key={c.id} onClick={() => run(c.id)}>
                {shortcuts ? `${c.keys[0] ?? ''} ` : ''}
                {c.label}
              </Button>
            ))}
        </div>
      )}
      {hint && <p className="text-sm text-amber-900">{hint}</p>}
      {help && <ShortcutHelp userId={context.userId} onClose={() => setHelp(false)} />}
    </section>
  );
}
