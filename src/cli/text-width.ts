// How many terminal columns text takes: Chinese, Japanese and Korean characters and full-width
// forms take two, so a table padded by string length would lose its alignment on them.

/** East Asian Wide and Fullwidth ranges (Unicode's EastAsianWidth W and F), the common ones. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, punctuation
  [0x3041, 0x33ff], // kana, CJK symbols
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // full-width forms
  [0xffe0, 0xffe6], // full-width signs (￥)
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x20000, 0x3fffd], // CJK extensions B and later
];

function isWide(code: number): boolean {
  for (const [from, to] of WIDE) if (code >= from && code <= to) return true;
  return false;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Combining marks and zero-width characters take no column of their own.
    if ((code >= 0x0300 && code <= 0x036f) || code === 0x200b || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

export function padEndTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

export function padStartTo(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - textWidth(text))) + text;
}
