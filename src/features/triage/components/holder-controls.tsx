import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FlaggedItem } from '../../../api/schemas/item';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/select-field';
import { useNow } from '../../../lib/use-now';
import { reviewersQueryOptions } from '../../../api/endpoints/claims.queries';
import { useChangeHolder } from '../api/change-holder';

/** For a supervisor: release an item someone else holds, or hand it to another reviewer. */
export function HolderControls({ item, userId }: { item: FlaggedItem; userId: string }) {
  const change = useChangeHolder(item.id);
  const reviewers = useQuery(reviewersQueryOptions());
  const [to, setTo] = useState('');
  const now = useNow(5_000);
  const lease = item.lease;
  if (!lease || lease.holderId === userId || Date.parse(lease.expiresAt) <= now.getTime())
    return null;
  return (
    <div
      className="flex flex-wrap items-end gap-2 text-sm"
      role="group"
      aria-label="Who holds this item"
    >
      <span>Held by {lease.holderName}.</span>
      <Button onClick={() => change.mutate({ holderId: null })} disabled={change.isPending}>
        Release
      </Button>
      <SelectField
        label="Reassign to"
        value={to}
        options={[
          { value: '', label: 'Choose a reviewer…' },
          ...(reviewers.data?.reviewers ?? [])
            .filter((r) => r.id !== lease.holderId)
            .map((r) => ({ value: r.id, label: `${r.name} (${r.role})` })),
        ]}
        onChange={setTo}
      />
      <Button onClick={() => change.mutate({ holderId: to })} disabled={!to || change.isPending}>
        Reassign
      </Button>
      <p aria-live="polite" className="w-full text-slate-700">
        {change.isSuccess &&
          (change.variables.holderId === null ? 'Released.' : 'Handed over, with a new lease.')}
      </p>
      {change.isError && (
        <p role="alert" className="text-red-900">
          Not changed: {change.error.message}
        </p>
      )}
    </div>
  );
}
