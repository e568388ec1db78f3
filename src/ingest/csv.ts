// Streaming CSV/TSV reader for platform exports.
//
// RFC 4180 plus what real exports do: `"` quotes a field that starts with it, `""` inside a
// quoted field is one quote, quoted fields may hold delimiters and line breaks (LF, CRLF or
// lone CR); records end with LF, CRLF or a lone CR; the last line may lack a terminator;
// an empty line is a record with one empty field; fields are not trimmed; a quote inside an
// unquoted field is kept literally (`12"3`), and so is text after a closing quote
// (`"ab"c` → `abc`); an unterminated quoted field at the end of the file yields what it has,
// flagged `unterminatedQuote`.
//
// The file is read with a stream in ~1 MiB chunks, so memory stays flat whatever the file size.
// Each chunk's UTF-8 bytes (other encodings are decoded and written as UTF-8 first) are scanned
// as their latin-1 image, one character per byte (record-batch.ts says why that is safe), with
// indexOf: a line without any quote (the common case) is cut at each delimiter into cell
// positions in a RecordBatch; a record that holds a quote goes through a small state machine
// that can stop at a chunk boundary anywhere and resume with the next chunk, so no text is
// scanned twice, and its fields become decoded strings. A record still open after
// MAX_PENDING_BYTES (a stray quote that never closes, or a file that is not CSV at all) is a
// UserError rather than an out-of-memory crash.
//
// Cells taken as text are substrings of the chunk's image or decoded from it. V8 makes a
// substring of 13 or more characters a view into its parent, so a cell kept after its batch is
// consumed (an order id in a table, say) keeps its whole ~1 MB chunk alive; pass cells kept for
// long through `detachString`.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { isUtf8 } from 'node:buffer';
import { createDecoder, detectEncoding, utf8Head, type CsvEncoding } from './encoding.js';
import { EncodingReader, UTF8_HEAD_MIN, type ChangingEncoding, type EncodingPart } from './encoding-reader.js';
import { RecordBatch, type SourceRecord } from './record-batch.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** 'auto' (default) detects from BOM / byte sniffing. */
  encoding?: 'auto' | 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
  /** 'auto' (default) picks among , ; \t from the first lines outside quotes. */
  delimiter?: 'auto' | CsvDelimiter;
  /** called with cumulative bytes read, at most every ~1 MB (and once at the end) */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** @internal Read chunk size in bytes (default 1 MiB); tests use tiny ones. */
  chunkSize?: number;
  /** @internal Records per batch (default 1024). */
  batchSize?: number;
  /** @internal Longest unfinished record held, in bytes (default 64 MiB). */
  maxPendingBytes?: number;
}

/**
 * A record as strings. `row` is the 1-based line number where the record starts in the file
 * (header = 1), counting physical lines, so a quoted field with line breaks advances it by
 * more than 1.
 */
export type CsvRecord = SourceRecord;

export interface EncodingChange {
  row: number;
  from: ChangingEncoding;
  to: ChangingEncoding;
}

export interface CsvSource {
  /** Detected or given; a file that turns out GBK past its start says so once read. */
  encoding: CsvEncoding;
  /**
   * Set once read: where the file changes from one encoding to another (two exports saved in
   * different encodings joined into one), each with the row from which it was read in `to`.
   */
  encodingChanges: EncodingChange[];
  delimiter: CsvDelimiter;
  totalBytes: number;
  /**
   * Record batches in file order; the first record is the header line. Each call reads the
   * file anew. The same batch object is filled again for each batch: read it before the next.
   */
  recordBatches(): AsyncIterable<RecordBatch>;
  /** The same records as strings (tests, small files). */
  batches(): AsyncIterable<CsvRecord[]>;
}

const CHUNK_SIZE = 1 << 20;
const BATCH_SIZE = 1024;
const PROGRESS_STEP = 1 << 20;
/** Bytes read up front to detect the encoding (native UTF-8 validation: ~0.1 ms per MiB). */
const ENCODING_SAMPLE = 1 << 20;
/** Characters of the decoded sample used to detect the delimiter. */
const DELIMITER_SAMPLE = 64 * 1024;
const DELIMITER_LINES = 20;
/**
 * Bytes an unfinished record may hold while its end is awaited. No real export has such a
 * record; this bounds memory when a stray quote opens a field that never closes, and stays well
 * under V8's ~512 Mi string limit.
 */
const MAX_PENDING_BYTES = 64 * 1024 * 1024;

export async function openCsv(path: string, options: CsvOptions = {}): Promise<CsvSource> {
  const { size: totalBytes } = await stat(path);
  const fh = await open(path, 'r');
  let sample: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(ENCODING_SAMPLE, totalBytes));
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    sample = buf.subarray(0, got);
  } finally {
    await fh.close();
  }
  const wholeFile = sample.length >= totalBytes;

  const encoding = resolveEncoding(options.encoding ?? 'auto', sample, wholeFile);
  let delimiter: CsvDelimiter;
  if (options.delimiter === undefined || options.delimiter === 'auto') {
    const dec = createDecoder(encoding);
    const text = dec.write(sample.subarray(0, DELIMITER_SAMPLE * 4)) + (wholeFile && sample.length <= DELIMITER_SAMPLE * 4 ? dec.end() : '');
    delimiter = detectDelimiter(text.slice(0, DELIMITER_SAMPLE));
  } else {
    delimiter = options.delimiter;
  }

  const chunkSize = Math.max(1, options.chunkSize ?? CHUNK_SIZE);
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
  const onProgress = options.onProgress;

  const maxPendingBytes = options.maxPendingBytes ?? MAX_PENDING_BYTES;

  // The parser scans UTF-8 bytes, one character each (see record-batch.ts): for UTF-8 files a
  // copy instead of a decode, and cells beyond ASCII are decoded only when asked for as text.
  // Other encodings, and the parts of a file that change encoding, are decoded and written as
  // UTF-8 first (encoding-reader.ts). An encoding given in the config is kept throughout.
  const watch = options.encoding === undefined || options.encoding === 'auto';

  async function* recordBatches(): AsyncGenerator<RecordBatch> {
    const parser = new CsvParser(delimiter, maxPendingBytes);
    const reader = new EncodingReader(encoding, watch, maxPendingBytes);
    const changes: EncodingChange[] = [];
    source.encoding = encoding;
    source.encodingChanges = changes;
    const batch = new RecordBatch();
    let bytesRead = 0;
    let reported = 0;
    // Each part into the parser; at a change of encoding the text before it is parsed first, so
    // that the parser's line is the row where the change happens.
    function* take(parts: EncodingPart[], final: boolean): Generator<RecordBatch> {
      for (const part of parts) {
        if (Buffer.isBuffer(part)) {
          parser.push(part.toString('latin1'), part);
          while (parser.parse(batch, batchSize, false)) {
            yield batch;
            batch.clear();
          }
          continue;
        }
        source.encoding = part.to;
        if (!part.silent) changes.push({ row: parser.line, from: part.from, to: part.to });
      }
      while (parser.parse(batch, batchSize, final)) {
        yield batch;
        batch.clear();
      }
    }
    try {
      for await (const data of createReadStream(path, { highWaterMark: chunkSize })) {
        const chunk = data as Buffer;
        bytesRead += chunk.length;
        yield* take(reader.read(chunk), false);
        if (onProgress !== undefined && bytesRead - reported >= PROGRESS_STEP) {
          reported = bytesRead;
          onProgress(bytesRead, totalBytes);
        }
      }
      yield* take(reader.end(), true);
    } catch (err) {
      if (err instanceof UserError && err.location.file === undefined) err.location.file = path;
      throw err;
    }
    if (batch.length > 0) yield batch;
    if (onProgress !== undefined && reported !== bytesRead) onProgress(bytesRead, totalBytes);
  }

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    for await (const batch of recordBatches()) yield batch.records();
  }

  const source: CsvSource = { encoding, encodingChanges: [], delimiter, totalBytes, recordBatches, batches };
  return source;
}

/** Decoded text into the parser, as its UTF-8 bytes. */
function pushText(parser: CsvParser, text: string): void {
  if (text.length === 0) return;
  const bytes = Buffer.from(text, 'utf8');
  parser.push(bytes.toString('latin1'), bytes);
}

function resolveEncoding(option: NonNullable<CsvOptions['encoding']>, sample: Uint8Array, wholeFile: boolean): CsvEncoding {
  if (option === 'auto') {
    const detected = detectEncoding(sample, wholeFile);
    if (detected === 'gb18030' && utf8Head(sample).multibyte >= UTF8_HEAD_MIN) return 'utf8';
    return detected;
  }
  if (option === 'utf8') {
    // The decoder strips a BOM either way; report it when there is one.
    return sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 'utf8-bom' : 'utf8';
  }
  return option;
}

/**
 * Parse a whole in-memory string (tests and small files). A leading U+FEFF (BOM) is dropped.
 * Without `delimiter`, it is detected as `openCsv` does.
 */
export function parseCsvText(text: string, delimiter?: CsvDelimiter): CsvRecord[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = new CsvParser(delimiter ?? detectDelimiter(text.slice(0, DELIMITER_SAMPLE)));
  pushText(parser, text);
  const batch = new RecordBatch();
  const out: CsvRecord[] = [];
  while (parser.parse(batch, Infinity, true)) {
    out.push(...batch.records());
    batch.clear();
  }
  out.push(...batch.records());
  return out;
}

/**
 * A copy of `s` that does not share memory with the chunk it was cut from, for fields kept
 * beyond their batch (see the note at the top of this file). Cheap: one allocation and copy
 * of the field's own characters.
 */
export function detachString(s: string): string {
  // Concatenation makes a cons string; slicing it flattens it into a fresh string of the
  // field's length + 1, and the result refers to that small string only.
  return s.length < 13 ? s : (' ' + s).slice(1);
}

// ---------------------------------------------------------------------------------------
// Delimiter detection

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];

/**
 * Pick the delimiter among `,` `\t` `;` from the first records of `text`, counting each
 * outside quoted fields. Each candidate's header is the first record that holds it (title
 * rows above the header are passed over, even one with a comma in it); the candidate whose
 * count per record agrees with its header's in the most following records
 * wins, then the one the header holds most of; `,` when none occurs at all.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: number[][] = [];
  let cur = [0, 0, 0];
  let inQuotes = false;
  let fieldStart = true;
  let lineHasText = false;
  const n = text.length;
  for (let i = 0; i < n && counts.length < DELIMITER_LINES; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF || c === CR) {
      if (lineHasText) counts.push(cur);
      cur = [0, 0, 0];
      lineHasText = false;
      fieldStart = true;
      continue;
    }
    lineHasText = true;
    const k = c === COMMA ? 0 : c === TAB ? 1 : c === SEMICOLON ? 2 : -1;
    if (k >= 0) {
      cur[k]!++;
      fieldStart = true;
      continue;
    }
    if (c === QUOTE && fieldStart) inQuotes = true;
    fieldStart = false;
  }
  // The last line of the sample counts only if it is probably complete (no more text).
  if (lineHasText && counts.length === 0) counts.push(cur);

  // Title rows above the header ("订单列表", "导出时间：…") do not hold the delimiter: each
  // candidate's header is the first line that holds it.
  let best: CsvDelimiter = ',';
  let bestAgree = -1;
  let bestCount = 0;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const at = counts.findIndex((c) => c[k]! > 0);
    if (at < 0) continue;
    const h = counts[at]![k]!;
    let agree = 0;
    for (let r = at + 1; r < counts.length; r++) if (counts[r]![k] === h) agree++;
    if (agree > bestAgree || (agree === bestAgree && h > bestCount)) {
      best = CANDIDATES[k]!;
      bestAgree = agree;
      bestCount = h;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// The parser


const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;

/** Set by utf8FromImage: the image it last decoded was not valid UTF-8. */
let imageInvalid = false;

/** The text whose UTF-8 bytes `image` holds one per character (itself when all are ASCII). */
function utf8FromImage(image: string): string {
  imageInvalid = false;
  for (let i = 0; i < image.length; i++) {
    if (image.charCodeAt(i) >= 0x80) {
      const bytes = Buffer.from(image, 'latin1');
      const text = bytes.toString('utf8');
      imageInvalid = text.includes('\uFFFD') && !isUtf8(bytes);
      return text;
    }
  }
  return image;
}

// States of the record state machine (records that hold a quote).
const AT_FIELD = 0; // at the start of a field
const UNQUOTED = 1; // inside an unquoted field, or after the closing quote of a quoted one
const QUOTED = 2; // inside a quoted field
const QUOTE_SEEN = 3; // just after a quote inside a quoted field: closing, or the first of `""`

/**
 * Incremental parser: `push` UTF-8 bytes as they are read (as their latin-1 image, one character
 * per byte, see record-batch.ts), `parse` records out of them into a batch. Between two pushes,
 * `parse` must be called until it returns false (buffer used up); what is left of an incomplete
 * record is carried over (for an unquoted line, its text; for a record in the state machine, its
 * fields so far and its state). A quote-free line becomes cell positions in the current text; a
 * record holding a quote becomes strings, decoded.
 */
export class CsvParser {
  private buf = '';
  /** The bytes `buf` is the latin-1 image of, when known (UTF-8 mode). */
  private bufBytes: Uint8Array | null = null;
  /** Which text `buf` is: batches hold cell positions in one text only. */
  private bufId = 0;
  private pos = 0;
  /** Physical line number at `pos`. */
  private row = 1;
  /** Next position ≥ pos of LF / CR / quote in buf, or buf.length when none; stale when < pos. */
  private nextLF = -1;
  private nextCR = -1;
  private nextQuote = -1;
  private nextDelim = -1;
  /** The text before `buf` ended with CR (so a leading LF completes a CRLF). */
  private prevCR = false;
  /** Text pushed but not yet current, from pendingPos. */
  private pending: string | null = null;
  private pendingBytes: Uint8Array | null = null;
  private pendingPos = 0;

  // A record in the state machine (inRecord), possibly across pushes.
  private inRecord = false;
  private mode = AT_FIELD;
  private fields: string[] = [];
  /** Text of the current field so far. */
  private acc = '';
  private recordRow = 0;

  private readonly delim: string;
  private readonly delimCode: number;

  constructor(
    delimiter: CsvDelimiter,
    private readonly maxPendingBytes = MAX_PENDING_BYTES,
  ) {
    this.delim = delimiter;
    this.delimCode = delimiter.charCodeAt(0);
  }

  /** Physical line number where the text parsed so far ends. */
  get line(): number {
    return this.row;
  }

  /**
   * Queue the next piece of input: the latin-1 image of UTF-8 bytes, and the bytes when at
   * hand. `parse` must have used up the previous one (returned false) first.
   */
  push(text: string, bytes?: Uint8Array): void {
    if (text.length === 0) return;
    if (this.pending !== null) throw new Error('CsvParser.push: parse() has not used up the previous text');
    this.pending = text;
    this.pendingBytes = bytes ?? null;
    this.pendingPos = 0;
  }

  /**
   * Append records to `out` until it holds `max` records or its records need a text other than
   * the current one (returns true: take the batch, clear it, call again) or the text pushed so
   * far is used up (returns false: push more, or at the end, done). With `final`, the text
   * pushed is the end of the input: its last line needs no terminator, and an open record is
   * completed.
   */
  parse(out: RecordBatch, max: number, final: boolean): boolean {
    let s = this.buf;
    let n = s.length;
    let last = final && this.pending === null;
    const delim = this.delim;
    let pos = this.pos;
    let row = this.row;
    let lf = this.nextLF;
    let cr = this.nextCR;
    let quote = this.nextQuote;
    let dp = this.nextDelim;
    let full = false;
    for (;;) {
      if (out.length >= max) {
        full = true;
        break;
      }
      let quoted = this.inRecord;
      if (!quoted && pos < n) {
        if (lf < pos) {
          lf = s.indexOf('\n', pos);
          if (lf < 0) lf = n;
        }
        if (cr < pos) {
          cr = s.indexOf('\r', pos);
          if (cr < 0) cr = n;
        }
        const end = lf < cr ? lf : cr;
        if (quote < pos) {
          quote = s.indexOf('"', pos);
          if (quote < 0) quote = n;
        }
        if (quote < end) {
          quoted = true;
        } else if (end < n || last) {
          // Fast path: a whole line without quotes. Cells are cut at each delimiter.
          if (out.srcId !== this.bufId) {
            if (out.length > 0) {
              full = true;
              break;
            }
            out.setSource(s, this.bufId, this.bufBytes);
          }
          out.beginRecord(row);
          for (;;) {
            if (dp < pos) {
              dp = s.indexOf(delim, pos);
              if (dp < 0) dp = n;
            }
            if (dp >= end) {
              out.addRange(pos, end);
              break;
            }
            out.addRange(pos, dp);
            pos = dp + 1;
          }
          out.endRecord();
          row++;
          pos = end + 1;
          if (end === cr && pos < n && s.charCodeAt(pos) === LF) pos++;
          continue;
        }
        // else: an incomplete line at the end of the text, completed by the next one.
      }
      this.pos = pos;
      this.row = row;
      if (quoted) {
        // A record holding a quote (or one already under way): the state machine.
        this.nextLF = lf;
        this.nextCR = cr;
        const done = this.record(out, last);
        pos = this.pos;
        row = this.row;
        lf = this.nextLF;
        cr = this.nextCR;
        if (done) continue;
      }
      // The current text is used up (or ends in an incomplete line): go on with the next.
      if (!this.nextText()) break;
      s = this.buf;
      n = s.length;
      pos = this.pos;
      last = final && this.pending === null;
      lf = cr = quote = dp = -1;
    }
    this.pos = pos > n ? n : pos;
    this.row = row;
    this.nextLF = lf;
    this.nextCR = cr;
    this.nextQuote = quote;
    this.nextDelim = dp;
    return full;
  }

  /**
   * Make the pending text current. An incomplete quote-free line left at the end of the
   * current text is joined with the first line of the pending one only (never with the whole
   * chunk, so that the big decoded string is used as it is, without being copied).
   */
  private nextText(): boolean {
    const text = this.pending;
    if (text === null) return false;
    const start = this.pendingPos;
    const bytes = this.pendingBytes;
    this.pending = null;
    this.bufId++;
    const old = this.buf;
    if (this.pos < old.length) {
      const rest = old.slice(this.pos);
      if (rest.length > this.maxPendingBytes) throw this.tooLong(this.row, false);
      let cut = text.indexOf('\n', start);
      const cr = text.indexOf('\r', start);
      if (cr >= 0 && (cut < 0 || cr < cut)) cut = cr;
      // The joined line's bytes are found from its image (RecordBatch.setSource).
      this.bufBytes = null;
      if (cut < 0) {
        this.buf = rest + text.slice(start);
      } else {
        if (text.charCodeAt(cut) === CR && text.charCodeAt(cut + 1) === LF) cut++;
        this.buf = rest + text.slice(start, cut + 1);
        if (cut + 1 < text.length) {
          this.pending = text;
          this.pendingBytes = bytes;
          this.pendingPos = cut + 1;
        }
      }
      this.pos = 0;
      this.prevCR = false; // the joined text starts a record: no CRLF is split before it
    } else {
      if (old.length > 0) this.prevCR = old.charCodeAt(old.length - 1) === CR;
      this.buf = text;
      this.bufBytes = bytes;
      this.pos = start;
      // The CR that ended the last record and this LF are one CRLF.
      if (this.prevCR && !this.inRecord && text.charCodeAt(start) === LF) this.pos++;
    }
    return true;
  }

  /**
   * Run the state machine from `pos` until the record ends (appends it, returns true) or the
   * text does (keeps the state, returns false; at the end of input, appends what it has).
   */
  private record(out: RecordBatch, last: boolean): boolean {
    const s = this.buf;
    const n = s.length;
    let i = this.pos;
    if (!this.inRecord) {
      this.inRecord = true;
      this.mode = AT_FIELD;
      this.fields = [];
      this.acc = '';
      this.recordRow = this.row;
    }
    const fields = this.fields;
    let mode = this.mode;
    let acc = this.acc;
    let row = this.row;
    const dc = this.delimCode;
    // Next LF / CR at or after i (n: none; stale when < i), shared with parse().
    let lf = this.nextLF;
    let cr = this.nextCR;
    for (;;) {
      if (mode === AT_FIELD) {
        if (i >= n) break;
        if (s.charCodeAt(i) === QUOTE) {
          i++;
          mode = QUOTED;
        } else {
          mode = UNQUOTED;
        }
      }
      if (mode === UNQUOTED) {
        // Up to the next delimiter or line break; quotes here are literal. (A plain loop:
        // these runs are short, and indexOf bookkeeping measured slower here.)
        let j = i;
        let c = 0;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === dc || c === LF || c === CR) break;
          j++;
        }
        if (j > i) acc += s.slice(i, j);
        i = j;
        if (j >= n) break;
        fields.push(acc);
        acc = '';
        i++;
        if (c === dc) {
          mode = AT_FIELD;
          continue;
        }
        if (c === CR && i < n && s.charCodeAt(i) === LF) i++;
        this.pos = i;
        this.row = row + 1;
        this.nextLF = lf;
        this.nextCR = cr;
        this.emit(out, false);
        return true;
      }
      if (mode === QUOTED) {
        const q = s.indexOf('"', i);
        const j = q < 0 ? n : q;
        if (j > i) {
          if (lf < i) {
            lf = s.indexOf('\n', i);
            if (lf < 0) lf = n;
          }
          if (cr < i) {
            cr = s.indexOf('\r', i);
            if (cr < 0) cr = n;
          }
          if (lf < j || cr < j) row += this.countBreaks(s, i, j);
          acc += s.slice(i, j);
        }
        if (q < 0) {
          i = n;
          break;
        }
        i = q + 1;
        mode = QUOTE_SEEN;
      }
      // QUOTE_SEEN: the quote closes the field, or is the first of a doubled one.
      if (i >= n) break;
      if (s.charCodeAt(i) === QUOTE) {
        acc += '"';
        i++;
        mode = QUOTED;
      } else {
        mode = UNQUOTED; // text after the closing quote, up to the delimiter, is kept
      }
    }
    // Out of text inside the record.
    this.pos = n;
    this.row = row;
    this.nextLF = lf;
    this.nextCR = cr;
    if (!last) {
      if (acc.length > this.maxPendingBytes) throw this.tooLong(this.recordRow, mode === QUOTED);
      this.mode = mode;
      this.acc = acc;
      return false;
    }
    fields.push(acc);
    this.acc = '';
    this.emit(out, mode === QUOTED);
    return true;
  }

  private emit(out: RecordBatch, unterminated: boolean): void {
    out.beginRecord(this.recordRow);
    const fields = this.fields;
    let invalid = false;
    for (let k = 0; k < fields.length; k++) {
      out.addString(utf8FromImage(fields[k]!));
      invalid ||= imageInvalid;
    }
    out.endRecord(unterminated, invalid);
    this.inRecord = false;
    this.fields = [];
  }

  private tooLong(row: number, quoted: boolean): UserError {
    const max = this.maxPendingBytes;
    const size = max >= 1 << 20 ? `${Math.round(max / (1 << 20))} MiB` : `${max} bytes`;
    return quoted
      ? new UserError(`a quoted field is still open after ${size}`, {
          location: { row },
          hint: 'a stray " in this row opens a field that is never closed',
        })
      : new UserError(`a line is longer than ${size}`, {
          location: { row },
          hint: 'this does not look like a CSV file; check the file and its encoding',
        });
  }

  /** Physical line breaks in s[a, b): each CR, and each LF not right after a CR. */
  private countBreaks(s: string, a: number, b: number): number {
    let k = 0;
    for (let x = a; x < b; x++) {
      const c = s.charCodeAt(x);
      if (c === CR) k++;
      else if (c === LF && !(x > 0 ? s.charCodeAt(x - 1) === CR : this.prevCR)) k++;
    }
    return k;
  }
}
