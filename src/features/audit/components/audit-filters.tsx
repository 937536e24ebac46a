import { useState } from 'react';
import { AuditAction } from '../../../api/schemas/audit';
import { Actor } from '../../../api/schemas/user';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { SelectField } from '../../../components/ui/select-field';
import type { AuditSearch } from '../model/audit-search';

/** How a typed filter is shown and read back: an id to match exactly, or an instant in UTC. */
const typedFilters = {
  id: {
    type: 'text',
    className: 'w-32',
    show: (value: string | undefined) => value ?? '',
    read: (text: string) => text.trim() || undefined,
  },
  instant: {
    type: 'datetime-local',
    className: '',
    show: (iso: string | undefined) => (iso ? iso.slice(0, 16) : ''),
    read: (text: string) => (text ? new Date(`${text}:00Z`).toISOString() : undefined),
  },
} as const;

/** A typed filter; blank is any. */
function TypedFilter({
  label,
  kind,
  value,
  onChange,
}: {
  label: string;
  kind: keyof typeof typedFilters;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { show, read, ...look } = typedFilters[kind];
  return (
    <Field label={label}>
      {(control) => (
        <Input
          {...control}
          {...look}
          value={show(value)}
          onChange={(e) => onChange(read(e.target.value))}
        />
      )}
    </Field>
  );
}

/** One of an enum's values, or any. */
function ChoiceFilter<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly T[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <SelectField
      label={label}
      value={value ?? ''}
      options={[{ value: '', label: 'Any' }, ...options.map((o) => ({ value: o, label: o }))]}
      onChange={(chosen) => onChange(chosen || undefined)}
    />
  );
}

/** The audit log's filters; applied to the URL, so the view can be shared. */
export function AuditFilters({
  search,
  onChange,
}: {
  search: AuditSearch;
  onChange: (search: AuditSearch) => void;
}) {
  const [draft, setDraft] = useState(search);
  /** A filter's value in the draft, and how it changes. */
  const bind = <K extends keyof AuditSearch>(key: K) => ({
    value: draft[key],
    onChange: (value: AuditSearch[K]) => setDraft((d) => ({ ...d, [key]: value })),
  });
  return (
    <form
      aria-label="Audit filters"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(draft);
      }}
    >
      <TypedFilter label="Actor id" kind="id" {...bind('actorId')} />
      <ChoiceFilter label="Role" options={Actor.shape.role.options} {...bind('role')} />
      <ChoiceFilter label="Action" options={AuditAction.options} {...bind('action')} />
      <TypedFilter label="Subject id" kind="id" {...bind('subjectId')} />
      <TypedFilter label="From (UTC)" kind="instant" {...bind('from')} />
      <TypedFilter label="To (UTC)" kind="instant" {...bind('to')} />
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
