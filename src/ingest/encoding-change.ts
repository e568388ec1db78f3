// The encoding a file was read in, for its summary, once it has been read: a CSV may change
// from UTF-8 to GBK or back part-way (two exports joined into one), which is warned about at
// the row where it does.
import type { ProblemLog } from './problems.js';
import type { RecordSource } from './source.js';

/** How the summary and the warning name the encodings a file changes between. */
const NAMES = { utf8: 'UTF-8', gb18030: 'GBK' } as const;

export function encodingAsRead(source: RecordSource, file: string, problems: ProblemLog): string {
  const change = source.encodingChange;
  if (change === undefined) return source.encoding;
  const from = NAMES[change.from];
  const to = NAMES[change.to];
  problems.warning(
    `the file changes from ${from} to ${to} here: the rows before are read as ${from}, this one and those after as ${to}`,
    { file, row: change.row },
    'two exports saved in different encodings seem to have been joined into one: check that the product names and categories of the rows around here read right, or save the file again in one encoding (UTF-8)',
    'encoding-change',
  );
  return `${from}, ${to} from row ${change.row}`;
}
