import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: a clone holds no product documents and no issue tracker, so no
 * comment or doc may send its reader to them. What a comment relies on is written in `docs/`
 * (see docs/README.md) and cited there.
 */
const citations: readonly [what: string, pattern: RegExp][] = [
  ['a product document', /\b(DESIGN|CONVENTIONS)(\.md\b|\s?§)/],
  [
    // Not a module path: the console's own layer `src/shared` is imported as '../shared/…'.
    'a folder outside the repository',
    /(?<![\w./'"])\.\.\/shared\b|\bshared\/(DESIGN|CONVENTIONS|cybertipline\/README)/,
  ],
  ['an issue number', /\b[Ii]ssues?\s#?\d+\b|(^|[\s([])#\d+\b(?![\w-])/],
  ['a review round', /\bround [0-9]+\b/i],
];

/** A section sign is a citation of the product documents unless the line names its source. */
const bareSection = /§\s?\d/;
const namedSource = /U\.S\.C\.|NIST|RFC|ISO/;

/** Files whose text is data, not prose: hostile strings are meant to hold anything. */
const skipped = [
  /^src\/server\/demo\/fixtures\/hostile-strings\.json$/,
  /^package-lock\.json$/,
  /\.(png|jpe?g|gif|ico|woff2?|svg)$/,
  // This file names what it looks for.
  /^src\/test\/repository-citations\.test\.ts$/,
];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((path) => path !== '' && !skipped.some((skip) => skip.test(path)));
}

/** Every line that cites something a clone does not hold, as "path:line: what". */
export function citationsIn(path: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const found = citations.filter(([, pattern]) => pattern.test(line)).map(([what]) => what);
    if (bareSection.test(line) && !namedSource.test(line)) found.push('a numbered section');
    return found.map((what) => `${path}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
  });
}

describe('the repository explains itself', () => {
  it('names what it cites: no tracked file sends its reader to a document outside it', () => {
    const found = trackedFiles().flatMap((path) => {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return []; // listed but absent (deleted in the work tree)
      }
      return citationsIn(path, text);
    });
    expect(found).toEqual([]);
  });

  it('cites only docs that exist', () => {
    const cited = trackedFiles()
      .filter((path) => /\.(ts|tsx|js|mjs)$/.test(path))
      .flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/\bdocs\/[\w/.-]+\.md\b/g)].map(
          ([doc]) => `${path}: ${doc}`,
        ),
      );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((line) => !existsSync(line.slice(line.indexOf(': ') + 2)))).toEqual([]);
  });

  it('recognises each kind of citation, and leaves statutes and colours alone', () => {
    // Built from parts, so that this file does not itself cite what it looks for.
    const [design, conventions, up, sign] = ['DESIGN', 'CONVENTIONS', '..', '§'];
    const [twelve, one] = [12, 1];
    const lines = [
      `see ${design}.md ${sign}5`,
      `${design} ${sign}4`,
      `${conventions}.md says`,
      `from ${up}/shared/cybertipline/README.md`,
      `(issue ${twelve})`,
      `fixes #${twelve}`,
      `as in round ${one}`,
      `the blur (${sign}5: about ten)`,
    ];
    expect(lines.filter((line) => citationsIn('x', line).length === 0)).toEqual([]);
    const fine = [
      "fill: '#334155'",
      'stroke="#64748b"',
      'a&#13;b',
      '18 U.S.C. §2258A',
      'NIST SP 800-63B (rev. 3, §4.2.3)',
      'error.issues[0]',
      "import { useDecide } from '../../../shared/outbox/api/decide-item';",
      "import { x } from '../shared/outbox/model/outbox';",
    ];
    expect(fine.flatMap((line) => citationsIn('x', line))).toEqual([]);
  });
});
