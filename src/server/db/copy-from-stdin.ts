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
