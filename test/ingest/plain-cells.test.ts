// The plain cell readers (values.ts, "Plain cells read where they lie") against the full parsers
// they stand in for: on any text, a plain reading is either refused (undefined / false) or the
// very value the full parser gives. Texts are drawn from the characters that change readings —
// signs, separators, spaces beyond ASCII, placeholder dashes, Excel's ="…", exponent letters —
// and from shapes that should be accepted, so both outcomes are exercised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  parseId,
  parseInstant,
  parseMoneyMinor,
  parseQuantity,
  plainId,
  plainLocalMs,
  plainMoneyMinor,
  plainQuantity,
  plainRange,
  plainText,
} from '../../src/ingest/values.js';

const unit = fc.constantFrom(
  '0', '1', '5', '9', '-', '+', '.', ',', ' ', '\t', '\u00a0', '\u3000', '\u2003', '\ufeff', '元', '¥', '￥', '$', '=', '"', "'",
  'e', 'E', 'n', 'N', 'a', 'A', 'u', 'l', '#', '/', ':', 'T', 'Z', 'x', '订', '美', '—', '–', '－', '(', ')', 'é',
);
const anyText = fc.string({ unit, maxLength: 12 });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: min, maxLength: max });
const pad = fc.constantFrom('', ' ', '  ', '\t');
const amount = fc.tuple(pad, fc.constantFrom('', '-'), digits(1, 15), fc.constantFrom('', '.', '.5', '.50', '.505', '.00', '.0'), pad).map((p) => p.join(''));
const two = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
const time = fc
  .tuple(pad, fc.integer({ min: 1990, max: 2040 }), two(0, 13), two(0, 32), fc.constantFrom('', ' ', 'T', 't'), two(0, 24), two(0, 60), fc.constantFrom('', ':00', ':59', ':60', '.5'), pad)
  .map(([a, y, m, d, sep, h, mi, sec, b]) => (sep === '' ? `${a}${y}-${m}-${d}${b}` : `${a}${y}-${m}-${d}${sep}${h}:${mi}${sec}${b}`));
const idLike = fc.oneof(anyText, digits(1, 20), fc.tuple(fc.constantFrom('C', 'S', 'SKU-', '#', 'n', 'NA', '4.1e', '1e'), digits(0, 8)).map((p) => p.join('')));

function bytesOf(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

describe('plain cell readers agree with the full parsers', () => {
  it('amounts, in major and in minor units', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, amount), fc.constantFrom('major' as const, 'minor' as const), (text, unitIn) => {
        const b = bytesOf(text);
        const plain = plainMoneyMinor(b, 0, b.length, unitIn);
        if (plain !== undefined) expect(plain).toBe(parseMoneyMinor(text, unitIn));
      }),
      { numRuns: 3000 },
    );
    const b = bytesOf(' 1234.5 ');
    expect(plainMoneyMinor(b, 0, b.length, 'major')).toBe(123450);
  });

  it('quantities', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, amount), (text) => {
        const b = bytesOf(text);
        const plain = plainQuantity(b, 0, b.length);
        if (plain !== undefined) expect(plain).toBe(parseQuantity(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('wall-clock times', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, time), (text) => {
        const b = bytesOf(text);
        const plain = plainLocalMs(b, 0, b.length);
        // In UTC a naive time's instant is its local ms.
        if (plain !== undefined) expect(plain).toBe(parseInstant(text, { timeZone: 'UTC' }));
      }),
      { numRuns: 3000 },
    );
    const b = bytesOf('2026-07-01 09:05:30');
    expect(plainLocalMs(b, 0, b.length)).toBe(Date.UTC(2026, 6, 1, 9, 5, 30));
  });

  it('ids', () => {
    fc.assert(
      fc.property(idLike, (text) => {
        const b = bytesOf(text);
        if (plainId(b, 0, b.length)) expect(b.toString('utf8', plainRange.start, plainRange.end)).toBe(parseId(text));
      }),
      { numRuns: 3000 },
    );
    const b = bytesOf(' 4012345678901234567 ');
    expect(plainId(b, 0, b.length)).toBe(true);
    expect(b.toString('latin1', plainRange.start, plainRange.end)).toBe('4012345678901234567');
  });

  it('text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const b = bytesOf(text);
        if (plainText(b, 0, b.length)) expect(b.toString('utf8', plainRange.start, plainRange.end)).toBe(cleanText(text));
      }),
      { numRuns: 3000 },
    );
    const b = bytesOf(' 美妆 ');
    expect(plainText(b, 0, b.length)).toBe(true);
    expect(b.toString('utf8', plainRange.start, plainRange.end)).toBe('美妆');
  });

  it('refuses what only the full parsers can read or word', () => {
    for (const t of ['¥1,234.50', '(12.30)', '1,234', '12.345', '1e5', '', ' ', '—', 'NA', '="0012345"', '\u00a0x']) {
      const b = bytesOf(t);
      expect([plainMoneyMinor(b, 0, b.length, 'major'), plainQuantity(b, 0, b.length)]).toEqual([undefined, undefined]);
    }
    for (const t of ['4.1E+18', 'NA', 'n/a', '="0012345"', "'0012345", '订单1', '']) {
      const b = bytesOf(t);
      expect(plainId(b, 0, b.length)).toBe(false);
    }
    for (const t of ['—', '——', '－', 'null', '\u3000美妆', '美妆\u00a0', '="x"', '']) {
      const b = bytesOf(t);
      expect(plainText(b, 0, b.length)).toBe(false);
    }
  });
});
