import { useState, type SubmitEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/controls';
import { Field } from '../../../components/ui/field';

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
      <Field label="Item id or hash" hideLabel className="min-w-0 flex-1">
        {(control) => (
          <Input
            {...control}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder="Item id or SHA-256 / MD5 / PDQ"
            className="font-mono"
          />
        )}
      </Field>
      <Button type="submit">Search</Button>
    </form>
  );
}
