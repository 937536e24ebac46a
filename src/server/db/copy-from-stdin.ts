import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyStream } from 'pg-copy-streams';

const COPY_FROM_STDIN = /^copy [^;]+ from stdin$/i;

/**
 * Whether a statement is a `copy … from stdin` sent through Kysely with its one parameter as
 * COPY's input (text format). Each engine's connection recognises it and feeds the parameter to
 * PostgreSQL as the input stream: PostgreSQL through the COPY sub-protocol, PGlite as its
 * `/dev/blob`.
 */
export const isCopyFromStdin = (text: string, parameters: readonly unknown[]) =>
  parameters.length === 1 && typeof parameters[0] === 'string' && COPY_FROM_STDIN.test(text);

/** The statement PGlite runs instead: its COPY reads standard input from the file `/dev/blob`. */
export const copyFromBlob = (text: string) => text.replace(/stdin$/i, "'/dev/blob'");

const utf8 = new TextEncoder();

/**
 * COPY's input as PGlite reads it: it takes a blob's bytes through `arrayBuffer()` and reads
 * them as the file `/dev/blob`. The text is encoded straight into a resizable buffer, where
 * `new Blob([input])` copied it twice through malloc: in a seed those freed megabytes stayed
 * in the process (a first start of 100,000 items kept 1,216 MB after its seed, now 857 MB). A
 * resizable buffer's memory is mapped for it alone, and unmapped once it is collected.
 */
export function blobOfCopyInput(input: string): Blob {
  const length = Buffer.byteLength(input, 'utf8');
  const bytes = new ArrayBuffer(length, { maxByteLength: length });
  utf8.encodeInto(input, new Uint8Array(bytes));
  const blob: Pick<Blob, 'arrayBuffer'> = { arrayBuffer: () => Promise.resolve(bytes) };
  return blob as Blob;
}

/** Runs a `copy … from stdin` on a node-postgres client, `input` streamed to it. */
export async function copyFromStdin(
  client: pg.PoolClient,
  text: string,
  input: string,
): Promise<{ command: 'COPY'; rowCount: number; rows: [] }> {
  const stream = client.query(copyStream(text));
  await pipeline(Readable.from([input]), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}
