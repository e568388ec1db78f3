// One way to open any export the workspace names: CSV/TSV text, .xlsx/.xlsm workbooks
// (streamed) or legacy .xls workbooks. Each yields record batches in the CSV reader's shape,
// so the row pipeline does not care which kind of file a row came from.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { openCsv, type EncodingChange } from './csv.js';
import { detectEncoding } from './encoding.js';
import { WorkbookProblem, openXlsx } from './excel.js';
import { RecordBatch, type SourceRecord } from './record-batch.js';
import { openXls } from './xls.js';

export type { SourceRecord };
export { RecordBatch, WorkbookProblem };

export interface RecordSource {
  /** The text encoding for CSV (final once the file is read); 'xlsx' or 'xls' for workbooks. */
  readonly encoding: string;
  /** CSV only, final once the file is read: where a file changes from one encoding to another. */
  readonly encodingChanges?: readonly EncodingChange[];
  totalBytes: number;
  /**
   * Record batches in file order; the first non-blank record is the header. A batch is only
   * valid until the next one is asked for.
   */
  batches(): AsyncIterable<RecordBatch>;
}

export interface OpenOptions {
  encoding?: 'auto' | 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';
  /** Workbooks only: sheet name or 1-based position. */
  sheet?: string | number;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export type FileKind = 'csv' | 'xlsx' | 'xls';

export function fileKind(file: string): FileKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls') return 'xls';
  return 'csv';
}

/**
 * What the file's first bytes say it is, where they say: a zip package (an .xlsx workbook) or an
 * OLE compound file (a legacy .xls workbook, or an .xlsx saved with a password). Otherwise its
 * extension decides.
 */
export async function contentKind(file: string): Promise<FileKind> {
  return (await sniff(file)).kind;
}

/** The kind, and for a file that would be read as text, its first bytes to check they are text. */
async function sniff(file: string): Promise<{ kind: FileKind; head: Buffer }> {
  const byName = fileKind(file);
  const head = Buffer.alloc(SNIFF_BYTES);
  const handle = await open(file, 'r');
  let n: number;
  try {
    ({ bytesRead: n } = await handle.read(head, 0, SNIFF_BYTES, 0));
  } finally {
    await handle.close();
  }
  const got = head.subarray(0, n);
  if (n >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { kind: 'xlsx', head: got };
  if (n >= 8 && head.subarray(0, 8).equals(OLE_SIGNATURE)) return { kind: 'xls', head: got };
  return { kind: byName, head: got };
}

const SNIFF_BYTES = 4096;

/** Files people save by mistake where an export should be, told by their first bytes. */
const NOT_TEXT: Array<[signature: number[], what: string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7z archive'],
];

/**
 * Why bytes that would be read as CSV are not text, if they are not: a known binary format, or
 * zero bytes that are not UTF-16's (text in UTF-8 or GBK never holds one). Read as text such a
 * file gives one garbled "header" and a flood of missing-column errors instead of the reason.
 */
export function notTextReason(head: Uint8Array, encoding: OpenOptions['encoding']): string | undefined {
  for (const [signature, what] of NOT_TEXT) {
    if (head.length >= signature.length && signature.every((b, i) => head[i] === b)) return `this is ${what}, not a CSV export`;
  }
  if (encoding === 'utf16le' || encoding === 'utf16be') return undefined;
  if (!head.includes(0)) return undefined;
  const textual = detectEncoding(head);
  if (textual === 'utf16le' || textual === 'utf16be') return undefined;
  return 'this is not a text file (it holds binary data), so it cannot be read as a CSV export';
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Opens an export as what its content says (an .xlsx saved as .csv is still a workbook), else by
 * its extension. A workbook that cannot be read as asked (not a workbook, no such sheet) throws
 * a WorkbookProblem, from here or, for streamed workbooks, from `batches()`.
 */
export async function openRecords(file: string, options: OpenOptions = {}): Promise<RecordSource> {
  const { kind, head } = await sniff(file);
  switch (kind) {
    case 'xlsx':
      return asBatches(await openXlsx(file, { sheet: options.sheet, onProgress: options.onProgress }));
    case 'xls':
      return asBatches(
        await openXls(file, {
          sheet: options.sheet,
          onProgress: options.onProgress,
          // `encoding: gb18030` on a source also names the code page of a BIFF5 workbook that
          // does not declare its own.
          codepage: options.encoding === 'gb18030' ? 936 : undefined,
        }),
      );
    case 'csv': {
      const reason = notTextReason(head, options.encoding);
      if (reason) {
        throw new WorkbookProblem(reason, 'export the data again from the platform as CSV or Excel, and check the files: glob picks only exports');
      }
      const csv = await openCsv(file, { encoding: options.encoding, onProgress: options.onProgress });
      return {
        // Read when asked: reading may find the encoding was not what the file's start said.
        get encoding() {
          return csv.encoding;
        },
        get encodingChanges() {
          return csv.encodingChanges;
        },
        totalBytes: csv.totalBytes,
        batches: csv.recordBatches,
      };
    }
  }
}

/** A workbook's rows (strings already) as record batches. */
function asBatches(source: { encoding: string; totalBytes: number; batches(): AsyncIterable<SourceRecord[]> }): RecordSource {
  return {
    encoding: source.encoding,
    totalBytes: source.totalBytes,
    async *batches() {
      const batch = new RecordBatch();
      for await (const records of source.batches()) {
        batch.clear();
        for (const r of records) batch.addRecord(r);
        yield batch;
      }
    },
  };
}
