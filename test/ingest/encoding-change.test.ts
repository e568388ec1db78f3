import { describe, expect, it } from 'vitest';
import { encodingAsRead } from '../../src/ingest/encoding-change.js';
import { ProblemLog, formatProblem } from '../../src/ingest/problems.js';
import type { EncodingChange } from '../../src/ingest/csv.js';
import type { RecordSource } from '../../src/ingest/source.js';

function source(encoding: string, encodingChanges?: EncodingChange[]): RecordSource {
  return { encoding, encodingChanges, totalBytes: 0, batches: async function* () {} };
}

/** Changes back and forth, the first to GBK at row 10, then every 10 rows. */
function changes(n: number): EncodingChange[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0 ? { row: 10 * (i + 1), from: 'utf8', to: 'gb18030' } : { row: 10 * (i + 1), from: 'gb18030', to: 'utf8' },
  );
}

describe('encodingAsRead', () => {
  it('names the encoding of a file read in one, with no warning', () => {
    const problems = new ProblemLog();
    expect(encodingAsRead(source('gb18030', []), 'o.csv', problems)).toBe('gb18030');
    expect(encodingAsRead(source('xlsx'), 'o.xlsx', problems)).toBe('xlsx');
    expect(problems.list()).toEqual([]);
  });

  it('names each part and warns at each row where the encoding changes', () => {
    const problems = new ProblemLog();
    expect(encodingAsRead(source('gb18030', changes(3)), 'o.csv', problems)).toBe('UTF-8, GBK from row 10, UTF-8 from row 20, GBK from row 30');
    const lines = problems.list().map(formatProblem);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^o\.csv:10: warning: the file changes from UTF-8 to GBK here: the rows before are read as UTF-8, this one and those after as GBK — /);
    expect(lines[1]).toMatch(/^o\.csv:20: warning: the file changes from GBK to UTF-8 here: the rows before are read as GBK, this one and those after as UTF-8 — /);
    expect(lines[2]).toMatch(/^o\.csv:30: warning: the file changes from UTF-8 to GBK here/);
    expect(problems.errorCount).toBe(0);
  });

  it('past five changes, warns once more counting the rest, and the summary does too', () => {
    const problems = new ProblemLog();
    expect(encodingAsRead(source('utf8', changes(8)), 'o.csv', problems)).toBe(
      'UTF-8, GBK from row 10, UTF-8 from row 20, GBK from row 30, UTF-8 from row 40, GBK from row 50, 3 more changes',
    );
    const lines = problems.list().map(formatProblem);
    expect(lines.map((l) => l.split(': warning')[0])).toEqual(['o.csv:10', 'o.csv:20', 'o.csv:30', 'o.csv:40', 'o.csv:50', 'o.csv:60']);
    expect(lines[5]).toMatch(/^o\.csv:60: warning: the file changes encoding 3 more times from here on \(between UTF-8 and GBK\); each part is read in its own — /);
  });
});
