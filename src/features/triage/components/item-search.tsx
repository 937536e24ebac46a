import { useState, type SubmitEvent } from 'react';
import { Button } from '../../../components/ui/button';

/** Finds an item by its id or by any of its hashes (SHA-256, MD5, PDQ, hash as obtained). */
export function ItemSearch({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? '');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(text.trim() || undefined);
  };
  return (
    <form role="search" onSubmit={submit} className="flex gap-2">
      <label className="sr-only" htmlFor="item-search">
        Item id or hash
      </label>
      <input
        id="item-search"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Item id or SHA-256 / MD5 / PDQ"
        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono text-sm"
      />
      <Button type="submit">Search</Button>
    </form>
  );
}
