import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyStream } from 'pg-copy-streams';

const COPY_FROM_STDIN = /^copy [^;]+ from stdin$/i;

/**
 * COPY's input in its text format, as pieces of whole lines, each made only when it is read: on
 * PostgreSQL the server reads one piece while the next is made.
 */
export class CopyInput {
  constructor(readonly pieces: Iterable<string>) {}
}

/**
 * Whether a statement is a `copy … from stdin` sent through Kysely with its one parameter as
 * COPY's input. Each engine's connection recognises it and feeds the input to PostgreSQL:
 * PostgreSQL through the COPY sub-protocol, PGlite as its `/dev/blob`.
 */
export const isCopyFromStdin = (
  text: string,
  parameters: readonly unknown[],
): parameters is readonly [CopyInput] =>
  parameters.length === 1 && parameters[0] instanceof CopyInput && COPY_FROM_STDIN.test(text);

/** Runs a `copy … from stdin` on a node-postgres client, `input` streamed to it. */
export async function copyFromStdin(
  client: pg.PoolClient,
  text: string,
  input: CopyInput,
): Promise<{ command: 'COPY'; rowCount: number; rows: [] }> {
  const stream = client.query(copyStream(text));
  // One piece ahead: the next is made while PostgreSQL reads the one sent.
  await pipeline(Readable.from(input.pieces, { highWaterMark: 1 }), stream);
  return { command: 'COPY', rowCount: stream.rowCount, rows: [] };
}
