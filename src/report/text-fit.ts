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

/** Whether a line may break before this character (CJK breaks anywhere; Latin at spaces). */
function breakableBefore(prev: string, ch: string): boolean {
  if (prev === '') return false;
  // Closing punctuation never starts a line (kinsoku shori, simplified).
  if (NO_LINE_START.includes(ch)) return false;
  if (NO_LINE_END.includes(prev)) return false;
  if (ch === ' ' || prev === ' ') return true;
  return charEm(ch) === 1 || charEm(prev) === 1;
}

/**
 * Greedy line breaking of `text` into lines of at most `widthIn` inches at `pt` points.
 * A single word wider than the line is cut where it overflows.
 */
export function wrapLines(text: string, widthIn: number, pt: number): string[] {
  const maxEms = (widthIn * PT) / pt / WIDTH_SAFETY;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const chars = [...paragraph];
    let lineEms = 0;
    let lastBreak = -1; // index in `line` (as char array) where a break is allowed
    let lineChars: string[] = [];
    for (const ch of chars) {
      const w = charEm(ch);
      const prev = lineChars.at(-1) ?? '';
      if (breakableBefore(prev, ch)) lastBreak = lineChars.length;
      if (lineEms + w > maxEms && lineChars.length > 0) {
        if (lastBreak > 0) {
          const head = lineChars.slice(0, lastBreak);
          const tail = lineChars.slice(lastBreak);
          out.push(head.join('').trimEnd());
          lineChars = tail[0] === ' ' ? tail.slice(1) : tail;
        } else {
          out.push(lineChars.join(''));
          lineChars = [];
        }
        lineEms = lineChars.reduce((a, c) => a + charEm(c), 0);
        lastBreak = -1;
        if (lineChars.length === 0 && ch === ' ') continue;
      }
      lineChars.push(ch);
      lineEms += w;
    }
    out.push(lineChars.join(''));
  }
  return out;
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
    const lines = wrapLines(text, widthIn, pt).length;
    if ((lines * pt * lineSpacing) / PT <= heightIn) return { pt, lines };
  }
  return { pt: minPt, lines: wrapLines(text, widthIn, minPt).length };
}

/** Height in inches of `lines` lines at `pt` points. */
export function linesHeightIn(lines: number, pt: number, lineSpacing = LINE_SPACING): number {
  return (lines * pt * lineSpacing) / PT;
}
