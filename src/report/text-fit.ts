// Measures text the way a slide will show it, without a font engine: each character gets a
// width in ems (CJK and full-width forms one em, Latin about half), so titles, KPI values and
// table cells can be sized or wrapped by rule before anything is placed. Pure; the renderer
// and the table pager share it so a page holds exactly the rows the renderer will draw.

/** Points per inch. */
const PT = 72;

/**
 * Line height as a multiple of the font size: CJK faces (YaHei, Noto Sans CJK) set lines
 * taller than Latin ones, about 1.3–1.45 × the size.
 */
export const LINE_SPACING = 1.35;


/**
 * Widths of the Basic Multilingual Plane's characters, each worked out once by emOf on first
 * use (0: not yet): a long project text is measured many times while its size is fitted.
 */
const EM_CACHE = new Float64Array(0x10000);

/** Width of one character in ems, close to Arial / Microsoft YaHei / Noto Sans CJK. */
export function charEm(ch: string): number {
  if (ch.length !== 1) return emOf(ch);
  const c = ch.charCodeAt(0);
  const known = EM_CACHE[c]!;
  if (known !== 0) return known;
  return (EM_CACHE[c] = emOf(ch));
}

function emOf(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  // CJK ideographs, kana, hangul, CJK punctuation, full-width forms: one em.
  if (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  ) {
    return 1;
  }
  if (c >= 0x30 && c <= 0x39) return 0.56; // digits are tabular in Arial
  if (ch === ' ') return 0.28;
  if (/[.,:;'!|il]/.test(ch)) return 0.28;
  if (/[()[\]{}\-"/\\ftjr]/.test(ch)) return 0.34;
  if (/[%]/.test(ch)) return 0.89;
  if (/[MW@]/.test(ch)) return 0.85;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[mw]/.test(ch)) return 0.8;
  if (ch === '×' || ch === '¥' || ch === '$' || ch === '€' || ch === '£' || ch === '+') return 0.58;
  if (ch === '▲' || ch === '▼' || ch === '—' || ch === '…' || ch === '·') return 0.75;
  return 0.54;
}

/**
 * Renderers differ (PowerPoint with YaHei, LibreOffice with Noto CJK add space between CJK and
 * Latin runs): measured widths are padded so a fit here is a fit there.
 */
export const WIDTH_SAFETY = 1.07;

/** Width of `text` in ems, padded by WIDTH_SAFETY. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += charEm(ch);
  return ems * WIDTH_SAFETY;
}

/** Width of `text` in inches at `pt` points. */
export function textWidthIn(text: string, pt: number): number {
  return (textEms(text) * pt) / PT;
}

/**
 * The largest whole point size, between `minPt` and `maxPt`, at which `text` fits on one line
 * of `widthIn` inches. Returns `minPt` when even that is too wide (the caller then wraps).
 */
export function fitOneLine(text: string, widthIn: number, maxPt: number, minPt: number): number {
  const ems = Math.max(textEms(text), 0.01);
  const pt = Math.floor((widthIn * PT) / ems);
  return Math.max(minPt, Math.min(maxPt, pt));
}

const NO_LINE_START = '，。、；：！？）》」』】%,.;:!?)]';
const NO_LINE_END = '（《「『【([';
/** Per BMP code: 1 for a character that never starts a line, 2 for one that never ends it. */
const KINSOKU = new Uint8Array(0x10000);
for (const ch of NO_LINE_START) KINSOKU[ch.charCodeAt(0)]! |= 1;
for (const ch of NO_LINE_END) KINSOKU[ch.charCodeAt(0)]! |= 2;
const SPACE = 0x20;

/**
 * Whether a line may break between `prev` and `c` (code points, with their widths): CJK breaks
 * anywhere, Latin at spaces; closing punctuation never starts a line and opening never ends
 * one (kinsoku shori, simplified).
 */
function breakable(prev: number, c: number, prevEm: number, em: number): boolean {
  if (c < 0x10000 && (KINSOKU[c]! & 1) !== 0) return false;
  if (prev < 0x10000 && (KINSOKU[prev]! & 2) !== 0) return false;
  if (c === SPACE || prev === SPACE) return true;
  return em === 1 || prevEm === 1;
}

/** A paragraph's code points, where each starts in the string, and their widths (reused). */
let codes = new Int32Array(256);
let starts = new Int32Array(257);
let ems = new Float64Array(256);

function readParagraph(p: string): number {
  if (p.length + 1 > starts.length) {
    const size = 2 * p.length + 1;
    codes = new Int32Array(size);
    starts = new Int32Array(size + 1);
    ems = new Float64Array(size);
  }
  let n = 0;
  for (let k = 0; k < p.length; n++) {
    const c = p.codePointAt(k)!;
    codes[n] = c;
    starts[n] = k;
    ems[n] = c < 0x10000 ? charEm(p[k]!) : emOf(String.fromCodePoint(c));
    k += c > 0xffff ? 2 : 1;
  }
  starts[n] = p.length;
  return n;
}

/**
 * Greedy line breaking of one paragraph into lines of at most `maxEms`: the number of lines,
 * and the lines themselves into `out` when given. A word wider than the line is cut where it
 * overflows; a line broken at a space drops that space.
 */
function breakParagraph(p: string, maxEms: number, out: string[] | null): number {
  const n = readParagraph(p);
  let start = 0; // the current line is the code points [start, i)
  let lineEms = 0;
  let lastBreak = -1; // where in the line (from start) a break is allowed
  let lines = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    const w = ems[i]!;
    if (i > start && breakable(codes[i - 1]!, c, ems[i - 1]!, w)) lastBreak = i - start;
    if (lineEms + w > maxEms && i > start) {
      if (lastBreak > 0) {
        const b = start + lastBreak;
        out?.push(p.substring(starts[start]!, starts[b]!).trimEnd());
        start = b < i && codes[b] === SPACE ? b + 1 : b;
      } else {
        out?.push(p.substring(starts[start]!, starts[i]!));
        start = i;
      }
      lines++;
      // Summed afresh from the line's start, in order, as the widths of a new line.
      lineEms = 0;
      for (let k = start; k < i; k++) lineEms += ems[k]!;
      lastBreak = -1;
      if (start === i && c === SPACE) {
        start = i + 1;
        continue;
      }
    }
    lineEms += w;
  }
  out?.push(p.substring(starts[start]!, starts[n]!));
  return lines + 1;
}

function maxEmsOf(widthIn: number, pt: number): number {
  return (widthIn * PT) / pt / WIDTH_SAFETY;
}

/**
 * Greedy line breaking of `text` into lines of at most `widthIn` inches at `pt` points.
 * A single word wider than the line is cut where it overflows.
 */
export function wrapLines(text: string, widthIn: number, pt: number): string[] {
  const maxEms = maxEmsOf(widthIn, pt);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) breakParagraph(paragraph, maxEms, out);
  return out;
}

/**
 * Lines of the last texts counted, by line width and text: tables and long project texts are
 * measured again for each size tried and each page split considered.
 */
const LINE_COUNTS = new Map<string, number>();
const LINE_COUNTS_MAX = 200_000;

/** How many lines `wrapLines` makes of `text` (without making them). */
export function lineCount(text: string, widthIn: number, pt: number): number {
  const maxEms = maxEmsOf(widthIn, pt);
  const key = `${maxEms}\u0000${text}`;
  const known = LINE_COUNTS.get(key);
  if (known !== undefined) return known;
  let lines = 0;
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    lines += breakParagraph(nl < 0 ? text.slice(from) : text.slice(from, nl), maxEms, null);
    if (nl < 0) break;
    from = nl + 1;
  }
  if (LINE_COUNTS.size >= LINE_COUNTS_MAX) LINE_COUNTS.clear();
  LINE_COUNTS.set(key, lines);
  return lines;
}

export interface BlockFit {
  pt: number;
  lines: number;
}

/**
 * The largest point size (stepping down by 1 from `maxPt` to `minPt`) at which `text`,
 * wrapped to `widthIn`, fits `heightIn` with `lineSpacing` × pt per line. At `minPt` it
 * reports the lines needed even if they overflow, so a caller can page or cut.
 */
export function fitBlock(text: string, widthIn: number, heightIn: number, maxPt: number, minPt: number, lineSpacing = LINE_SPACING): BlockFit {
  for (let pt = maxPt; pt >= minPt; pt--) {
    const lines = lineCount(text, widthIn, pt);
    if ((lines * pt * lineSpacing) / PT <= heightIn) return { pt, lines };
  }
  return { pt: minPt, lines: lineCount(text, widthIn, minPt) };
}

/** Height in inches of `lines` lines at `pt` points. */
export function linesHeightIn(lines: number, pt: number, lineSpacing = LINE_SPACING): number {
  return (lines * pt * lineSpacing) / PT;
}
