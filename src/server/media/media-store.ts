import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the server reads media: an item's original bytes and its blurred derivative, each by the
 * SHA-256 of the original. The server never generates media per request; what the store does not
 * hold is not served. Hash-only items have no media at all: the routes refuse them before asking.
 */
export interface MediaStore {
  /** The original file, or null when the store holds none for this hash. */
  original(sha256: string): Promise<Uint8Array<ArrayBuffer> | null>;
  /** The blurred derivative, or null when the store holds none for this hash. */
  blurred(sha256: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The directory store's layout: a file per hash under `originals/` and under `blurred/`. */
export function mediaPaths(dir: string) {
  const originals = join(dir, 'originals');
  const blurred = join(dir, 'blurred');
  // A name that is not a lowercase hex digest never becomes a path: nothing outside the folders.
  const file = (folder: string, sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
    return join(folder, sha256);
  };
  return {
    originals,
    blurred,
    original: (sha256: string) => file(originals, sha256),
    blurredOf: (sha256: string) => file(blurred, sha256),
  };
}

async function readIfThere(path: () => string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(await readFile(path()));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** A store that holds nothing: every item's media answers 404 (a server that serves none). */
export const emptyMediaStore: MediaStore = {
  original: () => Promise.resolve(null),
  blurred: () => Promise.resolve(null),
};

/** The default store: files named by their original's SHA-256 in a directory. */
export function directoryMediaStore(dir: string): MediaStore {
  const paths = mediaPaths(dir);
  return {
    original: (sha256) => readIfThere(() => paths.original(sha256)),
    blurred: (sha256) => readIfThere(() => paths.blurredOf(sha256)),
  };
}

/**
 * The media directory: `VERITY_MEDIA_DIR`, else `media/` in the data directory (`.verity/` by
 * default, ignored by git).
 */
export const mediaDirectory = (env: NodeJS.ProcessEnv = process.env) =>
  env.VERITY_MEDIA_DIR ?? join(env.VERITY_DATA_DIR ?? '.verity', 'media');
