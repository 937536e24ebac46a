import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoMedia, type MediaOf } from '../demo/seed-media';
import { mediaPaths } from '../media/media-store';

/** A media directory's files, by folder and name. */
type MediaFiles = Map<'originals' | 'blurred', Map<string, Buffer>>;

const templates = new Map<string, Promise<MediaFiles>>();

/** A fresh temporary directory, never `.verity/`: its caller removes it. */
export const temporaryMediaDir = () => mkdtemp(join(tmpdir(), 'verity-test-media-'));

/**
 * The demo's media for the data of `key`, drawn once per worker and kept in memory (a few hundred
 * small files): nothing is left on disk when a worker stops.
 */
export function mediaTemplate(
  key: string,
  items: () => Promise<readonly MediaOf[]>,
): Promise<MediaFiles> {
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const dir = await temporaryMediaDir();
      try {
        await seedDemoMedia(dir, await items());
        const paths = mediaPaths(dir);
        const files: MediaFiles = new Map();
        for (const [folder, path] of [
          ['originals', paths.originals],
          ['blurred', paths.blurred],
        ] as const) {
          const names = await readdir(path);
          files.set(
            folder,
            new Map(
              await Promise.all(
                names.map(async (name) => [name, await readFile(join(path, name))] as const),
              ),
            ),
          );
        }
        return files;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })();
    templates.set(key, template);
  }
  return template;
}

/** The template's files in a fresh temporary directory of their own. */
export async function copyMedia(template: MediaFiles): Promise<string> {
  const to = await temporaryMediaDir();
  for (const [folder, files] of template) {
    await mkdir(join(to, folder), { recursive: true });
    await Promise.all([...files].map(([name, bytes]) => writeFile(join(to, folder, name), bytes)));
  }
  return to;
}
