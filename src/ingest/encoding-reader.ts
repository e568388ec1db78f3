// A CSV file's bytes as UTF-8 for the scanner, chunk by chunk, in the encoding each part of the
// file is written in.
//
// The scanner reads UTF-8 (csv.ts): a UTF-8 file's chunks go to it as they are, other encodings
// are decoded and written as UTF-8 first. A file may also change encoding part-way, when two
// exports saved in different encodings were joined into one: detected as UTF-8, it may turn out
// GBK further on (an all-ASCII start reads the same in both), and detected as GBK, it may go on
// in UTF-8 — and back again. Each part is then read in its own encoding from the line where it
// begins. An encoding given in the config is kept throughout.
//
// To find that line, text is judged in whole lines: the last line of a chunk, which the chunk's
// end may cut in two, is held back and judged with the first line of the next chunk (a small
// copy; the rest of the chunk is passed on without one).
import { isAscii, isUtf8 } from 'node:buffer';
import { completeUtf8Length, countUtf8Sequences, createDecoder, nearlyUtf8, utf8Head, type CsvEncoding, type StreamDecoder } from './encoding.js';

/** The encodings a file can change between. */
export type ChangingEncoding = 'utf8' | 'gb18030';

/** The text read so far changes encoding here: what follows is read in `to`. */
export interface EncodingSwitch {
  from: ChangingEncoding;
  to: ChangingEncoding;
  /** Nothing but ASCII came before (it reads the same in both): no change worth a word. */
  silent: boolean;
}

/** UTF-8 bytes for the scanner, or a change of encoding between the bytes before and after. */
export type EncodingPart = Buffer | EncodingSwitch;

/** Longest undecided text held back from one chunk to the next. */
const MAX_HELD = 4 << 20;

/**
 * Multi-byte characters a text must open with, in valid UTF-8, to be read as UTF-8 rather than
 * as GBK: GBK text forms that many UTF-8 characters in a row about once in 10^7.
 */
export const UTF8_HEAD_MIN = 8;

const LF = 10;
const CR = 13;

export class EncodingReader {
  /** Whether a change of encoding is looked for. */
  readonly #watch: boolean;
  /** null while reading UTF-8, which goes to the scanner as it is. */
  #decoder: StreamDecoder | null;
  /** BOM bytes still to drop from the start. */
  #bom: number;
  /** Nothing but ASCII read so far. */
  #asciiSoFar = true;
  /** Text at the end of the last chunk not yet passed on: a line start onwards. */
  #held: Buffer | null = null;
  /** Whether the next chunk begins a line (false after a held line grew past #maxHeld). */
  #atLineStart = true;
  /** Longest text held back: no more than the scanner would hold itself (it reports a longer line). */
  readonly #maxHeld: number;

  constructor(encoding: CsvEncoding, watch: boolean, maxHeld = MAX_HELD) {
    this.#maxHeld = Math.min(maxHeld, MAX_HELD);
    this.#watch = watch && (encoding === 'utf8' || encoding === 'utf8-bom' || encoding === 'gb18030');
    this.#decoder = encoding === 'utf8' || encoding === 'utf8-bom' ? null : createDecoder(encoding);
    this.#bom = encoding === 'utf8-bom' ? 3 : 0;
  }

  /** The UTF-8 text of the next chunk of the file, in parts. */
  read(chunk: Buffer): EncodingPart[] {
    if (this.#decoder === null && this.#bom > 0) {
      const k = Math.min(this.#bom, chunk.length);
      chunk = chunk.subarray(k);
      this.#bom -= k;
    }
    const out: EncodingPart[] = [];
    if (!this.#watch) {
      this.#pass(chunk, out);
      return out;
    }
    if (this.#held !== null) {
      const end = lineEndAfter(chunk, 0);
      if (end < 0) {
        this.#hold(Buffer.concat([this.#held, chunk]), out);
        return out;
      }
      const first = Buffer.concat([this.#held, chunk.subarray(0, end)]);
      this.#held = null;
      chunk = chunk.subarray(end);
      const undecided = this.#judge(first, chunk, out);
      if (undecided !== null) chunk = Buffer.concat([undecided, chunk]);
    } else if (!this.#atLineStart) {
      // The rest of a line too long to hold: passed on as it is.
      const end = lineEndAfter(chunk, 0);
      this.#pass(chunk.subarray(0, end < 0 ? chunk.length : end), out);
      if (end < 0) return out;
      this.#atLineStart = true;
      chunk = chunk.subarray(end);
    }
    const last = lastLineEnd(chunk);
    const undecided = last > 0 ? this.#judge(chunk.subarray(0, last), chunk.subarray(last), out) : null;
    const tail = chunk.subarray(last);
    if (undecided !== null) this.#hold(Buffer.concat([undecided, tail]), out);
    else if (tail.length > 0) this.#hold(tail, out);
    return out;
  }

  /** What is left once the file is read. */
  end(): EncodingPart[] {
    const out: EncodingPart[] = [];
    if (this.#held !== null) {
      const held = this.#held;
      this.#held = null;
      this.#judge(held, EMPTY, out, true);
    }
    if (this.#decoder !== null) text(this.#decoder.end(), out);
    return out;
  }

  /** Bytes in the encoding being read, to the scanner. */
  #pass(bytes: Buffer, out: EncodingPart[]): void {
    if (bytes.length === 0) return;
    if (this.#decoder !== null) {
      text(this.#decoder.write(bytes), out);
      return;
    }
    if (this.#asciiSoFar && !isAscii(bytes)) this.#asciiSoFar = false;
    out.push(bytes);
  }

  /** Keep `bytes` (a line start onwards) for the next chunk, up to #maxHeld. */
  #hold(bytes: Buffer, out: EncodingPart[]): void {
    if (bytes.length <= this.#maxHeld) {
      this.#held = bytes;
      return;
    }
    // A line this long is no export's; it is read on in the encoding it began in.
    this.#held = null;
    this.#pass(bytes, out);
    this.#atLineStart = endsLine(bytes);
  }

  /**
   * Pass on `lines` (whole lines, or the file's last text), switching encoding where the text
   * does. `after`: the text that follows, looked at to tell GBK from damaged UTF-8. Returns the
   * lines at the end that cannot be judged yet, or null; none when `final` (the end of the file).
   * Read as GBK, those are lines that read as UTF-8 too but hold too few multi-byte characters
   * to tell; read as UTF-8, one line that is not, with no text after it yet to weigh it with.
   */
  #judge(lines: Buffer, after: Buffer, out: EncodingPart[], final = false): Buffer | null {
    if (this.#decoder === null) {
      const { cut, undecided } = this.#gbkStart(lines, after, final);
      if (cut < 0) {
        this.#pass(lines.subarray(0, undecided), out);
        return undecided < lines.length ? lines.subarray(undecided) : null;
      }
      this.#pass(lines.subarray(0, cut), out);
      out.push({ from: 'utf8', to: 'gb18030', silent: this.#asciiSoFar });
      this.#decoder = createDecoder('gb18030');
      return this.#judge(lines.subarray(cut), after, out, final);
    }
    const { cut, undecided } = utf8Start(lines);
    if (cut >= 0) {
      this.#pass(lines.subarray(0, cut), out);
      text(this.#decoder.end(), out);
      out.push({ from: 'gb18030', to: 'utf8', silent: false });
      this.#decoder = null;
      return this.#judge(lines.subarray(cut), after, out, final);
    }
    // At the end of the file what is left stays GBK.
    if (final || undecided === lines.length) {
      this.#pass(lines, out);
      return null;
    }
    this.#pass(lines.subarray(0, undecided), out);
    return lines.subarray(undecided);
  }

  /**
   * Where GBK text begins in whole lines read as UTF-8: the start of the first line that is not
   * UTF-8 when the run of such lines from there (going on into `after` when it reaches the end)
   * looks GBK; -1 when all is UTF-8 or each such run looks like UTF-8 with a few bad bytes
   * (those show as � and are warned about). Past an all-ASCII start any text that does not
   * look UTF-8 is taken as GBK. Each run is judged alone, so that UTF-8 text after a GBK part
   * does not outweigh it.
   */
  #gbkStart(lines: Buffer, after: Buffer, final: boolean): { cut: number; undecided: number } {
    const none = { cut: -1, undecided: lines.length };
    let from = 0;
    // A damaged UTF-8 file may have a bad byte on every line: a few runs a chunk are judged.
    for (let runs = 0; runs < MAX_RUNS_JUDGED; runs++) {
      if (from === 0 && isUtf8(lines)) return none;
      const bad = firstInvalid(lines, from);
      if (bad === lines.length) return none;
      const rest = lines.subarray(from);
      const cut = from + Math.max(rest.lastIndexOf(LF, bad - from), rest.lastIndexOf(CR, bad - from)) + 1;
      const run = notUtf8Run(lines, cut);
      const { counts } = run;
      let following = lines.subarray(run.end);
      if (run.end === lines.length && after.length > 0) {
        const whole = after.subarray(0, completeUtf8Length(after));
        const more = notUtf8Run(whole, 0);
        counts.valid += more.counts.valid;
        counts.invalid += more.counts.invalid;
        run.lines += more.lines;
        following = whole.subarray(more.end);
      } else if (following.length < RUN_COUNTED) {
        following = Buffer.concat([following, after.subarray(0, completeUtf8Length(after.subarray(0, RUN_COUNTED - following.length)))]);
      }
      // One line alone may be a damaged UTF-8 line, or one row saved in GBK: it is read as GBK
      // only when the text after it does not outweigh it (else the rest would be read as GBK
      // too, for want of enough UTF-8 text to change back).
      if (run.lines === 1) {
        const more = countUtf8Sequences(following.subarray(0, completeUtf8Length(following.subarray(0, RUN_COUNTED))));
        counts.valid += more.valid;
        counts.invalid += more.invalid;
      }
      const asciiBefore = this.#asciiSoFar && isAscii(lines.subarray(0, cut));
      if (asciiBefore ? !nearlyUtf8(counts) : counts.invalid > counts.valid) return { cut, undecided: lines.length };
      // Not GBK by what is here; but when nothing has come after the run yet (or only ASCII,
      // which weighs nothing either way), more of it may follow in the next chunk: wait for it.
      if (!final && isAscii(following)) return { cut: -1, undecided: cut };
      if (run.end === lines.length) return none;
      from = run.end;
    }
    return none;
  }
}

/** Runs of lines that are not UTF-8 judged in one text before it is taken as (damaged) UTF-8. */
const MAX_RUNS_JUDGED = 8;

/** Bytes of a run of lines that are not UTF-8 counted to judge it: enough to tell. */
const RUN_COUNTED = 64 << 10;

/**
 * The lines from `from` (a line start) that are not valid UTF-8, up to the first that is:
 * where they end, how many, and their UTF-8 sequences counted (over the first RUN_COUNTED bytes).
 */
function notUtf8Run(text: Buffer, from: number): { end: number; lines: number; counts: { valid: number; invalid: number } } {
  const counts = { valid: 0, invalid: 0 };
  let lines = 0;
  let end = from;
  while (end < text.length) {
    const e = nextLineStart(text, end);
    const line = text.subarray(end, e);
    if (isUtf8(line)) break;
    lines++;
    if (end - from < RUN_COUNTED) {
      const c = countUtf8Sequences(line);
      counts.valid += c.valid;
      counts.invalid += c.invalid;
    }
    end = e;
  }
  return { end, lines, counts };
}

const EMPTY = Buffer.alloc(0);

/** Decoded text to the scanner, as its UTF-8 bytes. */
function text(s: string, out: EncodingPart[]): void {
  if (s.length > 0) out.push(Buffer.from(s, 'utf8'));
}

/**
 * Offset of the first byte of `bytes` from `from` on that starts no well-formed UTF-8
 * character, or `bytes.length`.
 */
function firstInvalid(bytes: Buffer, from: number): number {
  // Windows doubling from `from`, each with the native check, so that finding a bad byte costs
  // about its distance (a damaged file may have one every few lines), and the walk byte by
  // byte covers one window.
  let lo = from;
  for (let size = 4096; lo < bytes.length; size *= 2) {
    const hi = Math.min(bytes.length, lo + size);
    const end = hi === bytes.length ? hi : lo + completeUtf8Length(bytes.subarray(lo, hi));
    if (end > lo && isUtf8(bytes.subarray(lo, end))) {
      lo = end;
      continue;
    }
    const at = utf8Head(bytes.subarray(lo, end)).invalidAt;
    return at < 0 ? end : lo + at;
  }
  return bytes.length;
}

/**
 * Bytes between the lines looked at when searching GBK text for UTF-8: a run of UTF-8 lines at
 * least this long in the middle of a chunk is found; a shorter one is found only at a chunk's
 * start or end. Looking at every line would slow reading GBK by a quarter.
 */
const PROBE_STRIDE = 1024;

/**
 * Where UTF-8 text begins in whole lines read as GBK. `cut`: the start of a run of lines in
 * valid UTF-8 holding at least UTF8_HEAD_MIN multi-byte characters (GBK text seldom forms more
 * than one or two in a row); else -1. `undecided`: where the lines that cannot be judged yet
 * begin — the run of valid UTF-8 lines at the end when it holds fewer (too few yet to tell),
 * else the end.
 */
function utf8Start(lines: Buffer): { cut: number; undecided: number } {
  const whole = completeUtf8Length(lines);
  const breaks = new LineBreaks(lines);
  // One line about every PROBE_STRIDE bytes, each with the native check (a GBK line with
  // Chinese in it fails at once); at one that is UTF-8 beyond ASCII, the run it belongs to.
  let checkedTo = 0;
  for (let start = 0; start < whole; ) {
    const end = Math.min(breaks.after(start), whole);
    const line = lines.subarray(start, end);
    if (isUtf8(line) && !isAscii(line)) {
      const run = utf8Run(lines, breaks, checkedTo, start, whole);
      if (run.multibyte >= UTF8_HEAD_MIN) return { cut: run.start, undecided: lines.length };
      if (run.end === whole) return { cut: -1, undecided: run.start };
      checkedTo = run.end;
    } else {
      checkedTo = end;
    }
    start = checkedTo + PROBE_STRIDE >= whole ? whole : breaks.after(checkedTo + PROBE_STRIDE);
  }
  // The last lines, which the probes may have stepped over: walk back from the end over whole
  // lines of valid UTF-8.
  let start = whole;
  while (start > checkedTo) {
    // (A negative offset would count from the end.)
    const lineStart = start < 2 ? 0 : Math.max(lines.lastIndexOf(LF, start - 2), lines.lastIndexOf(CR, start - 2)) + 1;
    if (!isUtf8(lines.subarray(lineStart, start))) break;
    start = lineStart;
  }
  if (start > 0 && lines[start] === LF && lines[start - 1] === CR) start++;
  const multibyte = countLeads(lines, start, whole);
  if (multibyte >= UTF8_HEAD_MIN) return { cut: start, undecided: lines.length };
  return { cut: -1, undecided: multibyte > 0 ? start : lines.length };
}

/**
 * The run of valid UTF-8 lines holding the line at `at`: from the first valid line after the
 * last invalid one since `from`, through the valid lines after it until one is not (or the
 * text's end), with its multi-byte characters counted up to UTF8_HEAD_MIN.
 */
function utf8Run(lines: Buffer, breaks: LineBreaks, from: number, at: number, whole: number): { start: number; end: number; multibyte: number } {
  let start = at;
  for (let s = from; s < at; ) {
    const e = lineEnd(lines, s, at);
    if (!isUtf8(lines.subarray(s, e))) start = at;
    else if (start === at) start = s;
    s = e;
  }
  let multibyte = countLeads(lines, start, at);
  let end = at;
  while (end < whole && multibyte < UTF8_HEAD_MIN) {
    const e = Math.min(breaks.after(end), whole);
    const line = lines.subarray(end, e);
    if (!isUtf8(line)) break;
    multibyte += countLeads(line, 0, line.length);
    end = e;
  }
  return { start, end, multibyte };
}

/** UTF-8 lead bytes of multi-byte characters from `from` to `to`, up to UTF8_HEAD_MIN. */
function countLeads(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && n < UTF8_HEAD_MIN; i++) if (bytes[i]! >= 0xc0) n++;
  return n;
}

/** Offset just past the first line break in `text` from `from` before `to`, or `to`. */
function lineEnd(text: Buffer, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const b = text[i];
    if (b === LF) return i + 1;
    if (b === CR) return text[i + 1] === LF && i + 1 < to ? i + 2 : i + 1;
  }
  return to;
}

/** The line breaks of a text, found in order (a CRLF is one). */
class LineBreaks {
  #lf = -1;
  #cr = -1;
  constructor(readonly text: Buffer) {}

  /** Offset just past the first line break at or after `from`, or the text's end. */
  after(from: number): number {
    // Each kind is searched for again only once passed, so a text costs one walk per kind.
    if (this.#lf < from) this.#lf = this.#find(LF, from);
    if (this.#cr < from) this.#cr = this.#find(CR, from);
    const end = Math.min(this.#lf, this.#cr);
    if (end === Infinity) return this.text.length;
    return end + (end === this.#cr && this.text[end + 1] === LF ? 2 : 1);
  }

  #find(byte: number, from: number): number {
    const at = this.text.indexOf(byte, from);
    return at < 0 ? Infinity : at;
  }
}

/**
 * Offset just past the first line break at or after `from` (a CRLF is one), or the text's end;
 * for a few lines (a CR is looked for only before the next LF, not through the whole text).
 */
function nextLineStart(text: Buffer, from: number): number {
  const lf = text.indexOf(LF, from);
  const upTo = lf < 0 ? text.length : lf;
  const cr = text.subarray(from, upTo).indexOf(CR);
  if (cr >= 0) return from + cr + (text[from + cr + 1] === LF ? 2 : 1);
  return lf < 0 ? text.length : lf + 1;
}

/** Offset just past the first line break at or after `from` (a CRLF is one), or -1. */
function lineEndAfter(chunk: Buffer, from: number): number {
  const lf = chunk.indexOf(LF, from);
  const cr = chunk.indexOf(CR, from);
  const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (end < 0) return -1;
  return end + (end === cr && chunk[cr + 1] === LF ? 2 : 1);
}

/** Offset just past the last line break (0 when there is none). */
function lastLineEnd(chunk: Buffer): number {
  return Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR)) + 1;
}

function endsLine(bytes: Buffer): boolean {
  const b = bytes[bytes.length - 1];
  return b === LF || b === CR;
}
