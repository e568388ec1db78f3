// Reader for legacy .xls workbooks (BIFF5/BIFF8, as old 淘宝/千牛 and ERP exports still are)
// through SheetJS. BIFF has no streaming reader: the file is read whole, which legacy sizes
// (at most 65,536 rows a sheet) allow. Rows come out as the CSV reader's record batches.
//
// Text in BIFF8 is UTF-16, but BIFF5 and 8-bit strings use the workbook's code page (936 =
// GBK for Chinese Excel), so SheetJS is given its code-page tables before reading.
import { readFile } from 'node:fs/promises';
import type { CsvRecord } from './csv.js';
import {
  WorkbookProblem,
  chooseSheet,
  emptySheetProblem,
  excelSerialToWallMs,
  numberCellText,
  wallTimeText,
  type WorkbookOptions,
  type WorkbookSource,
} from './excel.js';

export interface XlsOptions extends WorkbookOptions {
  /** Code page for workbooks that do not declare one (936 = GBK); default SheetJS's 1252. */
  codepage?: number;
}

// SheetJS's own typings call the module `any` in places; these are the parts used here.
interface SheetCell {
  t: 'b' | 'e' | 'n' | 'd' | 's' | 'z';
  v?: unknown;
  w?: string;
  z?: string | number;
}
interface Sheet {
  '!ref'?: string;
  '!data'?: (SheetCell[] | undefined)[];
}
interface SheetJs {
  read(data: Buffer, opts: Record<string, unknown>): {
    SheetNames: string[];
    Sheets: Record<string, Sheet>;
    Workbook?: { WBProps?: { date1904?: boolean } };
  };
  set_cptable(table: unknown): void;
  utils: { decode_range(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } };
  SSF: { is_date(format: string | number): boolean };
}

let sheetJs: Promise<SheetJs> | undefined;

/** Loads SheetJS and its code-page tables once, on the first .xls. */
function loadSheetJs(): Promise<SheetJs> {
  sheetJs ??= (async () => {
    const [xlsx, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
    const lib = xlsx as unknown as SheetJs;
    lib.set_cptable(cptable);
    return lib;
  })();
  return sheetJs;
}

export async function openXls(path: string, options: XlsOptions = {}): Promise<WorkbookSource> {
  const bytes = await readFile(path);
  const lib = await loadSheetJs();
  let workbook: ReturnType<SheetJs['read']>;
  try {
    workbook = lib.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellFormula: false,
      ...(options.codepage ? { codepage: options.codepage } : {}),
    });
  } catch (err) {
    throw new WorkbookProblem(
      `not a readable .xls workbook (${(err as Error).message})`,
      'open it in Excel and save it again (as .xlsx), or export the data as CSV',
    );
  }
  const position = chooseSheet(workbook.SheetNames, options.sheet);
  if (position instanceof WorkbookProblem) throw position;
  const sheet = workbook.Sheets[workbook.SheetNames[position - 1]!] ?? {};
  if (workbook.SheetNames.length > 1 && !hasFilledCell(sheet)) throw emptySheetProblem(position, workbook.SheetNames[position - 1]!, workbook.SheetNames);
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const batchSize = Math.max(1, options.batchSize ?? 1024);
  const isDate = (format: string | number | undefined): boolean => {
    if (format === undefined || format === 'General') return false;
    try {
      return lib.SSF.is_date(format);
    } catch {
      return false;
    }
  };

  function cellText(cell: SheetCell | undefined): string {
    if (!cell) return '';
    switch (cell.t) {
      case 's':
        return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
      case 'n': {
        const n = cell.v as number;
        return isDate(cell.z) ? wallTimeText(new Date(excelSerialToWallMs(n, date1904))) : numberCellText(n);
      }
      case 'b':
        return cell.v ? 'true' : 'false';
      case 'd':
        return cell.v instanceof Date ? wallTimeText(cell.v) : String(cell.v ?? '');
      case 'e':
        return cell.w ?? '#ERROR';
      default:
        return '';
    }
  }

  async function* batches(): AsyncGenerator<CsvRecord[]> {
    options.onProgress?.(bytes.length, bytes.length);
    const ref = sheet['!ref'];
    const data = sheet['!data'];
    if (!ref || !data) return;
    const range = lib.utils.decode_range(ref);
    let batch: CsvRecord[] = [];
    for (let r = range.s.r; r <= range.e.r; r++) {
      const cells = data[r];
      const fields = new Array<string>(range.e.c + 1).fill('');
      if (cells) for (let c = range.s.c; c <= range.e.c; c++) fields[c] = cellText(cells[c]);
      batch.push({ row: r + 1, fields });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  return { encoding: 'xls', totalBytes: bytes.length, batches };
}

/** Does the sheet hold any cell with a value (the whole sheet is in memory already)? */
function hasFilledCell(sheet: { '!data'?: unknown }): boolean {
  const data = sheet['!data'] as Array<Array<{ v?: unknown } | undefined> | undefined> | undefined;
  if (!data) return false;
  for (const row of data) {
    if (!row) continue;
    for (const cell of row) if (cell && cell.v !== undefined && cell.v !== null && String(cell.v).trim() !== '') return true;
  }
  return false;
}
