import { useState } from 'react';
import { AuditAction } from '../../../api/schemas/audit';
import { Actor } from '../../../api/schemas/user';
import { Button } from '../../../components/ui/button';
import type { AuditSearch } from '../model/audit-search';

const toLocalInput = (iso: string | undefined) => (iso ? iso.slice(0, 16) : '');
const fromLocalInput = (value: string) =>
  value ? new Date(`${value}:00Z`).toISOString() : undefined;

/** The audit log's filters; applied to the URL, so the view can be shared. */
export function AuditFilters({
  search,
  onChange,
}: {
  search: AuditSearch;
  onChange: (search: AuditSearch) => void;
}) {
  const [draft, setDraft] = useState(search);
  const set = (change: Partial<AuditSearch>) => setDraft((d) => ({ ...d, ...change }));
  const text = (value: string) => value.trim() || undefined;
  return (
    <form
      aria-label="Audit filters"
      className="flex flex-wrap items-end gap-2 text-xs text-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <label className="flex flex-col">
        Actor id
        <input
          value={draft.actorId ?? ''}
          onChange={(e) => set({ actorId: text(e.target.value) })}
          className="w-28 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <label className="flex flex-col">
        Role
        <select
          value={draft.role ?? ''}
          onChange={(e) => set({ role: Actor.shape.role.safeParse(e.target.value).data })}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="">Any</option>
          {Actor.shape.role.options.map((role) => (
            <option key={role}>{role}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Action
        <select
          value={draft.action ?? ''}
          onChange={(e) => set({ action: AuditAction.safeParse(e.target.value).data })}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="">Any</option>
          {AuditAction.options.map((action) => (
            <option key={action}>{action}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        Subject id
        <input
          value={draft.subjectId ?? ''}
          onChange={(e) => set({ subjectId: text(e.target.value) })}
          className="w-36 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <label className="flex flex-col">
        From (UTC)
        <input
          type="datetime-local"
          value={toLocalInput(draft.from)}
          onChange={(e) => set({ from: fromLocalInput(e.target.value) })}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <label className="flex flex-col">
        To (UTC)
        <input
          type="datetime-local"
          value={toLocalInput(draft.to)}
          onChange={(e) => set({ to: fromLocalInput(e.target.value) })}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      <Button
        onClick={() => {
          setDraft({});
          onChange({});
        }}
      >
        Clear
      </Button>
    </form>
  );
}
