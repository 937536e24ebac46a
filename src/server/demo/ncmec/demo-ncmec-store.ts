import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { z } from '../../../lib/zod';

/**
 * What the demo NCMEC remembers, kept apart from the server's database: the server's
 * transactions cannot roll it back, and a crash of the server cannot make it forget. So a test of
 * "filed exactly once" reads NCMEC's side, not the server's account of it.
 */
export const NcmecEndpoint = z.enum([
  'status',
  'submit',
  'upload',
  'fileinfo',
  'finish',
  'retract',
]);
export type NcmecEndpoint = z.infer<typeof NcmecEndpoint>;

export const NcmecCall = z.object({
  at: z.string(),
  endpoint: NcmecEndpoint,
  reportId: z.nullable(z.string()),
  responseCode: z.int(),
});
export type NcmecCall = z.infer<typeof NcmecCall>;

export const NcmecFile = z.object({
  fileId: z.string(),
  fileName: z.string(),
  md5: z.string(),
  size: z.int(),
  detailsXml: z.nullable(z.string()),
});
export type NcmecFile = z.infer<typeof NcmecFile>;

export const NcmecReport = z.object({
  reportId: z.string(),
  state: z.enum(['open', 'finished', 'retracted']),
  openedAt: z.string(),
  lastChangeAt: z.string(),
  batched: z.boolean(),
  xml: z.string(),
  files: z.array(NcmecFile),
});
export type NcmecReport = z.infer<typeof NcmecReport>;

/** One line of the record: a call received, or a report as it stands after a change. */
const Entry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), call: NcmecCall }),
  z.object({ kind: z.literal('report'), report: NcmecReport }),
]);
type Entry = z.infer<typeof Entry>;

export interface DemoNcmecStore {
  /** Every entry written so far, oldest first. */
  load(): Entry[];
  /** Writes one entry for good before returning: NCMEC answers only what it has recorded. */
  append(entry: Entry): void;
}

/** For tests: the record lives as long as the object does (a "crash" of the server keeps it). */
export function memoryNcmecStore(): DemoNcmecStore {
  const entries: Entry[] = [];
  return {
    load: () => entries.map((e) => structuredClone(e)),
    append: (entry) => void entries.push(structuredClone(entry)),
  };
}

/**
 * An append-only JSON-lines file, each line written and flushed to disk (fsync) before NCMEC
 * answers. A line torn by a crash mid-write is the last one, and is skipped when read: its change
 * was never answered.
 */
export function fileNcmecStore(path: string): DemoNcmecStore {
  mkdirSync(dirname(path), { recursive: true });
  const write = (text: string) => {
    const fd = openSync(path, 'a');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  // A line torn by a crash is ended, so the next entry starts a line of its own.
  if (existsSync(path) && !readFileSync(path, 'utf8').endsWith('\n') && statSync(path).size > 0)
    write('\n');
  return {
    load() {
      if (!existsSync(path)) return [];
      return readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line) => {
          if (line.trim() === '') return [];
          try {
            const parsed = Entry.safeParse(JSON.parse(line));
            return parsed.success ? [parsed.data] : [];
          } catch {
            return [];
          }
        });
    },
    append: (entry) => write(`${JSON.stringify(entry)}\n`),
  };
}

/** The record read back: the calls in order, and each report as it last stood. */
export function replay(entries: readonly Entry[]) {
  const calls: NcmecCall[] = [];
  const reports = new Map<string, NcmecReport>();
  for (const entry of entries) {
    if (entry.kind === 'call') calls.push(entry.call);
    else reports.set(entry.report.reportId, entry.report);
  }
  return { calls, reports };
}
