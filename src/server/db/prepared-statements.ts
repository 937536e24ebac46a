import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { copyFromStdin, isCopyFromStdin } from './copy-from-stdin';

/**
 * Statements with at most this many parameters are prepared. Verity's statements with more are
 * the ones whose length varies (an `in` list, a batch of rows): prepared, each length would be a
 * statement of its own, kept by every connection for its life.
 */
const MAX_PARAMETERS = 32;

/** One name per statement text: PostgreSQL then parses and plans it once per connection. */
const statementName = (text: string) =>
  `v_${createHash('sha256').update(text).digest('base64url').slice(0, 40)}`;

/**
 * The pool as Kysely's PostgreSQL dialect uses it, with each statement of a few parameters sent as
 * a named prepared statement: a request's dozen short statements are then each bound and run,
 * not parsed and planned every time. Statements without parameters (transaction control) and
 * cursors pass through as they are; a `copy … from stdin` streams its one parameter as COPY's input.
 */
export function withPreparedStatements(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      function query<R>(
        text: string,
        parameters: ReadonlyArray<unknown>,
      ): Promise<PostgresQueryResult<R>>;
      function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
      function query<R>(
        text: string | PostgresCursor<R>,
        parameters: ReadonlyArray<unknown> = [],
      ): unknown {
        if (typeof text !== 'string')
          return client.query(text as PostgresCursor<R> & pg.Submittable);
        if (isCopyFromStdin(text, parameters)) return copyFromStdin(client, text, parameters[0]);
        const values = [...parameters];
        return parameters.length > 0 && parameters.length <= MAX_PARAMETERS
          ? client.query({ name: statementName(text), text, values })
          : client.query(text, values);
      }
      return { query, release: (destroy) => client.release(destroy) };
    },
    end: () => pool.end(),
  };
}
