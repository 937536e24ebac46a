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
import { isCopyFromStdin, type CopyInput } from './copy-from-stdin';

/** The statement PGlite runs instead: its COPY reads standard input from the file `/dev/blob`. */
const copyFromBlob = (text: string) => text.replace(/stdin$/i, "'/dev/blob'");

const utf8 = new TextEncoder();

/** PGlite reads a COPY's input whole: a long one is sent as several COPYs of about this much. */
const COPY_PART_CHARS = 2_000_000;

/**
 * COPY's input as PGlite reads it: it takes a blob's bytes through `arrayBuffer()` and reads
 * them as the file `/dev/blob`. The text is encoded straight into a resizable buffer, where
 * `new Blob([input])` copied it twice through malloc: in a seed those freed megabytes stayed
 * in the process (a first start of 100,000 items kept 1,216 MB after its seed, now 857 MB). A
 * resizable buffer's memory is mapped for it alone, and unmapped once it is collected.
 */
function blobOfPieces(pieces: readonly string[]): Blob {
  const length = pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece, 'utf8'), 0);
  const bytes = new ArrayBuffer(length, { maxByteLength: length });
  let written = 0;
  for (const piece of pieces)
    written += utf8.encodeInto(piece, new Uint8Array(bytes, written)).written;
  const blob: Pick<Blob, 'arrayBuffer'> = { arrayBuffer: () => Promise.resolve(bytes) };
  return blob as Blob;
}

/**
 * A `copy … from stdin` on PGlite, its input read as the file `/dev/blob`, in parts of about
 * `COPY_PART_CHARS`: what PGlite holds at once stays small however many rows go in. Inside a
 * transaction, as every bulk load is, a part refused rolls back with the parts before it. The
 * rows counted are all the parts'.
 */
async function copyInParts(pglite: PGlite, text: string, input: CopyInput) {
  let rows = 0;
  let part: string[] = [];
  let chars = 0;
  const send = async () => {
    const result = await pglite.query(copyFromBlob(text), [], { blob: blobOfPieces(part) });
    rows += result.affectedRows ?? 0;
    part = [];
    chars = 0;
  };
  for (const piece of input.pieces) {
    part.push(piece);
    chars += piece.length;
    if (chars >= COPY_PART_CHARS) await send();
  }
  if (part.length > 0) await send();
  return { rows: [], affectedRows: rows };
}

/** PGlite answers one query at a time: one connection, handed out in turn. */
export class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = query;
    const result: { rows: R[]; affectedRows?: number } = isCopyFromStdin(sql, parameters)
      ? await copyInParts(this.pglite, sql, parameters[0])
      : await this.pglite.query<R>(sql, [...parameters]);
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
