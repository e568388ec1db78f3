// Input problems found while reading exports. All of them are collected and printed
// together; a flood of the same problem in one column is kept as a few examples plus a count.
import { formatLocation, type Location } from '../errors.js';

export type Severity = 'error' | 'warning';

export interface Problem extends Location {
  severity: Severity;
  message: string;
  /** The offending cell text, shown after the message (floods group by message alone). */
  value?: string;
  hint?: string;
  /** Groups problems whose messages differ (they name an order) into one flood. */
  group?: string;
}

const kindOf = (p: Problem) => `${p.file ?? ''}\u0000${p.column ?? ''}\u0000${p.group ?? p.message}`;

const EXAMPLES_PER_KIND = 5;

export class ProblemLog {
  private readonly kept: Problem[] = [];
  /** Same file + column + message: how many beyond the examples kept. */
  private readonly overflow = new Map<string, { first: Problem; extra: number }>();
  private readonly seenPerKind = new Map<string, number>();
  private errors = 0;

  add(problem: Problem): void {
    if (problem.severity === 'error') this.errors++;
    const kind = kindOf(problem);
    const seen = (this.seenPerKind.get(kind) ?? 0) + 1;
    this.seenPerKind.set(kind, seen);
    if (seen <= EXAMPLES_PER_KIND) {
      this.kept.push(problem);
      return;
    }
    const entry = this.overflow.get(kind);
    if (entry) entry.extra++;
    else this.overflow.set(kind, { first: problem, extra: 1 });
  }

  error(message: string, location: Location, hint?: string): void {
    this.add({ severity: 'error', message, hint, ...location });
  }

  warning(message: string, location: Location, hint?: string, group?: string): void {
    this.add({ severity: 'warning', message, hint, group, ...location });
  }

  get errorCount(): number {
    return this.errors;
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** Problems in the order found, with "… and N more like this" entries after each flood. */
  list(): Problem[] {
    const out: Problem[] = [];
    const reported = new Set<string>();
    for (const p of this.kept) {
      out.push(p);
      const kind = kindOf(p);
      const flood = this.overflow.get(kind);
      if (flood && !reported.has(kind) && this.lastOfKind(kind) === p) {
        reported.add(kind);
        out.push({
          severity: p.severity,
          file: p.file,
          column: p.column,
          message: `… and ${flood.extra} more rows with the same problem`,
        });
      }
    }
    return out;
  }

  private lastOfKind(kind: string): Problem | undefined {
    let last: Problem | undefined;
    for (const p of this.kept) if (kindOf(p) === kind) last = p;
    return last;
  }
}

export function formatProblem(p: Problem): string {
  const where = formatLocation(p);
  const value = p.value !== undefined ? ` '${visible(p.value.length > 60 ? p.value.slice(0, 57) + '…' : p.value)}'` : '';
  // A problem with no place to point at still says what it is; one with a place reads as a compiler's.
  const severity = p.severity === 'warning' ? 'warning: ' : where ? '' : 'error: ';
  const head = `${where ? where + ': ' : ''}${severity}${visible(p.message)}${value}`;
  return p.hint ? `${head} — ${visible(p.hint)}` : head;
}

/**
 * Text from a file made safe to print: control characters (an escape sequence in a garbled
 * header would restyle or clear the user's terminal) are shown as `\x1b`.
 */
export function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Text from a file cut to `max` characters for a message (a long garbled cell must not fill the screen). */
export function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
