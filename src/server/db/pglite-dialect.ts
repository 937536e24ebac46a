import type { PGlite } from '@electric-sql/pglite';
import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { blobOfCopyInput, copyFromBlob, isCopyFromStdin } from './copy-from-stdin';

/** PGlite answers one query at a time: one connection, handed out in turn. */
export class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = isCopyFromStdin(query.sql, query.parameters)
      ? await this.pglite.query<R>(copyFromBlob(query.sql), [], {
          blob: blobOfCopyInput(String(query.parameters[0])),
        })
      : await this.pglite.query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows,
      ...(result.affectedRows === undefined
        ? {}
        : { numAffectedRows: BigInt(result.affectedRows) }),
    };
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}

/**
 * Tests only: everything runs inside one outer transaction, each of Kysely's transactions a
 * savepoint in it, so that `rewind` takes the database back to where it was opened in
 * milliseconds. (SQL's `now()` is then the outer transaction's start: the server reads its own
 * clock instead.)
 */
export interface Rewindable {
  rewind(): Promise<void>;
}

class PGliteDriver implements Driver, Rewindable {
  private readonly connection: PGliteConnection;
  private held: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  private begun = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly rewindable: boolean,
  ) {
    this.connection = new PGliteConnection(pglite);
  }

  async init() {
    await this.pglite.waitReady;
    if (this.rewindable && !this.begun) {
      await this.pglite.exec('begin');
      this.begun = true;
    }
  }

  async rewind() {
    if (!this.rewindable) throw new Error('This database was not opened rewindable.');
    await this.init();
    const connection = await this.acquireConnection();
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
      await connection.executeQuery(CompiledQuery.raw('begin'));
    } finally {
      await this.releaseConnection();
    }
  }

  async acquireConnection() {
    const previous = this.held;
    let release!: () => void;
    this.held = new Promise((resolve) => (release = resolve));
    await previous;
    this.release = release;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    if (this.rewindable) {
      await connection.executeQuery(CompiledQuery.raw('savepoint kysely'));
      return;
    }
    const options = [
      settings.isolationLevel && `isolation level ${settings.isolationLevel}`,
      settings.accessMode,
    ].filter(Boolean);
    await connection.executeQuery(CompiledQuery.raw(['begin', ...options].join(' ')));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(
      CompiledQuery.raw(this.rewindable ? 'release savepoint kysely' : 'commit'),
    );
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    if (!this.rewindable) {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
      return;
    }
    await connection.executeQuery(CompiledQuery.raw('rollback to savepoint kysely'));
    await connection.executeQuery(CompiledQuery.raw('release savepoint kysely'));
  }

  releaseConnection() {
    this.release?.();
    this.release = null;
    return Promise.resolve();
  }

  async destroy() {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/** Kysely over PGlite, the PostgreSQL that runs in this process when no server is configured. */
export class PGliteDialect implements Dialect {
  private driver: PGliteDriver | undefined;
  constructor(
    private readonly pglite: PGlite,
    private readonly options: { rewindable?: boolean } = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    this.driver = new PGliteDriver(this.pglite, this.options.rewindable === true);
    return this.driver;
  }
  /** Takes a rewindable database back to where it was opened. */
  rewind(): Promise<void> {
    if (!this.driver) return Promise.resolve();
    return this.driver.rewind();
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
