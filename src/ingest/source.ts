// One way to open any export the workspace names: CSV/TSV text, .xlsx/.xlsm workbooks
// (streamed) or legacy .xls workbooks. Each yields record batches in the CSV reader's shape,
// so the row pipeline does not care which kind of file a row came from.
import { open } from 'node:fs/promises';
import path from 'node:path';
import { openCsv } from './csv.js';
import { WorkbookProblem, openXlsx } from './excel.js';
import { RecordBatch, type SourceRecord } from './record-batch.js';
import { openXls } from './xls.js';

export type { SourceRecord };
export { RecordBatch, WorkbookProblem };

export interface RecordSource {
  /** The text encoding for CSV (final once the file is read); 'xlsx' or 'xls' for workbooks. */
  readonly encoding: string;
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
  const byName = fileKind(file);
  const head = Buffer.alloc(8);
  const handle = await open(file, 'r');
  let n: number;
  try {
    ({ bytesRead: n } = await handle.read(head, 0, 8, 0));
  } finally {
    await handle.close();
  }
  if (n >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (n === 8 && head.equals(OLE_SIGNATURE)) return 'xls';
  return byName;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Opens an export as what its content says (an .xlsx saved as .csv is still a workbook), else by
 * its extension. A workbook that cannot be read as asked (not a workbook, no such sheet) throws
 * a WorkbookProblem, from here or, for streamed workbooks, from `batches()`.
 */
export async function openRecords(file: string, options: OpenOptions = {}): Promise<RecordSource> {
  switch (await contentKind(file)) {
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
      const csv = await openCsv(file, { encoding: options.encoding, onProgress: options.onProgress });
      return {
        // Read when asked: reading may find the encoding was not what the file's start said.
        get encoding() {
          return csv.encoding;
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
