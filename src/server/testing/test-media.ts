import { rmSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoMedia, type MediaOf } from '../demo/seed-media';
import { mediaPaths } from '../media/media-store';

const templates = new Map<string, Promise<string>>();
const made: string[] = [];
// Templates live as long as the worker: removed when it exits, whatever the tests did.
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, never `.verity/`: its caller removes it. */
export const temporaryMediaDir = () => mkdtemp(join(tmpdir(), 'verity-test-media-'));

/**
 * A media directory for the demo data of `key`, filled from its items once per worker; later calls
 * answer the same directory. Test servers take copies of it (`copyMedia`), never the template.
 */
export function mediaTemplate(
  key: string,
  items: () => Promise<readonly MediaOf[]>,
): Promise<string> {
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const dir = await temporaryMediaDir();
      made.push(dir);
      await seedDemoMedia(dir, await items());
      return dir;
    })();
    templates.set(key, template);
  }
  return template;
}

/** A copy of a media directory in a fresh temporary one: hard links, so no bytes are written. */
export async function copyMedia(from: string): Promise<string> {
  const to = await temporaryMediaDir();
  const source = mediaPaths(from);
  const target = mediaPaths(to);
  for (const [a, b] of [
    [source.originals, target.originals],
    [source.blurred, target.blurred],
  ] as const) {
    await mkdir(b, { recursive: true });
    for (const name of await readdir(a)) await link(join(a, name), join(b, name));
  }
  return to;
}
