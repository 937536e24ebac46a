import { useQuery } from '@tanstack/react-query';
import { memo, useId } from 'react';
import { filterCatalogQueryOptions } from '../../../api/endpoints/items.queries';
import { ItemStatus, type ItemSort } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';
import { priorityStyles, signalKindLabels, statusFilterText, statusStyles } from '../model/labels';
import {
  defaultStatus,
  shownStatus,
  statusInUrl,
  StatusChoice,
  type QueueScope,
  type WorkspaceSearch,
} from '../model/workspace-search';

type FilterKey = 'status' | 'priority' | 'signalKind' | 'ruleId' | 'supplierId' | 'sort';

interface Filter {
  key: FilterKey;
  label: string;
  /** The value shown, and the one that means "not filtered" (the view's default). */
  value: string;
  defaultValue: string;
  choices: [value: string, text: string][];
}

const sortChoices: [ItemSort, string][] = [
  ['sla', 'SLA due'],
  ['flagged', 'Newest flagged'],
];

/**
 * The list's filters and sort; every change goes to the URL, so a view is a shareable link.
 * A filter away from the view's default stands out; in a queue, a status other than what waits
 * there says so and offers the way back. Memoised: moving the selection does not re-render it.
 */
export const ListFilters = memo(function ListFilters({
  search,
  queue,
  onChange,
}: {
  search: WorkspaceSearch;
  /** The queue shown, whose waiting status is the default; none for all items. */
  queue: QueueScope | undefined;
  onChange: (change: Partial<WorkspaceSearch>) => void;
}) {
  const catalog = useQuery(filterCatalogQueryOptions());
  const noteId = useId();
  const status = shownStatus(search, queue);
  const statusDefault = defaultStatus(queue);
  const any = (label: string): [string, string] => ['', label];
  const filters: Filter[] = [
    {
      key: 'status',
      label: 'Status',
      value: status,
      defaultValue: statusDefault,
      choices: [
        ['all', 'Any status'],
        ...ItemStatus.options.map((value): [string, string] => [
          value,
          value === queue?.waiting
            ? `${statusStyles[value].label} (waits here)`
            : statusStyles[value].label,
        ]),
      ],
    },
    {
      key: 'priority',
      label: 'Priority',
      value: search.priority ?? '',
      defaultValue: '',
      choices: [
        any('Any'),
        ...Object.entries(priorityStyles).map(([v, style]): [string, string] => [v, style.label]),
      ],
    },
    {
      key: 'signalKind',
      label: 'Signal',
      value: search.signalKind ?? '',
      defaultValue: '',
      choices: [any('Any'), ...Object.entries(signalKindLabels)],
    },
    {
      key: 'ruleId',
      label: 'Rule',
      value: search.ruleId ?? '',
      defaultValue: '',
      choices: [
        any('Any'),
        ...(catalog.data?.rules ?? []).map((rule): [string, string] => [rule.id, rule.name]),
      ],
    },
    {
      key: 'supplierId',
      label: 'Supplier',
      value: search.supplierId ?? '',
      defaultValue: '',
      choices: [
        any('Any'),
        ...(catalog.data?.suppliers ?? []).map((s): [string, string] => [s.id, s.name]),
      ],
    },
    {
      key: 'sort',
      label: 'Sort',
      value: search.sort ?? '',
      defaultValue: '',
      choices: [any('Priority, then SLA'), ...sortChoices],
    },
  ];
  const change = (key: FilterKey, value: string) => {
    if (key !== 'status') return onChange({ [key]: value || undefined });
    const choice = StatusChoice.safeParse(value);
    if (choice.success) onChange({ status: statusInUrl(choice.data, queue) });
  };
  // In a queue, showing anything but what waits there is a choice the analyst should not forget.
  const statusSet = queue !== undefined && status !== statusDefault;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-3">
        {filters.map(({ key, label, value, defaultValue, choices }) => (
          <Field key={key} label={label}>
            {(control) => (
              <Select
                {...control}
                value={value}
                onChange={(event) => change(key, event.target.value)}
                aria-describedby={key === 'status' && statusSet ? noteId : undefined}
                marked={value !== defaultValue}
                className="max-w-44"
              >
                {/* A value from a shared link that the catalog does not (yet) list still shows. */}
                {value && !choices.some(([v]) => v === value) && (
                  <option value={value}>{value}</option>
                )}
                {choices.map(([v, text]) => (
                  <option key={v} value={v}>
                    {text}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ))}
      </div>
      {statusSet && (
        <p className="flex flex-wrap items-center gap-2 rounded-md bg-sky-50 px-2 py-1 text-xs text-sky-950">
          <span id={noteId}>Filter set: {statusFilterText[status]}, not what waits here.</span>
          <Button onClick={() => onChange({ status: undefined })}>Show what waits here</Button>
        </p>
      )}
      {catalog.isError && (
        <p role="alert" className="text-xs text-red-900">
          Could not load the rules and suppliers: {catalog.error.message}
        </p>
      )}
    </div>
  );
});
