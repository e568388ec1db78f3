// Streaming reader for .xlsx/.xlsm workbooks: one sheet's rows as the same record batches the
// CSV reader yields, so the row pipeline treats both alike. The file is read through exceljs's
// streaming WorkbookReader, so memory stays flat (only the shared-string table is held).
//
// Cells become text the value parsers read: numbers in their shortest exact decimal form,
// dates as wall-clock text (`2026-07-01 09:05:00`), booleans as true/false, formulas as their
// cached result. Text cells stay text, so ids written as text keep their leading zeros.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { nearest } from '../config/suggest.js';
import type { CsvRecord } from './csv.js';
import { guardZipEnd } from './zip-end.js';

guardZipEnd();

/**
 * A workbook that cannot be read as asked: the message names what is wrong, the hint the fix.
 * `setting` is the source setting at fault (a sheet that is not there), if any; without one the
 * file itself is (damaged, not a workbook).
 */
export class WorkbookProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly setting?: 'sheet',
  ) {
    super(message);
    this.name = 'WorkbookProblem';
  }
}

export interface WorkbookOptions {
  /** Sheet name (case and surrounding spaces ignored) or 1-based position; default the first. */
  sheet?: string | number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** @internal Records per batch (default 1024). */
  batchSize?: number;
}

export interface WorkbookSource {
  /** Shown where CSV files show their text encoding. */
  encoding: string;
  totalBytes: number;
  /** Record batches of the chosen sheet in row order; rows are numbered as the sheet shows them. */
  batches(): AsyncIterable<CsvRecord[]>;
}

const BATCH_SIZE = 1024;
const PROGRESS_STEP = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Cell values → text

/**
 * A numeric cell as text. Excel keeps 15 significant digits, so the binary noise of formulas
 * (731.9399999999999) is rounded away at that precision. A whole number of 16 or more digits
 * has lost digits already (an order number stored as a number): it is written in scientific
 * form, which the id parser reports ("stored as a number and lost its digits") and the amount
 * parser refuses, instead of passing on wrong digits that look right.
 */
export function numberCellText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e15 ? String(n) : n.toExponential();
  if (Math.abs(n) >= 1e15) return n.toExponential();
  // The shortest text that reads back as n: when it has at most 15 digits it is already on the
  // 15-digit grid, and n (within half an ulp of it, far less than half a grid step) rounds to it.
  // Most cells (prices, amounts) end here, with one conversion instead of three.
  const shortest = String(n);
  if (shortest.length <= (n < 0 ? 17 : 16) && !shortest.includes('e')) return shortest;
  const rounded = Number(n.toPrecision(15));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  // Below 1e-6 String() switches to exponent form; such cells are formula residue (5.6e-17).
  return rounded.toFixed(20).replace(/\.?0+$/, '');
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * A spreadsheet date as naive wall-clock text. Spreadsheet readers hand dates over as `Date`
 * objects whose UTC fields are the time the sheet shows; the time zone of the workspace gives
 * them their instant later, exactly as for CSV text.
 */
export function wallTimeText(date: Date): string {
  const t = date.getTime();
  if (Number.isNaN(t)) return 'Invalid Date';
  const ms = date.getUTCMilliseconds();
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ` +
    `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`)
  );
}

/** Wall-clock ms (UTC fields = wall time) of an Excel serial day number. */
export function excelSerialToWallMs(serial: number, date1904: boolean): number {
  let days = serial;
  if (date1904) days += 1462;
  // The 1900 system counts a 29 Feb 1900 that never was: serials before it are a day early.
  else if (days < 60) days += 1;
  return Math.round((days - 25569) * 86_400_000);
}

/** exceljs cell value → text (see the module note). */
export function excelCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return numberCellText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return wallTimeText(value);
  const v = value as {
    richText?: { text?: string }[];
    text?: unknown;
    result?: unknown;
    formula?: string;
    sharedFormula?: string;
    error?: string;
  };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    // A formula with no stored result is shown as the formula: reading it as empty would
    // quietly drop its value. exceljs's streaming reader loses the result of a formula that
    // failed (`<c t="e"><f>…</f><v>#DIV/0!</v>`), and programs that do not calculate store none.
    if (v.result === undefined && typeof v.formula === 'string') return `=${v.formula}`;
    return excelCellText(v.result);
  }
  if (v.error !== undefined) return v.error;
  if (v.text !== undefined) return excelCellText(v.text);
  return '';
}

// ---------------------------------------------------------------------------------------------
// Sheet choice

/** Position (1-based) of the wanted sheet among `names`, or a problem listing them. */
/** The chosen sheet is empty while the workbook has others: the export is probably on one of them. */
export function emptySheetProblem(position: number, name: string, sheets: readonly string[]): WorkbookProblem {
  return new WorkbookProblem(
    `sheet ${position} ('${name}') is empty`,
    `the workbook's sheets are ${sheets.map((n) => `'${n}'`).join(', ')}; set sheet: to the one that holds the export (its name or 1-based position)`,
    'sheet',
  );
}

export function chooseSheet(names: readonly string[], wanted: string | number | undefined): number | WorkbookProblem {
  if (names.length === 0) return new WorkbookProblem('the workbook has no sheets', 'open it in Excel and save it again');
  if (wanted === undefined) return 1;
  const list = names.map((n) => `'${n}'`).join(', ');
  if (typeof wanted === 'number') {
    if (wanted >= 1 && wanted <= names.length) return wanted;
    return new WorkbookProblem(`sheet ${wanted} does not exist: the workbook has ${names.length} sheet${names.length === 1 ? '' : 's'}`, `its sheets are ${list}`, 'sheet');
  }
  const key = wanted.trim().toLowerCase();
  const index = names.findIndex((n) => n.trim().toLowerCase() === key);
  if (index >= 0) return index + 1;
  const guess = nearest(wanted, [...names]);
  return new WorkbookProblem(
    `no sheet named '${wanted}' in the workbook`,
    `${guess ? `did you mean '${guess}'? ` : ''}its sheets are ${list}; set sheet: to one of them or to a 1-based position`,
    'sheet',
  );
}

// ---------------------------------------------------------------------------------------------
// .xlsx through exceljs

// The parts of exceljs's streaming classes used here; its typings leave them out.
interface StreamRow {
  number: number;
  values: unknown[] | Record<string, unknown>;
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  id?: number | string;
  name?: string;
  /** What the sheet's rows are parsed from: the zip entry, or a temporary file (see `releaseSheet`). */
  iterator?: unknown;
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  model?: { sheets?: { name: string }[] };
}

/**
 * Does the file end the way a zip package must, with its end-of-central-directory record (in the
 * last 22 bytes, or further back by the length of a comment)? A workbook cut short — a download
 * or copy that stopped — does not, and the streaming reader would wait for the rest forever.
 */
async function endsLikeZip(path: string, size: number): Promise<boolean> {
  const length = Math.min(size, 22 + 0xffff);
  if (length < 22) return false;
  const handle = await open(path, 'r');
  try {
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    for (let i = length - 22; i >= 0; i--) {
      if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}

export async function openXlsx(path: string, options: WorkbookOptions = {}): Promise<WorkbookSource> {
  const { size: totalBytes } = await stat(path);
  if (!(await endsLikeZip(path, totalBytes))) {
    const head = Buffer.alloc(2);
    const handle = await open(path, 'r');
    try {
      await handle.read(head, 0, 2, 0);
    } finally {
      await handle.close();
    }
    // A zip starts with PK: one that does not end like one was cut short.
    throw head[0] === 0x50 && head[1] === 0x4b
      ? new WorkbookProblem('the workbook is incomplete: the file ends before the end of its zip package', 'the download or copy was cut short: export or copy it again')
      : new WorkbookProblem('not a readable .xlsx workbook (it is not a zip package)', 'open it in Excel and save it again as .xlsx, or export the data as CSV');
  }
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    const file = createReadStream(path);
    const counted = new PassThrough();
    let bytesRead = 0;
    let reported = 0;
    file.on('data', (chunk) => {
      bytesRead += chunk.length;
      if (options.onProgress && bytesRead - reported >= PROGRESS_STEP) {
        reported = bytesRead;
        options.onProgress(bytesRead, totalBytes);
      }
    });
    file.on('error', (err) => counted.destroy(err));
    file.pipe(counted);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
      sharedStrings: 'cache',
      // Styles tell date cells from numbers; hyperlinks would replace a cell's value by its link.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as StreamWorkbook;

    const seen: string[] = [];
    let found = false;
    let current: StreamWorksheet | undefined;
    let chosenSource: unknown;
    try {
      for await (const sheet of reader) {
        current = sheet;
        const name = sheet.name ?? `Sheet${seen.length + 1}`;
        seen.push(name);
        // Tab order comes from workbook.xml (read before the sheets in files Excel writes);
        // the order of the sheets in the package stands in for it otherwise.
        const names = reader.model?.sheets?.map((s) => s.name) ?? [];
        const order = names.length > 0 ? names : seen;
        const position = order.indexOf(name) + 1;
        const wanted = chooseSheet(order, options.sheet);
        if (wanted instanceof WorkbookProblem) {
          // A name or position not among the sheets known so far may still come later only when
          // the names are not known up front.
          if (names.length > 0) throw wanted;
          releaseSheet(sheet);
          continue;
        }
        if (wanted !== position) {
          releaseSheet(sheet);
          continue;
        }
        found = true;
        const ending = watchEnding(sheet);
        chosenSource = ending.source;
        let batch: CsvRecord[] = [];
        let lastRow = 0;
        let filled = false;
        for await (const row of sheet) {
          lastRow = row.number;
          const fields = rowFields(row.values);
          if (!filled) filled = fields.some((f) => f !== undefined && f.trim() !== '');
          batch.push({ row: row.number, fields });
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
        if (!ending.complete()) {
          throw new WorkbookProblem(
            `the workbook is incomplete: sheet '${name}' stops in the middle (its data ends after row ${lastRow})`,
            'the file was damaged or cut short when it was written or copied: export it again',
          );
        }
        if (batch.length > 0) yield batch;
        // An empty sheet in a workbook with others (a 说明 sheet before the 订单 one) is not an
        // empty file: the export is probably on another sheet.
        if (!filled && order.length > 1) throw emptySheetProblem(position, name, order);
        break;
      }
      if (!found) {
        const names = reader.model?.sheets?.map((s) => s.name) ?? seen;
        const problem = chooseSheet(names, options.sheet);
        throw problem instanceof WorkbookProblem ? problem : new WorkbookProblem('the sheet could not be read', 'open the workbook in Excel and save it again');
      }
      if (options.onProgress && reported !== bytesRead) options.onProgress(bytesRead, totalBytes);
    } catch (err) {
      if (err instanceof WorkbookProblem) throw err;
      // The zip and XML layers fail with their own words; say what it means for the user.
      throw new WorkbookProblem(
        `not a readable .xlsx workbook (${(err as Error).message})`,
        'open it in Excel and save it again as .xlsx, or export the data as CSV',
      );
    } finally {
      if (current) releaseSheet(current);
      releaseSource(chosenSource);
      file.destroy();
      counted.destroy();
    }
  }

  return { encoding: 'xlsx', totalBytes, batches };
}

/**
 * Lets go of a sheet that will not be read (further). exceljs parks every sheet that comes before the
 * shared strings in the package — as in files Excel writes — in a temporary file, and deletes that file
 * once the reader moves past the sheet. A skipped sheet's file stream may not have opened by then; its
 * open then fails with an 'error' event nobody listens to, which ends the process. Closing the stream,
 * with a listener, keeps that quiet and frees the file handle.
 */
function releaseSheet(sheet: StreamWorksheet): void {
  releaseSource(sheet.iterator);
}

function releaseSource(source: unknown): void {
  if (source instanceof Readable && !source.destroyed) {
    source.on('error', () => {});
    source.destroy();
  }
}

/**
 * Watches the end of a sheet's XML as exceljs reads it. exceljs never closes its XML parser, so a
 * sheet whose XML stops part way — a package re-zipped after a failed write — reads as a shorter
 * sheet without complaint; only the closing `</worksheet>` tag tells a whole sheet from half of one.
 * The check runs before the last batch is handed on, and the file is then an error like any
 * unreadable file, so the build stops unless --allow-partial.
 */
function watchEnding(sheet: StreamWorksheet): { complete(): boolean; source: unknown } {
  const source = sheet.iterator as AsyncIterable<Buffer | string> | undefined;
  if (source === undefined || typeof source[Symbol.asyncIterator] !== 'function') return { source, complete: () => true };
  let tail = '';
  sheet.iterator = (async function* () {
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('latin1', Math.max(0, chunk.length - 64));
      tail = (tail + text).slice(-64);
      yield chunk;
    }
  })();
  return { source, complete: () => /<\/(?:[\w.-]+:)?worksheet>\s*$/.test(tail) };
}

function rowFields(values: StreamRow['values']): string[] {
  // exceljs rows are 1-based sparse arrays (index 0 is always empty).
  if (!Array.isArray(values)) return [];
  const fields = new Array<string>(Math.max(0, values.length - 1));
  for (let c = 1; c < values.length; c++) fields[c - 1] = excelCellText(values[c]);
  return fields;
}
