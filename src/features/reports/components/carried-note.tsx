export interface CarriedEdits {
  version: number;
  /** The editor's sections where both people changed a value. */
  overlaps: string[];
  /** How many files the person changed were moved out of the report meanwhile. */
  movedOut: number;
}

/**
 * What carrying the edits onto the version saved meanwhile did: shown until the form is saved or
 * reset, or the report changes again.
 */
export function CarriedNote({ version, overlaps, movedOut }: CarriedEdits) {
  return (
    <div role="status" className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-950">
      <p>
        Your changes are now on version {version}, with what was saved meanwhile. Check them, then
        save.
      </p>
      {overlaps.length > 0 && (
        <p className="mt-1">
          Changed by both of you: {overlaps.join(', ')}. Yours are in the form; saving replaces what
          was saved there.
        </p>
      )}
      {movedOut > 0 && (
        <p className="mt-1">
          {movedOut === 1 ? 'A file you changed was' : `${movedOut} files you changed were`} moved
          out of this report meanwhile: your changes to {movedOut === 1 ? 'it' : 'them'} are not
          kept.
        </p>
      )}
    </div>
  );
}
