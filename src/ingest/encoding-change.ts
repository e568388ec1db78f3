// The encoding a file was read in, for its summary, once it has been read: a CSV may change
// from UTF-8 to GBK or back part-way (two exports joined into one), which is warned about at
// each row where it does.
import type { ProblemLog } from './problems.js';
import type { RecordSource } from './source.js';

/** How the summary and the warning name the encodings a file changes between. */
const NAMES = { utf8: 'UTF-8', gb18030: 'GBK' } as const;

/** Changes warned about one by one; past these, one warning counts the rest. */
const WARNED_CHANGES = 5;

export function encodingAsRead(source: RecordSource, file: string, problems: ProblemLog): string {
  const changes = source.encodingChanges ?? [];
  if (changes.length === 0) return source.encoding;
  const hint =
    'two exports saved in different encodings seem to have been joined into one: check that the product names and categories of the rows around here read right, or save the file again in one encoding (UTF-8)';
  for (const change of changes.slice(0, WARNED_CHANGES)) {
    const from = NAMES[change.from];
    const to = NAMES[change.to];
    problems.warning(
      `the file changes from ${from} to ${to} here: the rows before are read as ${from}, this one and those after as ${to}`,
      { file, row: change.row },
      hint,
      'encoding-change',
    );
  }
  if (changes.length > WARNED_CHANGES) {
    const next = changes[WARNED_CHANGES]!;
    problems.warning(
      `the file changes encoding ${changes.length - WARNED_CHANGES} more times from here on (between UTF-8 and GBK); each part is read in its own`,
      { file, row: next.row },
      hint,
      // (Its own group: the problem log keeps five of a kind, which the changes above fill.)
      'encoding-change-more',
    );
  }
  const parts = [NAMES[changes[0]!.from], ...changes.slice(0, WARNED_CHANGES).map((c) => `${NAMES[c.to]} from row ${c.row}`)];
  if (changes.length > WARNED_CHANGES) parts.push(`${changes.length - WARNED_CHANGES} more changes`);
  return parts.join(', ');
}
