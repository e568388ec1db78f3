// Prints input problems (file:row:column: what — hint) and the per-file summary to stderr.
import type { FileSummary, IngestResult } from '../ingest/workspace.js';
import { formatProblem } from '../ingest/problems.js';
import { epochToLocalDate } from '../time/zone.js';
import type { CommandContext } from './context.js';

export function printProblems(ingest: IngestResult, ctx: CommandContext): void {
  for (const p of ingest.problems.list()) ctx.stderr.write(`${formatProblem(p)}\n`);
}

export function describeSkips(f: FileSummary): string {
  const parts = Object.entries(f.skipped)
    .filter(([, n]) => n > 0)
    .map(([why, n]) => `${n} ${why}`);
  return parts.length > 0 ? `skipped ${parts.join(', ')}` : 'nothing skipped';
}

function formatAt(at: number | string | null, timeZone: string): string {
  if (at === null) return '—';
  return typeof at === 'string' ? at : epochToLocalDate(timeZone, at);
}

/** One line per file: rows read/kept/skipped and the local dates it covers. */
export function printFileSummary(ingest: IngestResult, ctx: CommandContext, timeZone: string): void {
  for (const f of ingest.files) {
    ctx.stderr.write(
      `${f.file}: ${f.table} (${f.preset}, ${f.encoding}) read ${f.rowsRead}, kept ${f.rowsKept}, ${describeSkips(f)}; ` +
        `${f.firstAt === null && f.lastAt === null ? 'no dated rows' : `${formatAt(f.firstAt, timeZone)} … ${formatAt(f.lastAt, timeZone)}`}\n`,
    );
  }
}
