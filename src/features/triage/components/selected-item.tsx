import { memo, useCallback, useDeferredValue, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { User } from '../../../api/schemas/user';
import type { SelectionStore } from '../model/use-url-selection';
import { DecisionPanel } from './decision-panel';
import type { ListNavigation } from './item-list';
import { ItemView } from './item-view';

/**
 * The selected item in full and, for analysts and supervisors, its decision panel. Skimming (j/k,
 * clicks): the list's highlight moves in the frame after the key, rendering nothing here but this
 * component; the item follows a frame or two later (a render React may interrupt, and skips while
 * the selection keeps moving). After a decision the next item — prefetched — is shown in the same
 * frame.
 */
export const SelectedItem = memo(function SelectedItem({
  selectionStore,
  navigation,
  user,
  reviewer,
}: {
  selectionStore: SelectionStore;
  navigation: RefObject<ListNavigation | null>;
  user: User;
  reviewer: boolean;
}) {
  const selected = useStore(selectionStore, (s) => s.selected);
  const skimmed = useDeferredValue(selected);
  // The jump a decision made (from the decided item to the next); it lasts while the deferred
  // value still holds the decided item, which must not come back on screen meanwhile.
  const [jump, setJump] = useState<{ from: string | undefined; to: string } | null>(null);
  if (jump && skimmed !== jump.from) setJump(null);
  const shown = jump && skimmed === jump.from ? jump.to : skimmed;
  const onDecided = useCallback(() => {
    const from = selectionStore.getState().selected;
    const next = navigation.current?.next();
    if (next) setJump({ from, to: next });
  }, [selectionStore, navigation]);
  if (!shown) {
    return (
      <p className="p-4 text-sm text-slate-600">
        Select an item (j/k or the arrow keys move the selection).
      </p>
    );
  }
  return (
    <>
      {reviewer && (
        <DecisionPanel
          key={shown}
          itemId={shown}
          selectionStore={selectionStore}
          user={user}
          onDecided={onDecided}
        />
      )}
      <ItemView
        itemId={shown}
        reviewer={reviewer}
        supervisor={user.role === 'supervisor'}
        userId={user.id}
      />
    </>
  );
});
