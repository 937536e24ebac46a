import type { ItemSort } from '../../../api/schemas/item';
import type { WorkspaceSearch } from '../model/workspace-search';
import { priorityStyles, signalKindLabels, statusStyles } from '../model/labels';

type FilterKey = 'status' | 'priority' | 'signalKind' | 'sort';

const options: Record<FilterKey, { label: string; choices: [string, string][] }> = {
  status: {
    label: 'Status',
    choices: Object.entries(statusStyles).map(([value, style]) => [value, style.label]),
  },
  priority: {
    label: 'Priority',
    choices: Object.entries(priorityStyles).map(([value, style]) => [value, style.label]),
  },
  signalKind: {
    label: 'Signal',
    choices: Object.entries(signalKindLabels),
  },
  sort: {
    label: 'Sort',
    choices: [
      ['priority', 'Priority, then SLA'],
      ['sla', 'SLA due'],
      ['flagged', 'Newest flagged'],
    ] satisfies [ItemSort, string][],
  },
};

const filterKeys: FilterKey[] = ['status', 'priority', 'signalKind', 'sort'];

/** The list's filters and sort; every change goes to the URL, so a view is a shareable link. */
export function ListFilters({
  search,
  onChange,
}: {
  search: WorkspaceSearch;
  onChange: (change: Partial<WorkspaceSearch>) => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      {filterKeys.map((key) => (
        <label key={key} className="flex flex-col text-xs text-slate-700">
          {options[key].label}
          <select
            value={search[key] ?? ''}
            onChange={(event) => onChange({ [key]: event.target.value || undefined })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            <option value="">{key === 'sort' ? 'Priority, then SLA' : 'Any'}</option>
            {options[key].choices
              .filter(([value]) => !(key === 'sort' && value === 'priority'))
              .map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
          </select>
        </label>
      ))}
      {(search.ruleId ?? search.supplierId) && (
        <p className="text-xs text-slate-700">
          {search.ruleId && <>Rule {search.ruleId} </>}
          {search.supplierId && <>Supplier {search.supplierId} </>}
          <button
            type="button"
            className="underline"
            onClick={() => onChange({ ruleId: undefined, supplierId: undefined })}
          >
            clear
          </button>
        </p>
      )}
    </div>
  );
}
