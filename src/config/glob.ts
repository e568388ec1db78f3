// The `files:` globs of a source: `*` and `?` within one path segment, `[abc]` / `[a-z]` /
// `[!x]` classes, and `**` for any number of folders. Matching is segment by segment with a
// linear-time wildcard match, so no pattern can make it backtrack for long (`*a*a*a*…`), and
// the folder the pattern starts from is taken literally: a workspace in `shop[1]/` is a folder
// name, not a character class.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

type Token = { kind: 'char'; c: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negate: boolean; ranges: [string, string][] };

/** Whether a path segment holds glob syntax (a `[` only with its `]`). */
export function hasMagic(segment: string): boolean {
  return /[*?]/.test(segment) || /\[[^\]]+\]/.test(segment);
}

/** One segment of a pattern as tokens; a `[` without a closing `]` is a plain character. */
function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      if (out.at(-1)?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'any' });
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out.push({ kind: 'char', c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body[0] === '!' || body[0] === '^';
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else ranges.push([body[k]!, body[k]!]);
      }
      out.push({ kind: 'class', negate, ranges });
      i = close;
    } else out.push({ kind: 'char', c });
  }
  return out;
}

function matchesOne(t: Token, c: string): boolean {
  if (t.kind === 'any') return true;
  if (t.kind === 'char') return t.c === c;
  if (t.kind === 'class') return t.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== t.negate;
  return false;
}

/**
 * Whether `name` matches a segment's tokens: the usual two-pointer wildcard match, going back
 * only to the last star, so at most name × pattern steps.
 */
function matchSegment(ts: Token[], name: string): boolean {
  let t = 0;
  let n = 0;
  let starT = -1;
  let starN = 0;
  while (n < name.length) {
    const tok = ts[t];
    if (tok !== undefined && tok.kind === 'star') {
      starT = t++;
      starN = n;
    } else if (tok !== undefined && matchesOne(tok, name[n]!)) {
      t++;
      n++;
    } else if (starT >= 0) {
      t = starT + 1;
      n = ++starN;
    } else return false;
  }
  while (ts[t]?.kind === 'star') t++;
  return t === ts.length;
}

/** Hidden files and folders (`.DS_Store`, `.git`) are never picked up by a wildcard. */
const isHidden = (name: string) => name.startsWith('.');

/**
 * The files a pattern names, relative to `baseDir` (or absolute), sorted. The literal folders
 * the pattern begins with are joined to `baseDir` as they are; the rest is matched folder by
 * folder. Symbolic links to files count as files; `**` does not follow linked folders (a link
 * back up the tree would never end).
 */
export async function globFiles(pattern: string, baseDir: string): Promise<string[]> {
  const segments = pattern.split(/[\\/]+/);
  const absolute = path.isAbsolute(pattern);
  const firstMagic = segments.findIndex(hasMagic);
  if (firstMagic < 0) return [];
  const literal = segments.slice(0, firstMagic).join('/');
  const root = absolute ? literal || '/' : path.resolve(baseDir, literal || '.');
  const rest = segments.slice(firstMagic).filter((s) => s !== '');
  const compiled = rest.map((s) => (s === '**' ? null : tokens(s)));
  const out: string[] = [];

  async function walk(dir: string, i: number): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
    if (entries !== null) await visit(dir, entries, i);
  }

  /** The entries of `dir` against segment i on (a folder read once, also for `**`). */
  async function visit(dir: string, entries: Dirent[], i: number): Promise<void> {
    const seg = compiled[i];
    const last = i === compiled.length - 1;
    if (seg === null) {
      // `**`: this folder itself, then every sub-folder, each with the same `**` still to match.
      if (last) {
        for (const e of entries) if (!isHidden(e.name) && (await kindOf(dir, e)) === 'file') out.push(path.join(dir, e.name));
      } else await visit(dir, entries, i + 1);
      for (const e of entries) if (!isHidden(e.name) && e.isDirectory()) await walk(path.join(dir, e.name), i);
      return;
    }
    for (const e of entries) {
      if (isHidden(e.name) || !matchSegment(seg!, e.name)) continue;
      const kind = await kindOf(dir, e);
      if (last && kind === 'file') out.push(path.join(dir, e.name));
      else if (!last && kind === 'dir') await walk(path.join(dir, e.name), i + 1);
    }
  }

  await walk(root, 0);
  return [...new Set(out)].sort();
}

async function kindOf(dir: string, e: Dirent): Promise<'file' | 'dir' | 'other'> {
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'dir';
  if (!e.isSymbolicLink()) return 'other';
  const s = await stat(path.join(dir, e.name)).catch(() => null);
  return s?.isFile() ? 'file' : s?.isDirectory() ? 'dir' : 'other';
}
