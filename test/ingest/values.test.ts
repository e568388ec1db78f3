import { describe, expect, it } from 'vitest';
import {
  ValueProblem,
  cleanText,
  inferDateOrder,
  isMissing,
  parseBoolean,
  parseDate,
  parseId,
  parseInstant,
  parseMoneyMinor,
  parseQuantity,
  type InstantContext,
  type Parsed,
} from '../../src/ingest/values.js';

const SH: InstantContext = { timeZone: 'Asia/Shanghai' };
const NY: InstantContext = { timeZone: 'America/New_York' };
const UTC: InstantContext = { timeZone: 'UTC' };
const MDY: InstantContext = { timeZone: 'Asia/Shanghai', dateOrder: 'MDY' };
const DMY: InstantContext = { timeZone: 'Asia/Shanghai', dateOrder: 'DMY' };

/** The instant as an ISO string, or the problem / null as is. */
function iso(p: Parsed<number>): string | ValueProblem | null {
  return typeof p === 'number' ? new Date(p).toISOString() : p;
}

function problem<T>(p: Parsed<T>): ValueProblem {
  expect(p).toBeInstanceOf(ValueProblem);
  return p as ValueProblem;
}

describe('isMissing / cleanText', () => {
  it.each(['', ' ', '\t', '\u00a0', '\u3000', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'Null', '-', '--', '—', '#N/A', '#n/a', ' N/A ', '=""', '="N/A"', '——'])(
    'treats %j as missing',
    (text) => {
      expect(isMissing(text)).toBe(true);
      expect(cleanText(text)).toBeNull();
    },
  );

  it.each(['0', 'None', 'NAB', 'nan?', 'a', '-1', '—x'])('does not treat %j as missing', (text) => {
    expect(isMissing(text)).toBe(false);
  });

  it('trims ASCII, no-break and full-width spaces', () => {
    expect(cleanText('  hello\u00a0')).toBe('hello');
    expect(cleanText('\u3000标题\u3000')).toBe('标题');
    expect(cleanText('\ufeffBOM')).toBe('BOM');
    expect(cleanText('a  b')).toBe('a  b');
  });

  it("unwraps Excel's =\"…\" text wrapper", () => {
    expect(cleanText('="0012345"')).toBe('0012345');
    expect(cleanText(' ="abc" ')).toBe('abc');
    expect(cleanText('="say ""hi"""')).toBe('say "hi"');
    expect(cleanText('=SUM(A1)')).toBe('=SUM(A1)');
  });
});

describe('parseId', () => {
  it('keeps long numeric ids byte-exact', () => {
    expect(parseId('4102940000000000123')).toBe('4102940000000000123');
    expect(parseId('9007199254740993')).toBe('9007199254740993'); // 2^53 + 1: a float would lose it
    expect(parseId('0012345')).toBe('0012345');
    expect(parseId('ORD-2026-001')).toBe('ORD-2026-001');
    expect(parseId('\t4102940000000000123')).toBe('4102940000000000123');
  });

  it('unwraps ="…" and strips a leading apostrophe', () => {
    expect(parseId('="0012345"')).toBe('0012345');
    expect(parseId("'0012345")).toBe('0012345');
    expect(parseId("'")).toBeNull();
  });

  it('is null for a missing cell', () => {
    expect(parseId('')).toBeNull();
    expect(parseId('N/A')).toBeNull();
  });

  it.each(['4.10294E+18', '4.10294e18', '4.1E+18', '1E+15', '-4.1e+18'])('rejects %j: the number lost its digits', (text) => {
    const p = problem(parseId(text));
    expect(p.message).toBe('the id was stored as a number and lost its digits');
    expect(p.hint).toMatch(/format the column as text/);
    expect(p.hint).toMatch(/CSV/);
    expect(p.value).toBe(text);
  });
});

describe('parseMoneyMinor (major units)', () => {
  it.each([
    ['1234.50', 123450],
    ['¥1,234.50', 123450],
    ['￥1,234.5', 123450],
    ['$1,234.50', 123450],
    ['US$ 12', 1200],
    ['HK$12.5', 1250],
    ['12.3元', 1230],
    ['12.30 元', 1230],
    ['CNY 12.30', 1230],
    ['12.30 CNY', 1230],
    ['RMB12.30', 1230],
    ['usd 1.00', 100],
    ['１２３.４５', 12345],
    ['￥１，２３４．５０', 123450],
    ['(12.30)', -1230],
    ['(¥12.30)', -1230],
    ['-12.30', -1230],
    ['−12.30', -1230], // U+2212 minus sign
    ['-¥12.30', -1230],
    ['¥-12.30', -1230],
    ['+5', 500],
    ['1,234,567.89', 123456789],
    ['.5', 50],
    ['0', 0],
    ['12', 1200],
    ['19.99', 1999],
    ['0.1', 10],
    [' 12.30\u00a0', 1230],
    ['="12.30"', 1230],
    ["'12.30", 1230],
  ])('%j → %d', (text, minor) => {
    expect(parseMoneyMinor(text, 'major')).toBe(minor);
  });

  it('rounds half away from zero on the third decimal, by decimal string arithmetic', () => {
    expect(parseMoneyMinor('0.285', 'major')).toBe(29); // 0.285 * 100 = 28.499999999999996 in floats
    expect(parseMoneyMinor('1.005', 'major')).toBe(101); // 1.005 * 100 = 100.49999999999999
    expect(parseMoneyMinor('2.675', 'major')).toBe(268);
    expect(parseMoneyMinor('0.284', 'major')).toBe(28);
    expect(parseMoneyMinor('0.2849999', 'major')).toBe(28);
    expect(parseMoneyMinor('0.2850001', 'major')).toBe(29);
    expect(parseMoneyMinor('-0.285', 'major')).toBe(-29);
    expect(parseMoneyMinor('(1.005)', 'major')).toBe(-101);
    expect(parseMoneyMinor('0.30000000000000004', 'major')).toBe(30);
    expect(parseMoneyMinor('1,234.565', 'major')).toBe(123457);
  });

  it('never returns -0', () => {
    expect(Object.is(parseMoneyMinor('-0.00', 'major'), 0)).toBe(true);
    expect(Object.is(parseMoneyMinor('-0.004', 'major'), 0)).toBe(true);
    expect(Object.is(parseMoneyMinor('(0)', 'major'), 0)).toBe(true);
  });

  it.each(['', '  ', '-', '--', '—', 'N/A', 'null', '=""'])('%j is missing → null', (text) => {
    expect(parseMoneyMinor(text, 'major')).toBeNull();
  });

  it.each(['1 234,50', '1,23', '12,3456', '1234,567', '1.234,50', '12,50 €', '1,2,345'])(
    "%j: ',' is not a thousands separator",
    (text) => {
      const p = problem(parseMoneyMinor(text, 'major'));
      expect(p.message).toMatch(/','/);
      expect(p.hint).toMatch(/'\.' as the decimal point/);
      expect(p.hint).toMatch(/1,234\.50/);
    },
  );

  it.each(['abc', '12%', '12.', '1.2.3', '12 34', '¥', '()', 'twelve', '12abc'])('%j is not an amount', (text) => {
    const p = problem(parseMoneyMinor(text, 'major'));
    expect(p.message).toBe('not an amount');
    expect(p.hint).toMatch(/¥1,234\.50/);
    expect(p.hint).toMatch(/\(12\.30\)/);
  });

  it('explains scientific notation, double signs and huge values', () => {
    expect(problem(parseMoneyMinor('1.2E+3', 'major')).message).toMatch(/scientific notation/);
    expect(problem(parseMoneyMinor('(-12)', 'major')).message).toMatch(/more than one sign/);
    expect(problem(parseMoneyMinor('--12', 'major')).message).toMatch(/more than one sign/);
    expect(problem(parseMoneyMinor('99999999999999999', 'major')).message).toMatch(/too large/);
    expect(problem(parseMoneyMinor('100000000000000', 'major')).message).toMatch(/too large/); // 10^14 元 > 2^53 fen
    expect(parseMoneyMinor('90071992547409.91', 'major')).toBe(9007199254740991); // the largest that fits
  });
});

describe('parseMoneyMinor (minor units)', () => {
  it('takes the integer as is', () => {
    expect(parseMoneyMinor('1234', 'minor')).toBe(1234);
    expect(parseMoneyMinor('1,234', 'minor')).toBe(1234);
    expect(parseMoneyMinor('-5', 'minor')).toBe(-5);
    expect(parseMoneyMinor('(5)', 'minor')).toBe(-5);
    expect(parseMoneyMinor('¥1234', 'minor')).toBe(1234);
    expect(parseMoneyMinor('12.00', 'minor')).toBe(12);
    expect(parseMoneyMinor('', 'minor')).toBeNull();
  });

  it('rejects a fractional minor amount and points at amountsIn', () => {
    const p = problem(parseMoneyMinor('12.5', 'minor'));
    expect(p.message).toMatch(/fraction of a minor unit/);
    expect(p.hint).toMatch(/amountsIn: major/);
    expect(p.value).toBe('12.5');
    expect(parseMoneyMinor('0.01', 'minor')).toBeInstanceOf(ValueProblem);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['3', 3],
    ['-1', -1],
    ['+4', 4],
    ['1,200', 1200],
    ['2.0', 2],
    ['2.000', 2],
    ['(3)', -3],
    ['１２', 12],
    [' 7 ', 7],
    ['-0', 0],
    ['="5"', 5],
  ])('%j → %d', (text, n) => {
    expect(parseQuantity(text)).toBe(n);
  });

  it('is null for a missing cell', () => {
    expect(parseQuantity('')).toBeNull();
    expect(parseQuantity('-')).toBeNull();
    expect(parseQuantity('N/A')).toBeNull();
  });

  it('rejects fractions, junk, bad separators', () => {
    const half = problem(parseQuantity('2.5'));
    expect(half.message).toBe('not a whole number');
    expect(half.hint).toMatch(/2 or 2\.0, not 2\.5/);
    expect(problem(parseQuantity('x')).message).toBe('not a number');
    expect(problem(parseQuantity('3件')).message).toBe('not a number');
    expect(problem(parseQuantity('1,20')).message).toMatch(/thousands separator/);
    expect(problem(parseQuantity('12345678901234567')).message).toMatch(/too large/);
    expect(problem(parseQuantity('(-3)')).message).toBe('not a number');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['yes', true],
    ['Y', true],
    ['1', true],
    ['是', true],
    [' yes ', true],
    ['false', false],
    ['FALSE', false],
    ['no', false],
    ['n', false],
    ['0', false],
    ['否', false],
  ])('%j → %s', (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it('is null when missing, a problem otherwise', () => {
    expect(parseBoolean('')).toBeNull();
    expect(parseBoolean('N/A')).toBeNull();
    const p = problem(parseBoolean('maybe'));
    expect(p.message).toBe('not a yes/no value');
    expect(p.hint).toMatch(/true\/false, yes\/no, y\/n, 1\/0 or 是\/否/);
  });
});

describe('parseInstant: strings in Asia/Shanghai (UTC+8)', () => {
  it.each([
    ['2026-07-01 09:05:00', '2026-07-01T01:05:00.000Z'],
    ['2026-07-01 09:05', '2026-07-01T01:05:00.000Z'],
    ['2026-07-01', '2026-06-30T16:00:00.000Z'],
    ['2026/7/1 9:05', '2026-07-01T01:05:00.000Z'],
    ['2026/07/01 09:05:05', '2026-07-01T01:05:05.000Z'],
    ['2026/7/1', '2026-06-30T16:00:00.000Z'],
    ['2026.07.01', '2026-06-30T16:00:00.000Z'],
    ['2026.7.1 09:05:05', '2026-07-01T01:05:05.000Z'],
    ['2026年7月1日 09:05', '2026-07-01T01:05:00.000Z'],
    ['2026年7月1日09:05:30', '2026-07-01T01:05:30.000Z'],
    ['2026年07月01日', '2026-06-30T16:00:00.000Z'],
    ['2026-07-01T09:05:00', '2026-07-01T01:05:00.000Z'],
    ['2026-07-01T09:05', '2026-07-01T01:05:00.000Z'],
    ['2026-07-01 09:05:00.5', '2026-07-01T01:05:00.500Z'],
    ['2026-07-01T09:05:00.123456', '2026-07-01T01:05:00.123Z'],
    ['2026-07-01 09:05:00,250', '2026-07-01T01:05:00.250Z'],
    ['2026-07-01 00:00:00', '2026-06-30T16:00:00.000Z'],
    ['2026-07-01 23:59:59', '2026-07-01T15:59:59.000Z'],
    ['2026-09-30 23:30:00', '2026-09-30T15:30:00.000Z'],
    ['2028-02-29 12:00', '2028-02-29T04:00:00.000Z'],
    [' 2026-07-01 09:05:00\u00a0', '2026-07-01T01:05:00.000Z'],
    ['="2026-07-01 09:05:00"', '2026-07-01T01:05:00.000Z'],
    ["'2026-07-01 09:05", '2026-07-01T01:05:00.000Z'],
    ['２０２６-０７-０１ ０９:０５', '2026-07-01T01:05:00.000Z'],
    ['2026/7/1 9:05 PM', '2026-07-01T13:05:00.000Z'],
    ['2026/7/1 9:05am', '2026-07-01T01:05:00.000Z'],
    ['2026/7/1 12:00 AM', '2026-06-30T16:00:00.000Z'],
    ['2026/7/1 12:30 PM', '2026-07-01T04:30:00.000Z'],
    ['2026/7/1 9:05 p.m.', '2026-07-01T13:05:00.000Z'],
  ])('%j → %s', (text, expected) => {
    expect(iso(parseInstant(text, SH))).toBe(expected);
  });

  it('an explicit offset wins over the zone', () => {
    expect(iso(parseInstant('2026-07-01T09:05:00Z', SH))).toBe('2026-07-01T09:05:00.000Z');
    expect(iso(parseInstant('2026-07-01T09:05:00.123Z', NY))).toBe('2026-07-01T09:05:00.123Z');
    expect(iso(parseInstant('2026-07-01T09:05:00+08:00', NY))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant('2026-07-01T09:05:00+0800', NY))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant('2026-07-01 09:05:00 -05:00', SH))).toBe('2026-07-01T14:05:00.000Z');
    expect(iso(parseInstant('2026-07-01T09:05:00+05:30', SH))).toBe('2026-07-01T03:35:00.000Z');
    expect(iso(parseInstant('2026-07-01T09:05+08', NY))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant('2026-07-01 09:05:00 UTC', SH))).toBe('2026-07-01T09:05:00.000Z');
    expect(iso(parseInstant('2026-07-01 09:05:00 GMT+8', NY))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant('2026-07-01 09:05:00 PM +08:00', NY))).toBe('2026-07-01T13:05:00.000Z');
  });

  it('reads naive values in the given zone, DST included', () => {
    expect(iso(parseInstant('2026-07-01 09:05:00', NY))).toBe('2026-07-01T13:05:00.000Z');
    expect(iso(parseInstant('2026-01-15 09:05:00', NY))).toBe('2026-01-15T14:05:00.000Z');
    expect(iso(parseInstant('2026-03-08 02:30:00', NY))).toBe('2026-03-08T07:30:00.000Z'); // gap → 03:30 EDT
    expect(iso(parseInstant('2026-11-01 01:30:00', NY))).toBe('2026-11-01T05:30:00.000Z'); // overlap → EDT
    expect(iso(parseInstant('2026-07-01 09:05:00', UTC))).toBe('2026-07-01T09:05:00.000Z');
  });
});

describe('parseInstant: day/month order', () => {
  it('uses dateOrder when both first numbers are ≤ 12', () => {
    expect(iso(parseInstant('07/01/2026', MDY))).toBe('2026-06-30T16:00:00.000Z'); // 1 July
    expect(iso(parseInstant('07/01/2026', DMY))).toBe('2026-01-06T16:00:00.000Z'); // 7 January
    expect(iso(parseInstant('7/1/2026 9:05', MDY))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant('7/1/2026 9:05 PM', MDY))).toBe('2026-07-01T13:05:00.000Z');
    expect(iso(parseInstant('1.7.2026 09:05', DMY))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant('01-07-2026', DMY))).toBe('2026-06-30T16:00:00.000Z');
  });

  it('without dateOrder, an ambiguous value is a problem that says how to fix it', () => {
    for (const text of ['07/01/2026', '7/1/2026 9:05', '7/1/2026 9:05 PM', '01.07.2026']) {
      const p = problem(parseInstant(text, SH));
      expect(p.message).toMatch(/ambiguous/);
      expect(p.message).toMatch(/day-first or month-first/);
      expect(p.hint).toMatch(/dateOrder: DMY/);
      expect(p.hint).toMatch(/dateOrder: MDY/);
      expect(p.value).toBe(text);
    }
  });

  it('without dateOrder, a value that can only be read one way is accepted', () => {
    expect(iso(parseInstant('13/01/2026', SH))).toBe('2026-01-12T16:00:00.000Z'); // 13 January (DMY)
    expect(iso(parseInstant('31/12/2026 23:59', SH))).toBe('2026-12-31T15:59:00.000Z');
    expect(iso(parseInstant('01/13/2026', SH))).toBe('2026-01-12T16:00:00.000Z'); // 13 January (MDY)
    expect(iso(parseInstant('05/05/2026', SH))).toBe('2026-05-04T16:00:00.000Z'); // same either way
  });

  it('a value that contradicts dateOrder is a problem naming the setting', () => {
    const p = problem(parseInstant('13/01/2026', MDY));
    expect(p.message).toMatch(/does not fit dateOrder: MDY/);
    expect(p.hint).toMatch(/use DMY/);
    const q = problem(parseInstant('01/13/2026', DMY));
    expect(q.message).toMatch(/dateOrder: DMY/);
    expect(q.hint).toMatch(/use MDY/);
  });

  it('two-digit years are refused', () => {
    const p = problem(parseInstant('7/1/26', MDY));
    expect(p.message).toMatch(/two digits/);
    expect(p.hint).toMatch(/four-digit years/);
  });
});

describe('parseInstant: numbers', () => {
  it('reads Excel serials (1900 date system) as wall time in the zone', () => {
    expect(iso(parseInstant(45839, SH))).toBe('2025-06-30T16:00:00.000Z'); // 2025-07-01 00:00 Shanghai
    expect(iso(parseInstant(45839.5, SH))).toBe('2025-07-01T04:00:00.000Z'); // 12:00 Shanghai
    expect(iso(parseInstant(45839.5, UTC))).toBe('2025-07-01T12:00:00.000Z');
    expect(iso(parseInstant('45839', SH))).toBe('2025-06-30T16:00:00.000Z');
    expect(iso(parseInstant('45839.378472222', SH))).toBe('2025-07-01T01:05:00.000Z'); // 09:05 to the ms
    expect(iso(parseInstant(45839.99999999, UTC))).toBe('2025-07-01T23:59:59.999Z');
    expect(iso(parseInstant(45839.999999999, UTC))).toBe('2025-07-02T00:00:00.000Z'); // rounds into the next day
    expect(iso(parseInstant(46204, UTC))).toBe('2026-07-01T00:00:00.000Z'); // 45839 + 365
  });

  it("handles Excel's 1900 leap-year bug", () => {
    expect(parseDate(1, UTC)).toBe('1900-01-01');
    expect(parseDate(59, UTC)).toBe('1900-02-28');
    expect(parseDate(61, UTC)).toBe('1900-03-01');
    expect(parseDate(45839, UTC)).toBe('2025-07-01');
    const p = problem(parseInstant(60, UTC));
    expect(p.message).toMatch(/1900-02-29/);
    expect(p.message).toMatch(/does not exist/);
    expect(problem(parseDate(60.5, UTC)).message).toMatch(/1900-02-29/);
  });

  it('reads unix seconds (10 digits) and milliseconds (13 digits)', () => {
    expect(iso(parseInstant('1751331900', SH))).toBe('2025-07-01T01:05:00.000Z');
    expect(iso(parseInstant('1751331900123', SH))).toBe('2025-07-01T01:05:00.123Z');
    expect(iso(parseInstant(1751331900, NY))).toBe('2025-07-01T01:05:00.000Z');
    expect(iso(parseInstant(1751331900123, NY))).toBe('2025-07-01T01:05:00.123Z');
    expect(iso(parseInstant(1751331900.5, NY))).toBe('2025-07-01T01:05:00.500Z');
  });

  it('reads YYYYMMDD', () => {
    expect(iso(parseInstant('20260701', SH))).toBe('2026-06-30T16:00:00.000Z');
    expect(parseDate('20260701', SH)).toBe('2026-07-01');
    expect(problem(parseInstant('20261301', SH)).message).toBe('no such calendar date');
  });

  it('other numbers are not dates', () => {
    for (const value of ['12', '19999', '80000', '123456', '2026', '12.5', '-45839']) {
      const p = problem(parseInstant(value, SH));
      expect(p.message).toMatch(/not a date|not a recognised date/);
    }
    const p = problem(parseInstant('123456', SH));
    expect(p.message).toBe('a number that is not a date');
    expect(p.hint).toMatch(/Excel serials \(20000–80000/);
    expect(p.hint).toMatch(/unix seconds \(10 digits\)/);
    expect(problem(parseInstant(0.5, SH)).message).toMatch(/time of day without a date/);
    expect(problem(parseInstant(-1, SH)).message).toBe('a number that is not a date');
    expect(problem(parseInstant(Number.NaN, SH)).message).toBe('a number that is not a date');
    expect(problem(parseInstant(5_000_000, SH)).message).toBe('a number that is not a date');
  });
});

describe('parseInstant: Date objects from spreadsheet readers', () => {
  it('takes their UTC fields as the wall-clock time in the zone', () => {
    const cell = new Date(Date.UTC(2026, 6, 1, 9, 5, 0)); // the sheet shows 2026-07-01 09:05:00
    expect(iso(parseInstant(cell, SH))).toBe('2026-07-01T01:05:00.000Z');
    expect(iso(parseInstant(cell, NY))).toBe('2026-07-01T13:05:00.000Z');
    expect(iso(parseInstant(cell, UTC))).toBe('2026-07-01T09:05:00.000Z');
    expect(parseDate(cell, NY)).toBe('2026-07-01');
  });

  it('an invalid Date is a problem', () => {
    const p = problem(parseInstant(new Date(Number.NaN), SH));
    expect(p.message).toMatch(/invalid date/);
  });
});

describe('parseInstant: missing and invalid', () => {
  it.each(['', '  ', 'N/A', '-', '—', 'null', '=""', '0000-00-00', '0000-00-00 00:00:00'])('%j → null', (text) => {
    expect(parseInstant(text, SH)).toBeNull();
    expect(parseDate(text, SH)).toBeNull();
  });

  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31 10:00', '2026/2/30', '31/02/2026', '2026年2月30日'])(
    '%j is not a real date',
    (text) => {
      const p = problem(parseInstant(text, SH));
      expect(p.message).toBe('no such calendar date');
      expect(p.hint).toMatch(/2026-02-30 does not exist/);
      expect(p.hint).toMatch(/accepted: 2026-07-01 09:05:00/);
      expect(p.value).toBe(text);
    },
  );

  it.each(['2026-07-01 25:00', '2026-07-01 24:00:00', '2026-07-01 23:60', '2026-07-01 23:59:60', '2026/7/1 13:05 PM', '2026/7/1 0:05 AM'])(
    '%j has an impossible time',
    (text) => {
      const p = problem(parseInstant(text, SH));
      expect(p.message).toBe('impossible time of day');
      expect(p.hint).toMatch(/hours are 0–23/);
      expect(p.hint).toMatch(/2026\/7\/1 9:05/);
    },
  );

  it.each(['yesterday', 'July 1, 2026', '2026-07', '2026-07-01 09', '2026-07-01T', '2026-07-01 09:5', '2026-07-01 09:05:00 XYZ', '2026--07-01', '1/2/3/2026'])(
    '%j is not a recognised date/time',
    (text) => {
      const p = problem(parseInstant(text, SH));
      expect(p.message).toBe('not a recognised date/time');
      expect(p.hint).toMatch(/2026年7月1日 09:05/);
      expect(p.hint).toMatch(/dateOrder/);
      expect(p.hint).toMatch(/Excel serial/);
    },
  );

  it('an impossible offset is a problem', () => {
    expect(problem(parseInstant('2026-07-01T09:05:00+25:00', SH)).message).toBe('impossible UTC offset');
  });

  it('an unknown time zone throws (a configuration error, not a cell problem)', () => {
    expect(() => parseInstant('2026-07-01 09:05:00', { timeZone: 'Mars/Base' })).toThrow(RangeError);
  });
});

describe('parseDate', () => {
  it("keeps a naive value's own calendar day", () => {
    expect(parseDate('2026-07-01', SH)).toBe('2026-07-01');
    expect(parseDate('2026-07-01 23:30:00', SH)).toBe('2026-07-01');
    expect(parseDate('2026-07-01 23:30:00', NY)).toBe('2026-07-01');
    expect(parseDate('2026/7/1', SH)).toBe('2026-07-01');
    expect(parseDate('2026年7月1日', SH)).toBe('2026-07-01');
    expect(parseDate('2026.07.01', SH)).toBe('2026-07-01');
    expect(parseDate('07/01/2026', MDY)).toBe('2026-07-01');
    expect(parseDate('07/01/2026', DMY)).toBe('2026-01-07');
    expect(parseDate(45839, SH)).toBe('2025-07-01');
    expect(parseDate(45839.99, SH)).toBe('2025-07-01');
    expect(parseDate('45839', SH)).toBe('2025-07-01');
  });

  it('converts values that name an instant to their day in the zone', () => {
    expect(parseDate('2026-07-01T20:00:00Z', SH)).toBe('2026-07-02');
    expect(parseDate('2026-07-01T20:00:00Z', NY)).toBe('2026-07-01');
    expect(parseDate('2026-07-01T02:00:00Z', NY)).toBe('2026-06-30');
    expect(parseDate('1751299200', SH)).toBe('2025-07-01'); // 2025-06-30T16:00:00Z
    expect(parseDate('1751299200', UTC)).toBe('2025-06-30');
    expect(parseDate(1751299200000, SH)).toBe('2025-07-01');
  });

  it('still validates the time part', () => {
    expect(problem(parseDate('2026-07-01 25:00', SH)).message).toBe('impossible time of day');
    expect(problem(parseDate('07/01/2026', SH)).message).toMatch(/ambiguous/);
  });
});

describe('inferDateOrder', () => {
  it('finds DMY from a first number above 12', () => {
    expect(inferDateOrder(['02/03/2026', '13/01/2026 09:05', '04/05/2026'])).toBe('DMY');
    expect(inferDateOrder(['13.01.2026'])).toBe('DMY');
  });

  it('finds MDY from a second number above 12', () => {
    expect(inferDateOrder(['02/03/2026', '1/13/2026 9:05 PM'])).toBe('MDY');
  });

  it('is ambiguous when every slash date has both numbers ≤ 12', () => {
    expect(inferDateOrder(['02/03/2026', '04/05/2026', '', 'N/A'])).toBe('ambiguous');
  });

  it('is ambiguous when samples contradict each other', () => {
    expect(inferDateOrder(['13/01/2026', '01/13/2026'])).toBe('ambiguous');
  });

  it('is unambiguous for Y-first dates, numbers, empty columns, and dates that read the same both ways', () => {
    expect(inferDateOrder(['2026-07-01 09:05:00', '2026/7/2', '2026年7月3日', '45839'])).toBe('unambiguous');
    expect(inferDateOrder([])).toBe('unambiguous');
    expect(inferDateOrder(['', 'N/A'])).toBe('unambiguous');
    expect(inferDateOrder(['05/05/2026', '12/12/2026'])).toBe('unambiguous');
  });

  it('accepts any iterable', () => {
    function* gen(): Generator<string> {
      yield '02/03/2026';
      yield '25/03/2026';
    }
    expect(inferDateOrder(gen())).toBe('DMY');
    expect(inferDateOrder(new Set(['01/31/2026']))).toBe('MDY');
  });
});

describe('hot paths allocate nothing on success', () => {
  it('returns primitives (numbers) for timestamps and amounts', () => {
    expect(typeof parseInstant('2026-07-01 09:05:00', SH)).toBe('number');
    expect(typeof parseMoneyMinor('1,234.50', 'major')).toBe('number');
  });
});
