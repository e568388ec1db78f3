// One way to open any export the workspace names: CSV/TSV text, .xlsx/.xlsm workbooks
// (streamed) or legacy .xls workbooks. Each yields record batches in the CSV reader's shape,
// so the row pipeline does not care which kind of file a row came from.
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
 * Opens an export by its extension. A workbook that cannot be read as asked (not a workbook,
 * no such sheet) throws a WorkbookProblem, from here or, for streamed workbooks, from
 * `batches()`.
 */
export async function openRecords(file: string, options: OpenOptions = {}): Promise<RecordSource> {
  switch (fileKind(file)) {
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
