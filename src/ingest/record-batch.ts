// A batch of records from one export, as cells read on demand. The CSV reader fills it with
// the positions of each cell in the text it scanned — no string per cell — and the order
// reader parses amounts, times and ids where they lie; only cells that are needed as text
// become strings. Records that came as strings (quoted CSV records, workbook rows) are held as
// strings. A batch is filled again for the next records: read it before asking for more.
//
// The scanned text is the file's UTF-8 bytes one per character (a "latin-1 image", which costs
// a copy instead of a decode; files in other encodings are written as UTF-8 first): delimiters,
// quotes and line breaks are ASCII and never occur inside a multi-byte UTF-8 sequence, so cells
// cut there are whole characters, and digits, separators and ASCII ids read the same as in the
// decoded text. The plain readers (values.ts) read the bytes themselves; a cell holding any byte
// ≥ 0x80 is decoded when it is asked for as text.

export interface SourceRecord {
  /** 1-based line number where the record starts in the file (header = 1), or the sheet's row number. */
  row: number;
  fields: string[];
  /** Set (only) on a last record whose quoted field was still open at the end of the file. */
  unterminatedQuote?: true;
}

import { isUtf8 } from 'node:buffer';

const EMPTY_BYTES = new Uint8Array(0);
const REPLACEMENT = '\uFFFD';

export class RecordBatch {
  length = 0;
  /** The latin-1 image of UTF-8 bytes that cell positions refer to, and those bytes. */
  src = '';
  bytes: Uint8Array = EMPTY_BYTES;
  /** Which text of the reader `src` is (the reader numbers its texts). */
  srcId = -1;
  /**
   * How many cell texts read so far were not valid UTF-8 (and so hold U+FFFD): a reader compares
   * it before and after a record to learn that the record holds such text.
   */
  invalidTexts = 0;
  /** Whether the last `ownText` call met bytes that are not valid UTF-8. */
  lastTextInvalid = false;
  private rowNumbers = new Int32Array(1024);
  /** Per record: 1 a quoted field still open at the end of the file, 2 text that is not valid UTF-8. */
  private flags = new Uint8Array(1024);
  /**
   * Record r's cells are first[r] … first[r + 1] − 1; cell c lies at src[starts[c], ends[c]),
   * or is strings[−1 − starts[c]] when starts[c] < 0. Read-only outside this class (the order
   * reader walks them directly: a method call per cell costs more than the cell).
   */
  first = new Int32Array(1025);
  starts = new Int32Array(16 * 1024);
  ends = new Int32Array(16 * 1024);
  private cells = 0;
  /** Cells held as strings; their start is −1 − their index here. */
  private strings: string[] = [];
  /** Cells' texts by their bytes, kept from batch to batch of one file. */
  private readonly decoded = new TextCache();

  /** Empties the batch (the cache of decoded cells is kept). */
  clear(): void {
    this.length = 0;
    this.cells = 0;
    this.strings.length = 0;
    this.srcId = -1;
  }

  /** The image the next range cells are cut from, and its bytes (found from the image when not given). */
  setSource(src: string, srcId: number, bytes: Uint8Array | null): void {
    this.src = src;
    this.srcId = srcId;
    this.bytes = bytes ?? Buffer.from(src, 'latin1');
  }

  // --- filling -------------------------------------------------------------------------

  beginRecord(row: number): void {
    const r = this.length;
    if (r + 1 >= this.first.length) {
      const n = this.first.length * 2;
      this.rowNumbers = grownInt32(this.rowNumbers, n);
      this.flags = grownUint8(this.flags, n);
      this.first = grownInt32(this.first, n + 1);
    }
    this.rowNumbers[r] = row;
    this.flags[r] = 0;
    this.first[r] = this.cells;
  }

  /** A cell that is src[start, end). */
  addRange(start: number, end: number): void {
    const c = this.cells++;
    if (c === this.starts.length) this.growCells();
    this.starts[c] = start;
    this.ends[c] = end;
  }

  /** A cell given as text. */
  addString(text: string): void {
    const c = this.cells++;
    if (c === this.starts.length) this.growCells();
    this.starts[c] = -1 - this.strings.length;
    this.strings.push(text);
  }

  /** Ends the record; `invalidText`: one of its string cells came from bytes that are not valid UTF-8. */
  endRecord(unterminatedQuote = false, invalidText = false): void {
    const r = this.length++;
    this.flags[r] = (unterminatedQuote ? 1 : 0) | (invalidText ? 2 : 0);
    this.first[this.length] = this.cells;
  }

  /** Appends a record given as strings. */
  addRecord(record: SourceRecord): void {
    this.beginRecord(record.row);
    for (const f of record.fields) this.addString(f);
    this.endRecord(record.unterminatedQuote === true);
  }

  static of(records: readonly SourceRecord[]): RecordBatch {
    const b = new RecordBatch();
    for (const r of records) b.addRecord(r);
    return b;
  }

  // --- reading -------------------------------------------------------------------------

  row(r: number): number {
    return this.rowNumbers[r]!;
  }

  unterminatedQuote(r: number): boolean {
    return (this.flags[r]! & 1) !== 0;
  }

  /** Did record r come with string cells decoded from bytes that are not valid UTF-8? */
  heldInvalidText(r: number): boolean {
    return (this.flags[r]! & 2) !== 0;
  }

  /** Is cell k of record r text that was not valid UTF-8 (its bytes, or U+FFFD in a string cell)? */
  cellIsInvalidText(r: number, k: number): boolean {
    const c = this.first[r]! + k;
    if (k < 0 || c >= this.first[r + 1]!) return false;
    const s = this.starts[c]!;
    if (s < 0) return this.strings[-1 - s]!.includes(REPLACEMENT);
    return !isUtf8(this.bytes.subarray(s, this.ends[c]!));
  }

  cellCount(r: number): number {
    return this.first[r + 1]! - this.first[r]!;
  }

  /** Cell k of record r as text, '' beyond the record's last cell. */
  cell(r: number, k: number): string {
    const c = this.first[r]! + k;
    if (k < 0 || c >= this.first[r + 1]!) return '';
    const s = this.starts[c]!;
    if (s < 0) return this.strings[-1 - s]!;
    return this.text(s, this.ends[c]!);
  }

  /** src[start, end) as text: decoded from its bytes when they are UTF-8 beyond ASCII. */
  text(start: number, end: number): string {
    const bytes = this.bytes;
    for (let i = start; i < end; i++) {
      if (bytes[i]! >= 0x80) return this.decoded.get(this, start, end);
    }
    return this.src.slice(start, end);
  }

  /**
   * src[start, end) as text, the same string object for the same text as long as the cache has
   * room: for columns of few distinct values (categories, statuses, regions), which are then
   * decoded once and which maps downstream find at once.
   */
  sharedText(start: number, end: number): string {
    return this.decoded.get(this, start, end);
  }

  /** How many distinct texts the file's cache holds (each decoded once). */
  get cachedTexts(): number {
    return this.decoded.size;
  }

  /**
   * The text of src[start, end) as a string of its own, decoded from its bytes. Bytes that are
   * not UTF-8 become U+FFFD, as everywhere; that is counted (`invalidTexts`) so it can be told.
   */
  ownText(start: number, end: number): string {
    const text = Buffer.prototype.toString.call(this.bytes, 'utf8', start, end);
    // U+FFFD in the text is rare; only then are the bytes checked (the file may hold U+FFFD itself).
    this.lastTextInvalid = text.includes(REPLACEMENT) && !isUtf8(this.bytes.subarray(start, end));
    if (this.lastTextInvalid) this.invalidTexts++;
    return text;
  }

  /**
   * The first character of cell k of record r after ASCII whitespace: -1 when there is none
   * (empty or ASCII spaces only). A code ≥ 0x80 (in a UTF-8 image, the first byte of a longer
   * character) may still be whitespace: look at the text to be sure.
   */
  firstChar(r: number, k: number): number {
    const c = this.first[r]! + k;
    if (c >= this.first[r + 1]!) return -1;
    let s = this.starts[c]!;
    let src = this.src;
    let e: number;
    if (s < 0) {
      src = this.strings[-1 - s]!;
      s = 0;
      e = src.length;
    } else {
      e = this.ends[c]!;
    }
    for (; s < e; s++) {
      const ch = src.charCodeAt(s);
      if (!(ch === 32 || (ch >= 9 && ch <= 13))) return ch;
    }
    return -1;
  }

  /** Every cell of record r as text. */
  fields(r: number): string[] {
    const n = this.cellCount(r);
    const out = new Array<string>(n);
    for (let k = 0; k < n; k++) out[k] = this.cell(r, k);
    return out;
  }

  record(r: number): SourceRecord {
    const rec: SourceRecord = { row: this.row(r), fields: this.fields(r) };
    if (this.unterminatedQuote(r)) rec.unterminatedQuote = true;
    return rec;
  }

  records(): SourceRecord[] {
    const out: SourceRecord[] = [];
    for (let r = 0; r < this.length; r++) out.push(this.record(r));
    return out;
  }

  private growCells(): void {
    const n = this.starts.length * 2;
    this.starts = grownInt32(this.starts, n);
    this.ends = grownInt32(this.ends, n);
  }
}

/**
 * Texts of cells by their characters in the scanned text: categories, regions, statuses, SKUs
 * and product names repeat on most lines, so each is decoded (or copied) once instead of once
 * per line. The table doubles as it fills, up to MAX_SLOTS (a shop's SKUs run to tens of
 * thousands); past that it stops taking new texts (a column of free text then decodes every time).
 */
export class TextCache {
  private static readonly FIRST_SLOTS = 1 << 13;
  private static readonly MAX_SLOTS = 1 << 17;
  private slotCount = TextCache.FIRST_SLOTS;
  /** Entries held before the table doubles (three quarters full). */
  private limit = (TextCache.FIRST_SLOTS * 3) >> 2;
  /** Per slot: the text's hash and its entry + 1 (0: empty). */
  private slots = new Int32Array(2 * TextCache.FIRST_SLOTS);
  /** Per entry: the text's hash, where its bytes are in the arena, how many, and its text. */
  private hashes = new Int32Array(this.limit);
  private starts = new Int32Array(this.limit);
  private lengths = new Int32Array(this.limit);
  /** Per entry: 1 when its bytes are not valid UTF-8 (each read of it is counted on the batch). */
  private invalid = new Uint8Array(this.limit);
  private readonly values: string[] = [];
  private arena = new Uint8Array(1 << 14);
  private used = 0;

  get size(): number {
    return this.values.length;
  }

  get(batch: RecordBatch, start: number, end: number): string {
    const bytes = batch.bytes;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    h ^= h >>> 15;
    const mask = this.slotCount - 1;
    const slots = this.slots;
    let slot = h & mask;
    const n = end - start;
    for (;;) {
      const entry = slots[2 * slot + 1]! - 1;
      if (entry < 0) break;
      if (slots[2 * slot] === h && this.lengths[entry] === n && this.matches(entry, bytes, start, n)) {
        if (this.invalid[entry] === 1) batch.invalidTexts++;
        return this.values[entry]!;
      }
      slot = (slot + 1) & mask;
    }
    const text = batch.ownText(start, end);
    const entry = this.values.length;
    if (entry >= this.limit && !this.grow()) return text;
    if (this.used + n > this.arena.length) {
      const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + n));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
    }
    this.arena.set(bytes.subarray(start, end), this.used);
    this.hashes[entry] = h;
    this.starts[entry] = this.used;
    this.lengths[entry] = n;
    if (batch.lastTextInvalid) this.invalid[entry] = 1;
    this.used += n;
    this.values.push(text);
    this.place(h, entry);
    return text;
  }

  /** Doubles the table (every entry placed again by its hash); false once at MAX_SLOTS. */
  private grow(): boolean {
    if (this.slotCount >= TextCache.MAX_SLOTS) return false;
    this.slotCount *= 2;
    this.limit = (this.slotCount * 3) >> 2;
    this.slots = new Int32Array(2 * this.slotCount);
    this.hashes = grownInt32(this.hashes, this.limit);
    this.starts = grownInt32(this.starts, this.limit);
    this.lengths = grownInt32(this.lengths, this.limit);
    this.invalid = grownUint8(this.invalid, this.limit);
    for (let e = 0; e < this.values.length; e++) this.place(this.hashes[e]!, e);
    return true;
  }

  private place(h: number, entry: number): void {
    const mask = this.slotCount - 1;
    const slots = this.slots;
    let slot = h & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = h;
    slots[2 * slot + 1] = entry + 1;
  }

  private matches(entry: number, bytes: Uint8Array, start: number, n: number): boolean {
    const a = this.arena;
    const p = this.starts[entry]!;
    for (let i = 0; i < n; i++) if (a[p + i] !== bytes[start + i]) return false;
    return true;
  }
}

function grownInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

function grownUint8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}
