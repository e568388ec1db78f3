// Cell values from platform exports → canonical values. Pure (no I/O, no clock) and strict:
// a cell either becomes a value, `null` (missing), or a ValueProblem saying what is wrong and
// how to fix it. Nothing is guessed.
//
// Hot paths (plain timestamps, plain amounts) are hand-written scanners over char codes that
// allocate nothing on success; anything unusual (currency signs, full-width digits, Excel's
// ="…" wrapper, parentheses) takes a slower, regex-based path that normalises the text and
// then runs the same strict core.
import { dayString, daysFromCivil, daysInMonth, epochToLocalDate, localMsToEpoch } from '../time/zone.js';

/**
 * Why a cell could not be read. `message` is the same for every cell with the same kind of
 * problem (so floods group well); `value` is the offending cell text, for display.
 */
export class ValueProblem {
  constructor(
    readonly message: string,
    readonly hint: string,
    readonly value?: string,
  ) {}
}

export type Parsed<T> = T | null | ValueProblem;

export type DateOrder = 'DMY' | 'MDY';

export interface InstantContext {
  timeZone: string;
  dateOrder?: DateOrder;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Text

/** The characters String.prototype.trim removes, plus the zero-width space. */
function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Trim bounds of the last `trimBounds` call (module scratch: no allocation).
let tStart = 0;
let tEnd = 0;

/** Sets tStart/tEnd to the trimmed range of `text`; returns whether it is non-empty. */
function trimBounds(text: string): boolean {
  let i = 0;
  let end = text.length;
  while (i < end && isWs(text.charCodeAt(i))) i++;
  while (end > i && isWs(text.charCodeAt(end - 1))) end--;
  tStart = i;
  tEnd = end;
  return i < end;
}

function trim(text: string): string {
  if (!trimBounds(text)) return '';
  return tStart === 0 && tEnd === text.length ? text : text.slice(tStart, tEnd);
}

/** Already trimmed, already unwrapped: is it one of the spellings of "no value"? */
function isMissingToken(s: string): boolean {
  if (s.length === 0) return true;
  if (s.length > 4) return false;
  // Every token starts with n, #, or a dash: most cells are ruled out without lowercasing.
  const c = s.charCodeAt(0);
  if ((c | 32) !== 110 /* n */ && c !== 35 /* # */ && c !== 45 /* - */ && c < 128) return false;
  switch (s.toLowerCase()) {
    case 'na':
    case 'n/a':
    case '#n/a':
    case 'null':
    case '-':
    case '--':
    case '—':
    case '——':
    case '–':
    case '－':
      return true;
    default:
      return false;
  }
}

/** Empty, whitespace, or a placeholder such as NA, N/A, null, -, --, —, #N/A (also inside ="…"). */
export function isMissing(text: string): boolean {
  return cleanText(text) === null;
}

/**
 * Trims (incl. NBSP and the full-width space), unwraps Excel's `="…"` text wrapper, and returns
 * null for a missing cell.
 */
export function cleanText(text: string): string | null {
  let s = trim(text);
  if (s.length >= 3 && s.charCodeAt(0) === 61 /* = */ && s.charCodeAt(1) === 34 /* " */ && s.charCodeAt(s.length - 1) === 34) {
    s = trim(s.slice(2, -1).replaceAll('""', '"'));
  }
  return isMissingToken(s) ? null : s;
}

/** Full-width ASCII (U+FF01–FF5E) → ASCII, ￥ → ¥, minus signs → '-', ideographic full stop kept. */
function toHalfWidth(s: string): string {
  let needs = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0xffe5 || c === 0x2212) {
      needs = true;
      break;
    }
  }
  if (!needs) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xffe5) out += '¥';
    else if (c === 0x2212) out += '-';
    else out += s[i];
  }
  return out;
}

/** cleanText + full-width → ASCII + a leading apostrophe (Excel's "this is text" mark) removed. */
function normalizeCell(text: string): string | null {
  let s = cleanText(text);
  if (s === null) return null;
  s = toHalfWidth(s);
  if (s.charCodeAt(0) === 39 /* ' */) {
    s = trim(s.slice(1));
    if (isMissingToken(s)) return null;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Identifiers

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;

/**
 * An identifier, kept byte-exact (19-digit ids never pass through a float). Unwraps ="0012345",
 * strips a leading apostrophe. A value like 4.10294E+18 is a problem: its digits are gone.
 */
export function parseId(text: string): Parsed<string> {
  let s = cleanText(text);
  if (s === null) return null;
  if (s.charCodeAt(0) === 39 /* ' */) {
    s = trim(s.slice(1));
    if (isMissingToken(s)) return null;
  }
  if ((s.includes('e') || s.includes('E')) && SCIENTIFIC.test(s)) {
    return new ValueProblem(
      'the id was stored as a number and lost its digits',
      'format the column as text before exporting, or export CSV directly from the platform',
      s,
    );
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Numbers: one strict scanner for `[+-]digits[,ddd…][.digits]`

const SCAN_OK = 0;
/** Something other than the plain grammar: take the slow path (or fail there). */
const SCAN_NOT_SIMPLE = 1;
/** ',' not followed by exactly three digits, or a group before it longer than three. */
const SCAN_BAD_COMMA = 2;
/** More than 15 significant integer digits. */
const SCAN_TOO_LONG = 3;

// Results of the last scanNumber call.
let nNeg = false;
let nInt = 0;
let nFracStart = 0;
let nFracEnd = 0;

function scanNumber(s: string, start: number, end: number): number {
  let i = start;
  let c = s.charCodeAt(i);
  nNeg = false;
  if (c === 45 /* - */) {
    nNeg = true;
    i++;
  } else if (c === 43 /* + */) {
    i++;
  }
  let v = 0;
  let digits = 0;
  let significant = 0;
  let group = -1; // digits since the last ',' (-1: no ',' yet)
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      v = v * 10 + d;
      digits++;
      if (significant > 0 || d !== 0) significant++;
      if (group >= 0) group++;
    } else if (c === 44 /* , */) {
      if (digits === 0 || (group < 0 ? digits > 3 : group !== 3)) return SCAN_BAD_COMMA;
      group = 0;
    } else {
      break;
    }
  }
  if (group >= 0 && group !== 3) return SCAN_BAD_COMMA;
  if (significant > 15) return SCAN_TOO_LONG;
  nInt = v;
  if (i < end) {
    if (c !== 46 /* . */) return SCAN_NOT_SIMPLE;
    const fs = ++i;
    for (; i < end; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) return c === 44 ? SCAN_BAD_COMMA : SCAN_NOT_SIMPLE;
    }
    if (fs === end) return SCAN_NOT_SIMPLE; // '12.'
    nFracStart = fs;
    nFracEnd = end;
  } else {
    if (digits === 0) return SCAN_NOT_SIMPLE;
    nFracStart = end;
    nFracEnd = end;
  }
  return SCAN_OK;
}

const AMOUNT_SHAPES = 'write amounts like 1234.50, ¥1,234.50, $1,234.50, 12.3元, CNY 12.30, -12.30 or (12.30)';

function amountProblem(code: number, value: string): ValueProblem {
  switch (code) {
    case SCAN_BAD_COMMA:
      return new ValueProblem(
        "',' is not a thousands separator here (decimal comma?)",
        "amounts need '.' as the decimal point and ',' only between groups of three digits (1,234.50); change the number format of the export",
        value,
      );
    case SCAN_TOO_LONG:
      return new ValueProblem('the amount is too large', 'amounts are limited to 13 digits before the decimal point; check that this column holds an amount', value);
    default:
      if (/\d,\d/.test(value)) return amountProblem(SCAN_BAD_COMMA, value);
      if (/^[^\d]*[+-]?\d+(?:\.\d+)?[eE][+-]?\d+/.test(value)) {
        return new ValueProblem('the amount is in scientific notation', 'format the column as a number with two decimals before exporting', value);
      }
      return new ValueProblem('not an amount', `${AMOUNT_SHAPES}; check that this column holds an amount`, value);
  }
}

const MAX_MAJOR_INT = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** Minor units from the last successful scan. */
function moneyFromScan(s: string, amountsIn: 'major' | 'minor', negate: boolean, value: string): Parsed<number> {
  let minor: number;
  if (amountsIn === 'major') {
    if (nInt > MAX_MAJOR_INT) return amountProblem(SCAN_TOO_LONG, trim(value));
    const fs = nFracStart;
    const fe = nFracEnd;
    const f1 = fs < fe ? s.charCodeAt(fs) - 48 : 0;
    const f2 = fs + 1 < fe ? s.charCodeAt(fs + 1) - 48 : 0;
    // Round half away from zero on the third decimal (the sign is applied afterwards).
    const up = fs + 2 < fe && s.charCodeAt(fs + 2) >= 53 ? 1 : 0;
    minor = nInt * 100 + f1 * 10 + f2 + up;
  } else {
    for (let i = nFracStart; i < nFracEnd; i++) {
      if (s.charCodeAt(i) !== 48) {
        return new ValueProblem(
          'a fraction of a minor unit (amounts are set to minor units: 分/cents)',
          'this source has amountsIn: minor, so amounts must be whole numbers; if they are in 元/dollars set amountsIn: major',
          trim(value),
        );
      }
    }
    minor = nInt;
  }
  return (nNeg !== negate) && minor !== 0 ? -minor : minor;
}

const CURRENCY =
  '(?:[A-Za-z]{1,2}\\$|\\$|¥|€|£|₩|₹|₽|฿|₫|₱|元|圆|块|円|人民币|' +
  'CNY|RMB|USD|HKD|TWD|MOP|EUR|GBP|JPY|KRW|SGD|AUD|CAD|NZD|MYR|THB|INR|CHF|RUB|VND|PHP|IDR|MXN|BRL|AED|SAR)';
const MONEY_RE = new RegExp(`^([+-])?\\s*(?:${CURRENCY}\\s*)?([+-])?\\s*([0-9][0-9.,]*|\\.[0-9]+)\\s*(?:${CURRENCY})?$`, 'i');

function parseMoneySlow(text: string, amountsIn: 'major' | 'minor'): Parsed<number> {
  let s = normalizeCell(text);
  if (s === null) return null;
  const value = s;
  let neg = false;
  const last = s.charCodeAt(s.length - 1);
  if (s.charCodeAt(0) === 40 /* ( */ && last === 41 /* ) */) {
    neg = true;
    s = trim(s.slice(1, -1));
  }
  const m = MONEY_RE.exec(s);
  if (m === null) return amountProblem(SCAN_NOT_SIMPLE, value);
  const signs = (m[1] === '-' ? 1 : 0) + (m[2] === '-' ? 1 : 0) + (neg ? 1 : 0);
  if ((m[1] !== undefined && m[2] !== undefined) || signs > 1) {
    return new ValueProblem('the amount has more than one sign', AMOUNT_SHAPES, value);
  }
  const num = m[3]!;
  const code = scanNumber(num, 0, num.length);
  if (code !== SCAN_OK) return amountProblem(code, value);
  return moneyFromScan(num, amountsIn, signs === 1, value);
}

/**
 * A money amount in integer minor units (分/cents). `major`: the text is in 元/dollars and is
 * rounded half away from zero to whole minor units by decimal-string arithmetic (0.285 → 29,
 * 1.005 → 101); `minor`: the text already is in minor units and must be whole.
 * Accepts currency signs and codes (¥ ￥ $ US$ 元 CNY …, ignored: conversion is the caller's
 * business), ',' thousands separators (only before exactly three digits), -12.30 and (12.30)
 * negatives, full-width digits.
 */
export function parseMoneyMinor(text: string, amountsIn: 'major' | 'minor'): Parsed<number> {
  if (!trimBounds(text)) return null;
  let start = tStart;
  let end = tEnd;
  // Fast path: a plain number, optionally in parentheses, with a leading ¥ ￥ $ or a trailing 元.
  let c0 = text.charCodeAt(start);
  let negate = false;
  if (c0 === 40 /* ( */ && text.charCodeAt(end - 1) === 41 /* ) */) {
    negate = true;
    c0 = text.charCodeAt(++start);
    end--;
  }
  if (c0 === 0xa5 || c0 === 0xffe5 || c0 === 36) c0 = text.charCodeAt(++start);
  if (text.charCodeAt(end - 1) === 0x5143 /* 元 */) end--;
  if (start < end && (isDigit(c0) || (c0 === 45 && !negate && start + 1 < end && isDigit(text.charCodeAt(start + 1))))) {
    const code = scanNumber(text, start, end);
    if (code === SCAN_OK) return moneyFromScan(text, amountsIn, negate, text);
    if (code !== SCAN_NOT_SIMPLE) return amountProblem(code, trim(text));
  }
  return parseMoneySlow(text, amountsIn);
}

/** Currencies a sign or code written in an amount names; a bare `$` or `¥` names several. */
const WRITTEN_CURRENCY: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/US\$|USD/i, ['USD']],
  [/HK\$|HKD/i, ['HKD']],
  [/NT\$|TWD/i, ['TWD']],
  [/S\$|SGD/i, ['SGD']],
  [/A\$|AUD/i, ['AUD']],
  [/C\$|CAD/i, ['CAD']],
  [/€|EUR/i, ['EUR']],
  [/£|GBP/i, ['GBP']],
  [/₩|KRW/i, ['KRW']],
  [/₹|INR/i, ['INR']],
  [/円|JPY/i, ['JPY']],
  [/RMB|CNY|人民币|￥/i, ['CNY']],
  [/¥/, ['CNY', 'JPY']],
  [/元|圆|块/, ['CNY', 'TWD', 'HKD', 'MOP']],
];

/**
 * The currencies an amount's own sign or code could mean (`€12` → EUR, `¥100` → CNY or JPY),
 * or undefined when it names none or only a bare `$`. A source's amounts are taken in the
 * source's currency, so a cell that says otherwise must not be read as if it did not.
 */
export function writtenCurrencies(text: string): readonly string[] | undefined {
  for (const [re, codes] of WRITTEN_CURRENCY) if (re.test(text)) return codes;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Quantities and booleans

const QUANTITY_RE = /^([+-])?([0-9][0-9.,]*)$/;

function quantityFromScan(s: string, negate: boolean, value: string): Parsed<number> {
  for (let i = nFracStart; i < nFracEnd; i++) {
    if (s.charCodeAt(i) !== 48) {
      return new ValueProblem('not a whole number', 'quantities and counts are whole numbers (2 or 2.0, not 2.5); check that this column holds a quantity', trim(value));
    }
  }
  return (nNeg !== negate) && nInt !== 0 ? -nInt : nInt;
}

function quantityProblem(code: number, value: string): ValueProblem {
  if (code === SCAN_BAD_COMMA) {
    return new ValueProblem("',' is not a thousands separator here", "use ',' only between groups of three digits (1,200); change the number format of the export", value);
  }
  if (code === SCAN_TOO_LONG) return new ValueProblem('the number is too large', 'check that this column holds a quantity', value);
  return new ValueProblem('not a number', 'quantities and counts are whole numbers such as 3, -1 (a return) or 1,200; check that this column holds a quantity', value);
}

/** A whole number: negatives allowed (returns), '1,200', '2.0' → 2; '2.5' is a problem. */
export function parseQuantity(text: string): Parsed<number> {
  if (!trimBounds(text)) return null;
  const start = tStart;
  const end = tEnd;
  const c0 = text.charCodeAt(start);
  if (isDigit(c0) || (c0 === 45 && start + 1 < end && isDigit(text.charCodeAt(start + 1)))) {
    const code = scanNumber(text, start, end);
    if (code === SCAN_OK) return quantityFromScan(text, false, text);
    if (code !== SCAN_NOT_SIMPLE) return quantityProblem(code, text.slice(start, end));
  }
  let s = normalizeCell(text);
  if (s === null) return null;
  const value = s;
  let neg = false;
  if (s.charCodeAt(0) === 40 && s.charCodeAt(s.length - 1) === 41) {
    neg = true;
    s = trim(s.slice(1, -1));
  }
  const m = QUANTITY_RE.exec(s);
  if (m === null || (neg && m[1] !== undefined)) return quantityProblem(SCAN_NOT_SIMPLE, value);
  const num = m[2]!;
  const code = scanNumber(num, 0, num.length);
  if (code !== SCAN_OK) return quantityProblem(code, value);
  return quantityFromScan(num, neg || m[1] === '-', value);
}

/** true/false, yes/no, y/n, 1/0, 是/否 (any case). */
export function parseBoolean(text: string): Parsed<boolean> {
  const s = normalizeCell(text);
  if (s === null) return null;
  switch (s.toLowerCase()) {
    case 'true':
    case 'yes':
    case 'y':
    case '1':
    case '是':
      return true;
    case 'false':
    case 'no':
    case 'n':
    case '0':
    case '否':
      return false;
    default:
      return new ValueProblem('not a yes/no value', 'use true/false, yes/no, y/n, 1/0 or 是/否', s);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and instants

const D_OK = 0;
const D_NOT_DATE = 1;
const D_NUMERIC = 2;
const D_AMBIGUOUS = 3;
const D_BAD_DATE = 4;
const D_BAD_TIME = 5;
const D_ORDER_MISMATCH = 6;
const D_TWO_DIGIT_YEAR = 7;
const D_BAD_OFFSET = 8;

// Results of the last scanDate call.
let dY = 0;
let dMo = 0;
let dD = 0;
/** Milliseconds since local midnight. */
let dTime = 0;
/** Explicit UTC offset in minutes, NaN when the value is a naive wall time. */
let dOffset = NaN;
/** For D_ORDER_MISMATCH: the order that was set. */
let dOrderSet: DateOrder = 'DMY';

function digitsTo(s: string, p: number, end: number): boolean {
  for (; p < end; p++) if (!isDigit(s.charCodeAt(p))) return false;
  return true;
}

/**
 * Scans a date or date-time in s[start, end). Y-first (`-` `/` `.` or 年月日) or A/B/YYYY
 * (`/` `.` `-`), then optionally `T` or spaces and H:MM[:SS[.fff]], AM/PM, and an offset
 * (Z, ±HH, ±HH:MM, ±HHMM, optionally after UTC/GMT). Returns a D_* code.
 */
function scanDate(s: string, start: number, end: number, order: DateOrder | undefined): number {
  let p = start;
  let c = 0;
  let a = 0;
  let la = 0;
  while (p < end) {
    c = s.charCodeAt(p);
    if (c < 48 || c > 57) break;
    a = a * 10 + (c - 48);
    la++;
    p++;
  }
  if (la === 0) return D_NOT_DATE;
  if (p === end) return D_NUMERIC;
  if (c === 46 /* . */ && la !== 4 && la > 2) return digitsTo(s, p + 1, end) && p + 1 < end ? D_NUMERIC : D_NOT_DATE;
  if (c === 46 && p + 1 < end && digitsTo(s, p + 1, end)) return D_NUMERIC; // 12.5, 2026.5
  const sep = c;
  let cjk = false;
  let y: number;
  let mo: number;
  let d: number;

  // Second number.
  p++;
  let b = 0;
  let lb = 0;
  while (p < end && lb < 3) {
    c = s.charCodeAt(p);
    if (c < 48 || c > 57) break;
    b = b * 10 + (c - 48);
    lb++;
    p++;
  }
  if (lb === 0 || lb > 2 || p >= end) return D_NOT_DATE;
  c = s.charCodeAt(p);

  if (la === 4) {
    if (sep === 0x5e74 /* 年 */) {
      cjk = true;
      if (c !== 0x6708 /* 月 */) return D_NOT_DATE;
    } else if (sep !== 45 && sep !== 47 && sep !== 46) {
      return D_NOT_DATE;
    } else if (c !== sep) {
      return D_NOT_DATE;
    }
    p++;
    let e = 0;
    let le = 0;
    while (p < end && le < 3) {
      c = s.charCodeAt(p);
      if (c < 48 || c > 57) break;
      e = e * 10 + (c - 48);
      le++;
      p++;
    }
    if (le === 0 || le > 2) return D_NOT_DATE;
    if (cjk && p < end) {
      c = s.charCodeAt(p);
      if (c === 0x65e5 /* 日 */ || c === 0x53f7 /* 号 */) p++;
    }
    y = a;
    mo = b;
    d = e;
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return D_BAD_DATE;
  } else if (la <= 2) {
    if ((sep !== 47 && sep !== 46 && sep !== 45) || c !== sep) return D_NOT_DATE;
    p++;
    let e = 0;
    let le = 0;
    while (p < end && le < 5) {
      c = s.charCodeAt(p);
      if (c < 48 || c > 57) break;
      e = e * 10 + (c - 48);
      le++;
      p++;
    }
    if (le === 2) return D_TWO_DIGIT_YEAR;
    if (le !== 4) return D_NOT_DATE;
    y = e;
    if (order === 'DMY') {
      d = a;
      mo = b;
    } else if (order === 'MDY') {
      mo = a;
      d = b;
    } else if (a === b || (a > 12 && b <= 12)) {
      d = a;
      mo = b;
    } else if (b > 12 && a <= 12) {
      mo = a;
      d = b;
    } else if (a <= 12 && b <= 12) {
      return D_AMBIGUOUS;
    } else {
      return D_BAD_DATE;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
      if (order !== undefined && mo > 12 && d >= 1 && d <= 12 && mo <= daysInMonth(y, d)) {
        dOrderSet = order;
        return D_ORDER_MISMATCH;
      }
      return D_BAD_DATE;
    }
  } else {
    return D_NOT_DATE;
  }
  dY = y;
  dMo = mo;
  dD = d;
  dTime = 0;
  dOffset = NaN;
  if (p === end) return D_OK;

  // Time of day.
  c = s.charCodeAt(p);
  if (c === 84 /* T */ || c === 116) {
    p++;
  } else if (isWs(c)) {
    while (p < end && isWs(s.charCodeAt(p))) p++;
  } else if (!cjk) {
    return D_NOT_DATE;
  }
  let h = 0;
  let lh = 0;
  while (p < end && lh < 3) {
    c = s.charCodeAt(p);
    if (c < 48 || c > 57) break;
    h = h * 10 + (c - 48);
    lh++;
    p++;
  }
  if (lh === 0 || lh > 2 || p + 2 >= end || s.charCodeAt(p) !== 58 /* : */) return D_NOT_DATE;
  let c1 = s.charCodeAt(p + 1) - 48;
  let c2 = s.charCodeAt(p + 2) - 48;
  if (c1 < 0 || c1 > 9 || c2 < 0 || c2 > 9) return D_NOT_DATE;
  const mi = c1 * 10 + c2;
  p += 3;
  let sec = 0;
  let ms = 0;
  if (p < end && s.charCodeAt(p) === 58) {
    if (p + 2 >= end) return D_NOT_DATE;
    c1 = s.charCodeAt(p + 1) - 48;
    c2 = s.charCodeAt(p + 2) - 48;
    if (!(c1 >= 0 && c1 <= 9 && c2 >= 0 && c2 <= 9)) return D_NOT_DATE;
    sec = c1 * 10 + c2;
    p += 3;
    if (p < end && (s.charCodeAt(p) === 46 || s.charCodeAt(p) === 44)) {
      p++;
      let lf = 0;
      let scale = 100;
      while (p < end) {
        c = s.charCodeAt(p);
        if (c < 48 || c > 57) break;
        if (scale >= 1) ms += (c - 48) * scale;
        scale /= 10;
        lf++;
        p++;
      }
      if (lf === 0 || lf > 9) return D_NOT_DATE;
    }
  }
  // Optional AM/PM.
  let q = p;
  while (q < end && isWs(s.charCodeAt(q))) q++;
  let meridiem = 0; // 1 am, 2 pm
  if (q < end) {
    c = s.charCodeAt(q) | 0x20;
    if (c === 97 /* a */ || c === 112 /* p */) {
      let r = q + 1;
      if (r < end && s.charCodeAt(r) === 46) r++;
      if (r < end && (s.charCodeAt(r) | 0x20) === 109 /* m */) {
        meridiem = c === 97 ? 1 : 2;
        r++;
        if (r < end && s.charCodeAt(r) === 46) r++;
        p = r;
      }
    }
  }
  if (meridiem !== 0) {
    if (h < 1 || h > 12) return D_BAD_TIME;
    h = (h % 12) + (meridiem === 2 ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 59) return D_BAD_TIME;
  dTime = h * HOUR + mi * MINUTE + sec * SECOND + ms;
  if (p === end) return D_OK;

  // Offset.
  q = p;
  while (q < end && isWs(s.charCodeAt(q))) q++;
  if (q === end) return D_OK;
  c = s.charCodeAt(q);
  let named = false;
  if ((c | 0x20) === 117 /* u */ || (c | 0x20) === 103 /* g */) {
    const word = s.slice(q, q + 3).toUpperCase();
    if (word !== 'UTC' && word !== 'GMT') return D_NOT_DATE;
    named = true;
    q += 3;
    if (q === end) {
      dOffset = 0;
      return D_OK;
    }
    c = s.charCodeAt(q);
  }
  if ((c === 90 || c === 122) /* Z */ && !named) {
    if (q + 1 !== end) return D_NOT_DATE;
    dOffset = 0;
    return D_OK;
  }
  if (c !== 43 && c !== 45) return D_NOT_DATE;
  const sign = c === 45 ? -1 : 1;
  q++;
  let oh = 0;
  let lo = 0;
  while (q < end && lo < 5) {
    c = s.charCodeAt(q);
    if (c < 48 || c > 57) break;
    oh = oh * 10 + (c - 48);
    lo++;
    q++;
  }
  let om = 0;
  if (lo === 4) {
    om = oh % 100;
    oh = Math.floor(oh / 100);
  } else if (lo === 1 || lo === 2) {
    if (q < end && s.charCodeAt(q) === 58) {
      if (q + 3 !== end || !digitsTo(s, q + 1, end)) return D_NOT_DATE;
      om = (s.charCodeAt(q + 1) - 48) * 10 + (s.charCodeAt(q + 2) - 48);
      q += 3;
    }
  } else {
    return D_NOT_DATE;
  }
  if (q !== end) return D_NOT_DATE;
  if (oh > 18 || om > 59) return D_BAD_OFFSET;
  dOffset = sign * (oh * 60 + om);
  return D_OK;
}

/**
 * The commonest shapes at fixed positions — `YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS`
 * (space or T) — without an offset. Sets the scan results and returns true, or returns false and
 * leaves the value to the general scanner (which also words the problems).
 */
function scanIsoFast(s: string, i: number, end: number): boolean {
  const len = end - i;
  if ((len !== 19 && len !== 10 && len !== 16) || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return false;
  const y0 = s.charCodeAt(i) - 48;
  const y1 = s.charCodeAt(i + 1) - 48;
  const y2 = s.charCodeAt(i + 2) - 48;
  const y3 = s.charCodeAt(i + 3) - 48;
  const m0 = s.charCodeAt(i + 5) - 48;
  const m1 = s.charCodeAt(i + 6) - 48;
  const d0 = s.charCodeAt(i + 8) - 48;
  const d1 = s.charCodeAt(i + 9) - 48;
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) {
    return false;
  }
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const mo = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
  let time = 0;
  if (len > 10) {
    const sep = s.charCodeAt(i + 10);
    if ((sep !== 32 && sep !== 84) || s.charCodeAt(i + 13) !== 58) return false;
    const h0 = s.charCodeAt(i + 11) - 48;
    const h1 = s.charCodeAt(i + 12) - 48;
    const n0 = s.charCodeAt(i + 14) - 48;
    const n1 = s.charCodeAt(i + 15) - 48;
    if ((h0 >>> 0) > 2 || (h1 >>> 0) > 9 || (n0 >>> 0) > 5 || (n1 >>> 0) > 9) return false;
    const h = h0 * 10 + h1;
    if (h > 23) return false;
    time = h * HOUR + (n0 * 10 + n1) * MINUTE;
    if (len === 19) {
      if (s.charCodeAt(i + 16) !== 58) return false;
      const s0 = s.charCodeAt(i + 17) - 48;
      const s1 = s.charCodeAt(i + 18) - 48;
      if ((s0 >>> 0) > 5 || (s1 >>> 0) > 9) return false;
      time += (s0 * 10 + s1) * SECOND;
    }
  }
  dY = y;
  dMo = mo;
  dD = d;
  dTime = time;
  dOffset = NaN;
  return true;
}

const DATE_SHAPES =
  'accepted: 2026-07-01 09:05:00, 2026-07-01, 2026/7/1 9:05, 2026.07.01, 2026年7月1日 09:05, ' +
  '2026-07-01T09:05:00.123+08:00 (or Z), 07/01/2026 9:05 PM (with dateOrder), Excel serial numbers, ' +
  'unix seconds (10 digits) or milliseconds (13 digits)';

function dateProblem(code: number, value: string): ValueProblem {
  switch (code) {
    case D_AMBIGUOUS:
      return new ValueProblem(
        'the date is ambiguous: it could be day-first or month-first',
        'set dateOrder: DMY (day/month/year) or dateOrder: MDY (month/day/year) on this source in ecom-report.yaml',
        value,
      );
    case D_BAD_DATE:
      return new ValueProblem('no such calendar date', `check the day and month (2026-02-30 does not exist); ${DATE_SHAPES}`, value);
    case D_BAD_TIME:
      return new ValueProblem('impossible time of day', `hours are 0–23 (1–12 with AM/PM), minutes and seconds 0–59; ${DATE_SHAPES}`, value);
    case D_ORDER_MISMATCH:
      return new ValueProblem(
        `the date does not fit dateOrder: ${dOrderSet} (its month would be above 12)`,
        `this source sets dateOrder: ${dOrderSet}; if its dates are ${dOrderSet === 'DMY' ? 'month-first use MDY' : 'day-first use DMY'}`,
        value,
      );
    case D_TWO_DIGIT_YEAR:
      return new ValueProblem('the year has only two digits', `export dates with four-digit years (2026, not 26); ${DATE_SHAPES}`, value);
    case D_BAD_OFFSET:
      return new ValueProblem('impossible UTC offset', `offsets look like Z, +08:00, +0800 or -05:00; ${DATE_SHAPES}`, value);
    case D_NUMERIC:
      return new ValueProblem(
        'a number that is not a date',
        'numbers are read as dates only as Excel serials (20000–80000, e.g. 45839 = 2025-07-01), unix seconds (10 digits), unix milliseconds (13 digits) or YYYYMMDD; check that this column holds dates',
        value,
      );
    default:
      return new ValueProblem('not a recognised date/time', `${DATE_SHAPES}; check that this column holds dates`, value);
  }
}

const EXCEL_EPOCH_DAY = -25569; // 1899-12-30, Excel's serial 0 for serials ≥ 61
const EXCEL_MAX = 2958466; // 10000-01-01

/**
 * Wall-clock local ms of an Excel (1900 date system) serial, or a ValueProblem. Serials 1–59 are
 * 1900-01-01…1900-02-28, 60 is Excel's non-existent 1900-02-29, 61 is 1900-03-01.
 */
function excelSerialToLocal(serial: number, value: string): number | ValueProblem {
  if (!(serial >= 1 && serial < EXCEL_MAX)) {
    if (serial >= 0 && serial < 1) {
      return new ValueProblem('a time of day without a date', 'the cell holds only a time (an Excel serial below 1); map a column with full dates', value);
    }
    return dateProblem(D_NUMERIC, value);
  }
  let day = Math.floor(serial);
  let msOfDay = Math.round((serial - day) * DAY);
  if (msOfDay >= DAY) {
    day++;
    msOfDay -= DAY;
  }
  if (day === 60) {
    return new ValueProblem(
      "Excel serial 60 is 1900-02-29, a day that does not exist (Excel's 1900 leap-year bug)",
      'fix the date in the spreadsheet',
      value,
    );
  }
  return (day < 60 ? day + EXCEL_EPOCH_DAY + 1 : day + EXCEL_EPOCH_DAY) * DAY + msOfDay;
}

// What a numeric value stands for.
const N_INSTANT = 0; // nValue is epoch ms
const N_LOCAL = 1; // nValue is wall-clock local ms

let nKind = N_INSTANT;
let nValue = 0;

/** Reads a number type cell; sets nKind/nValue or returns a problem. */
function readNumber(n: number, value: string): ValueProblem | undefined {
  if (!Number.isFinite(n)) return dateProblem(D_NUMERIC, value);
  if (n >= 1e12 && n < 1e13) {
    nKind = N_INSTANT;
    nValue = Math.round(n);
    return undefined;
  }
  if (n >= 1e9 && n < 1e10) {
    nKind = N_INSTANT;
    nValue = Math.round(n * 1000);
    return undefined;
  }
  const local = excelSerialToLocal(n, value);
  if (local instanceof ValueProblem) return local;
  nKind = N_LOCAL;
  nValue = local;
  return undefined;
}

/** Reads a numeric string (digits with an optional fraction); sets nKind/nValue or returns a problem. */
function readNumericString(s: string): ValueProblem | undefined {
  const dot = s.indexOf('.');
  const intLen = dot < 0 ? s.length : dot;
  if (dot < 0 && intLen === 13) {
    nKind = N_INSTANT;
    nValue = Number(s);
    return undefined;
  }
  if (intLen === 10) {
    nKind = N_INSTANT;
    nValue = Math.round(Number(s) * 1000);
    return undefined;
  }
  if (dot < 0 && intLen === 8) {
    const y = Number(s.slice(0, 4));
    const mo = Number(s.slice(4, 6));
    const d = Number(s.slice(6, 8));
    if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return dateProblem(D_BAD_DATE, s);
    nKind = N_LOCAL;
    nValue = daysFromCivil(y, mo, d) * DAY;
    return undefined;
  }
  const n = Number(s);
  if (n >= 20000 && n < 80000) {
    const local = excelSerialToLocal(n, s);
    if (local instanceof ValueProblem) return local;
    nKind = N_LOCAL;
    nValue = local;
    return undefined;
  }
  return dateProblem(D_NUMERIC, s);
}

const ZERO_DATE = /^0000-00-00(?:[ T]00:00(?::00(?:\.0+)?)?)?$/;

/** Local ms of the last successful scanDate. */
function scannedLocal(): number {
  return daysFromCivil(dY, dMo, dD) * DAY + dTime;
}

/** Scans a string cell; D_OK (scan results set), D_NUMERIC (nKind/nValue set), or a problem; null when missing. */
function readDateString(text: string, order: DateOrder | undefined): number | ValueProblem | null {
  if (!trimBounds(text)) return null;
  const start = tStart;
  const end = tEnd;
  if (scanIsoFast(text, start, end)) return D_OK;
  let code = isDigit(text.charCodeAt(start)) ? scanDate(text, start, end, order) : D_NOT_DATE;
  let s = text;
  if (code === D_NOT_DATE) {
    // Slow path: placeholders, ="…", a leading apostrophe, full-width digits.
    const cleaned = normalizeCell(text);
    if (cleaned === null) return null;
    s = cleaned;
    code = s !== text.slice(start, end) ? scanDate(s, 0, s.length, order) : D_NOT_DATE;
    if (code === D_NOT_DATE) return dateProblem(code, s);
  }
  if (code === D_OK) return D_OK;
  const value = s === text ? text.slice(start, end) : s;
  if (code === D_BAD_DATE && ZERO_DATE.test(value)) return null; // MySQL's "no date"
  if (code === D_NUMERIC) {
    const problem = readNumericString(value);
    return problem ?? D_NUMERIC;
  }
  return dateProblem(code, value);
}

function describe(value: unknown): string {
  return value instanceof Date ? (Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()) : String(value);
}

/**
 * An instant (epoch ms). Naive wall-clock values are read in `ctx.timeZone`; an explicit offset
 * (Z, +08:00, +0800) wins over the zone. Numbers are Excel serials (1900 system), unix seconds
 * (10 digits) or milliseconds (13 digits); strings in 20000–80000 are Excel serials. `Date`
 * objects from spreadsheet readers carry the wall-clock time in their UTC fields.
 * Throws a RangeError for an unknown time zone (a configuration error, not a cell problem).
 */
export function parseInstant(value: string | number | Date, ctx: InstantContext): Parsed<number> {
  if (typeof value === 'string') {
    const r = readDateString(value, ctx.dateOrder);
    if (r === D_OK) {
      const local = scannedLocal();
      return dOffset === dOffset ? local - dOffset * MINUTE : localMsToEpoch(ctx.timeZone, local);
    }
    if (r === D_NUMERIC) return nKind === N_INSTANT ? nValue : localMsToEpoch(ctx.timeZone, nValue);
    return r as ValueProblem | null;
  }
  if (typeof value === 'number') {
    const problem = readNumber(value, describe(value));
    if (problem) return problem;
    return nKind === N_INSTANT ? nValue : localMsToEpoch(ctx.timeZone, nValue);
  }
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return new ValueProblem('an invalid date from the spreadsheet', 'check the cell in the workbook', 'Invalid Date');
    return localMsToEpoch(ctx.timeZone, t);
  }
  if (value === null || value === undefined) return null;
  return dateProblem(D_NOT_DATE, describe(value));
}

/**
 * A calendar day 'YYYY-MM-DD'. A naive value's own date is kept (its time, if any, is checked
 * and dropped); a value that names an instant (explicit offset, unix seconds/ms) is converted
 * to its day in `ctx.timeZone`.
 */
export function parseDate(value: string | number | Date, ctx: InstantContext): Parsed<string> {
  if (typeof value === 'string') {
    const r = readDateString(value, ctx.dateOrder);
    if (r === D_OK) {
      if (dOffset === dOffset) return epochToLocalDate(ctx.timeZone, scannedLocal() - dOffset * MINUTE);
      return dayString(daysFromCivil(dY, dMo, dD));
    }
    if (r === D_NUMERIC) return nKind === N_INSTANT ? epochToLocalDate(ctx.timeZone, nValue) : dayString(Math.floor(nValue / DAY));
    return r as ValueProblem | null;
  }
  if (typeof value === 'number') {
    const problem = readNumber(value, describe(value));
    if (problem) return problem;
    return nKind === N_INSTANT ? epochToLocalDate(ctx.timeZone, nValue) : dayString(Math.floor(nValue / DAY));
  }
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return new ValueProblem('an invalid date from the spreadsheet', 'check the cell in the workbook', 'Invalid Date');
    return dayString(Math.floor(t / DAY));
  }
  if (value === null || value === undefined) return null;
  return dateProblem(D_NOT_DATE, describe(value));
}

const FIRST_TWO = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}(?!\d)/;

/**
 * Looks at sample values of one column and decides whether slash/dot dates are DMY, MDY,
 * unambiguous (no such dates, or all Y-first, or only ones that read the same either way), or
 * ambiguous (every A/B/YYYY value has both numbers ≤ 12, or the samples contradict each other).
 */
export function inferDateOrder(samples: Iterable<string>): 'DMY' | 'MDY' | 'unambiguous' | 'ambiguous' {
  let dmy = false;
  let mdy = false;
  let undecided = false;
  for (const sample of samples) {
    if (typeof sample !== 'string') continue;
    const s = normalizeCell(sample);
    if (s === null) continue;
    const m = FIRST_TWO.exec(s);
    if (m === null) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
    else if (a <= 12 && b <= 12 && a !== b) undecided = true;
  }
  if (dmy && mdy) return 'ambiguous';
  if (dmy) return 'DMY';
  if (mdy) return 'MDY';
  return undecided ? 'ambiguous' : 'unambiguous';
}

// ---------------------------------------------------------------------------------------------
// Plain cells read where they lie
//
// The commonest shapes, read from the UTF-8 bytes of a cell (b[start, end), see record-batch.ts)
// without a string per cell. Each returns the value, or undefined to leave the cell to the
// parsers above (which also word any problem): they accept a strict subset of what those
// accept and never read a cell differently.

/** Trimmed bounds of the last plainText / plainId call. */
export const plainRange = { start: 0, end: 0 };

function isAsciiWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Trims ASCII whitespace off b[start, end) into plainRange; false when nothing is left. */
function plainBounds(b: Uint8Array, start: number, end: number): boolean {
  while (start < end && isAsciiWs(b[start]!)) start++;
  while (end > start && isAsciiWs(b[end - 1]!)) end--;
  plainRange.start = start;
  plainRange.end = end;
  return start < end;
}

/**
 * Could the UTF-8 character starting at b[i] be whitespace the full trim removes (NBSP U+00A0,
 * U+1680, U+2000–U+200B, U+2028/9, U+202F, U+205F, U+3000, U+FEFF)? Their first bytes are C2,
 * E1, E2, E3 and EF. The dashes that stand for "no value" (U+2013, U+2014, U+FF0D) start with
 * E2 and EF too.
 */
function mayBeWideSpaceOrDash(c: number): boolean {
  return c === 0xc2 || c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef;
}

/** The first byte of the UTF-8 character that ends at `end` (steps back over continuation bytes). */
function lastCharStart(b: Uint8Array, start: number, end: number): number {
  let i = end - 1;
  while (i > start && end - i < 4 && (b[i]! & 0xc0) === 0x80) i--;
  return i;
}

/** Could this trimmed ASCII-led text be a placeholder (NA, n/a, #N/A, null, -, --)? Those start with n # -. */
function mayBeMissingToken(b: Uint8Array, start: number, end: number): boolean {
  if (end - start > 4) return false;
  const c = b[start]!;
  return (c | 32) === 110 || c === 35 || c === 45;
}

/**
 * A plain text cell (what cleanText returns, unchanged): sets plainRange to its bounds and
 * returns true; false for anything cleanText might change or drop (empty, a placeholder,
 * Excel's ="…", possible whitespace beyond ASCII at either end).
 */
export function plainText(b: Uint8Array, start: number, end: number): boolean {
  if (!plainBounds(b, start, end)) return false;
  const s = plainRange.start;
  const e = plainRange.end;
  const c0 = b[s]!;
  if (c0 === 61 /* = */ || mayBeWideSpaceOrDash(c0) || mayBeMissingToken(b, s, e)) return false;
  return !mayBeWideSpaceOrDash(b[lastCharStart(b, s, e)]!);
}

/**
 * A plain id (what parseId returns, unchanged): printable ASCII only, not a placeholder, not
 * ="…" or 'text, and — when it starts like a number — without an e that could make it
 * scientific notation. Sets plainRange.
 */
export function plainId(b: Uint8Array, start: number, end: number): boolean {
  if (!plainBounds(b, start, end)) return false;
  const s = plainRange.start;
  const e = plainRange.end;
  const c0 = b[s]!;
  if (c0 === 61 /* = */ || c0 === 39 /* ' */ || mayBeMissingToken(b, s, e)) return false;
  if (isDigit(c0) || c0 === 43 || c0 === 45) {
    for (let i = s; i < e; i++) {
      const c = b[i]!;
      if (c >= 0x80 || (c | 32) === 101 /* e */) return false;
    }
  } else {
    for (let i = s; i < e; i++) if (b[i]! >= 0x80) return false;
  }
  return true;
}

/**
 * Digits of a plain number: `-?\d{1,15}` then `.` and up to 2 digits (money) — no thousands
 * separators, signs elsewhere or currency, which the full parsers read. Returns the value
 * times 100 (a money amount in minor units when the text is in major units), or NaN.
 */
function plainHundredths(b: Uint8Array, start: number, end: number): number {
  while (start < end && isAsciiWs(b[start]!)) start++;
  while (end > start && isAsciiWs(b[end - 1]!)) end--;
  let i = start;
  let negative = false;
  if (i < end && b[i] === 45) {
    negative = true;
    i++;
  }
  let v = 0;
  const digitsStart = i;
  for (; i < end; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  const digits = i - digitsStart;
  // 13 digits before the point keeps v × 100 exact (the full parser's own limit).
  if (digits === 0 || digits > 13) return NaN;
  v *= 100;
  if (i < end) {
    if (b[i] !== 46 /* . */) return NaN;
    const f = end - i - 1;
    if (f < 1 || f > 2) return NaN;
    const d1 = b[i + 1]! - 48;
    if (d1 < 0 || d1 > 9) return NaN;
    v += d1 * 10;
    if (f === 2) {
      const d2 = b[i + 2]! - 48;
      if (d2 < 0 || d2 > 9) return NaN;
      v += d2;
    }
  }
  return negative && v !== 0 ? -v : v;
}

/** A plain amount in minor units, as parseMoneyMinor reads it. */
export function plainMoneyMinor(b: Uint8Array, start: number, end: number, amountsIn: 'major' | 'minor'): number | undefined {
  const h = plainHundredths(b, start, end);
  if (h !== h) return undefined;
  if (amountsIn === 'major') return h;
  // Minor units must be whole: a fraction of a fen is the full parser's problem to word.
  if (h % 100 !== 0) return undefined;
  return h / 100;
}

/** A plain whole number (optional '-', '.0' or '.00' allowed), as parseQuantity reads it. */
export function plainQuantity(b: Uint8Array, start: number, end: number): number | undefined {
  const h = plainHundredths(b, start, end);
  if (h !== h || h % 100 !== 0) return undefined;
  return h / 100;
}

const two = (b: Uint8Array, i: number): number => {
  const x = b[i]! - 48;
  const y = b[i + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
};

/**
 * A plain wall-clock time — YYYY-MM-DD, YYYY-MM-DD HH:MM or YYYY-MM-DD HH:MM:SS (space or T),
 * no offset — as local ms (fields read as UTC); the caller converts it in its time zone.
 */
export function plainLocalMs(b: Uint8Array, start: number, end: number): number | undefined {
  while (start < end && isAsciiWs(b[start]!)) start++;
  while (end > start && isAsciiWs(b[end - 1]!)) end--;
  const len = end - start;
  if ((len !== 10 && len !== 16 && len !== 19) || b[start + 4] !== 45 || b[start + 7] !== 45) return undefined;
  const yh = two(b, start);
  const yl = two(b, start + 2);
  const mo = two(b, start + 5);
  const d = two(b, start + 8);
  if (yh < 0 || yl < 0 || mo < 1 || mo > 12 || d < 1) return undefined;
  const y = yh * 100 + yl;
  if (d > daysInMonth(y, mo)) return undefined;
  let time = 0;
  if (len > 10) {
    const sep = b[start + 10];
    if ((sep !== 32 && sep !== 84) || b[start + 13] !== 58) return undefined;
    const h = two(b, start + 11);
    const mi = two(b, start + 14);
    if (h < 0 || h > 23 || mi < 0 || mi > 59) return undefined;
    time = h * HOUR + mi * MINUTE;
    if (len === 19) {
      if (b[start + 16] !== 58) return undefined;
      const sec = two(b, start + 17);
      if (sec < 0 || sec > 59) return undefined;
      time += sec * SECOND;
    }
  }
  return daysFromCivil(y, mo, d) * DAY + time;
}
