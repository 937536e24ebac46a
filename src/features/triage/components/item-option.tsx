import { memo, type ReactNode, type Ref } from 'react';
import { useStore } from 'zustand';
import type { Verdict } from '../../../api/schemas/decision';
import type { ItemRow } from '../../../api/schemas/item';
import type { SelectionStore } from '../model/use-url-selection';
import { ItemRowContent } from './item-row';

export const optionId = (itemId: string) => `item-option-${itemId}`;

/**
 * One option of the list, placed by the virtualizer. It reads from the selection only whether it
 * is the one selected: a move renders the row it leaves and the row it reaches, no other.
 */
export const ItemOption = memo(function ItemOption({
  row,
  index,
  start,
  size,
  total,
  now,
  sending,
  userId,
  selectionStore,
  onSelect,
}: {
  /** Not loaded yet: a placeholder. */
  row: ItemRow | undefined;
  index: number;
  start: number;
  size: number;
  total: number;
  now: Date;
  sending: Verdict | null;
  userId: string;
  selectionStore: SelectionStore;
  onSelect: (itemId: string) => void;
}) {
  const selected = useStore(selectionStore, (s) => row !== undefined && s.selected === row.id);
  return (
    <div
      id={row ? optionId(row.id) : undefined}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      onClick={() => row && onSelect(row.id)}
      className={`absolute left-0 flex w-full cursor-pointer items-center gap-2 border-b border-slate-100 px-3 ${
        selected ? 'bg-sky-100' : 'hover:bg-slate-50'
      }`}
      style={{ height: size, transform: `translateY(${start}px)` }}
    >
      {row ? (
        <ItemRowContent row={row} now={now} sending={sending} userId={userId} />
      ) : (
        <span className="text-xs text-slate-400">Loading…</span>
      )}
    </div>
  );
});

/**
 * The listbox around the options: it follows the selection only to point its
 * `aria-activedescendant` at the selected option, when that option is in the DOM (`shown`). Its
 * options come as `children`, which a move leaves as they are.
 */
export function SelectionListbox({
  selectionStore,
  shown,
  label,
  ref,
  children,
}: {
  selectionStore: SelectionStore;
  shown: ReadonlySet<string>;
  label: string;
  ref: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  const selected = useStore(selectionStore, (s) => s.selected);
  return (
    <div
      ref={ref}
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selected && shown.has(selected) ? optionId(selected) : undefined}
      className="min-h-0 flex-1 overflow-auto rounded-md border border-slate-200 bg-white"
    >
      {children}
    </div>
  );
}
