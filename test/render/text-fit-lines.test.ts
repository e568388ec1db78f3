// wrapLines and lineCount break lines over code points in typed arrays. The reference here is
// the plain version they replaced — an array of characters, sliced and joined at each break —
// kept as the independent route: both must give its lines, and its count, on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charEm, lineCount, WIDTH_SAFETY, wrapLines } from '../../src/report/text-fit.js';

const NO_LINE_START = '，。、；：！？）》」』】%,.;:!?)]';
const NO_LINE_END = '（《「『【([';

function breakableBefore(prev: string, ch: string): boolean {
  if (prev === '') return false;
  if (NO_LINE_START.includes(ch)) return false;
  if (NO_LINE_END.includes(prev)) return false;
  if (ch === ' ' || prev === ' ') return true;
  return charEm(ch) === 1 || charEm(prev) === 1;
}

function referenceWrap(text: string, widthIn: number, pt: number): string[] {
  const maxEms = (widthIn * 72) / pt / WIDTH_SAFETY;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let lineEms = 0;
    let lastBreak = -1;
    let line: string[] = [];
    for (const ch of [...paragraph]) {
      const w = charEm(ch);
      if (breakableBefore(line.at(-1) ?? '', ch)) lastBreak = line.length;
      if (lineEms + w > maxEms && line.length > 0) {
        if (lastBreak > 0) {
          const tail = line.slice(lastBreak);
          out.push(line.slice(0, lastBreak).join('').trimEnd());
          line = tail[0] === ' ' ? tail.slice(1) : tail;
        } else {
          out.push(line.join(''));
          line = [];
        }
        lineEms = line.reduce((a, c) => a + charEm(c), 0);
        lastBreak = -1;
        if (line.length === 0 && ch === ' ') continue;
      }
      line.push(ch);
      lineEms += w;
    }
    out.push(line.join(''));
  }
  return out;
}

/** Text of CJK, Latin words, digits, spaces, kinsoku punctuation, line breaks and an emoji. */
const pieces = fc.constantFrom('一', '二', '销', '售', 'GMV', 'Quarterly', 'a', 'W', '1,234.50', ' ', ' ', '，', '。', '（', '）', '(', ')', '%', '\n', '😀', 'ilj', '¥', '—');
const texts = fc.array(pieces, { maxLength: 120 }).map((a) => a.join(''));

describe('line breaking', () => {
  it('gives the reference lines and count for any text, width and size', () => {
    fc.assert(
      fc.property(texts, fc.double({ min: 0.2, max: 12, noNaN: true }), fc.integer({ min: 8, max: 40 }), (text, widthIn, pt) => {
        const lines = referenceWrap(text, widthIn, pt);
        expect(wrapLines(text, widthIn, pt)).toEqual(lines);
        expect(lineCount(text, widthIn, pt)).toBe(lines.length);
        expect(lineCount(text, widthIn, pt)).toBe(lines.length); // from the cache
      }),
      { numRuns: 3000 },
    );
  });

  it('breaks a long paragraph the same way, past the first sizes of its scratch arrays', () => {
    const text = '建成日播的品牌自播间，直播 GMV 占比持续提升（降低对达人带货的依赖）。'.repeat(200);
    expect(wrapLines(text, 5.5, 14)).toEqual(referenceWrap(text, 5.5, 14));
    expect(lineCount(text, 5.5, 14)).toBe(referenceWrap(text, 5.5, 14).length);
  });
});
