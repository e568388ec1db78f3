// Reads every export a workspace names and streams canonical rows out of them. Order lines
// go to a callback one at a time (they can run to millions); the small daily tables are
// returned whole. Duplicate lines across overlapping exports are passed on once.
import path from 'node:path';
import type { OrderLine, TableName } from '../canonical.js';
import { expandGlobs } from '../config/load.js';
import type { SourceConfig, WorkspaceConfig } from '../config/schema.js';
import { openCsv, type CsvRecord } from './csv.js';
import { planColumns, normalizeHeader, type ColumnPlan } from './mapping.js';
import { presetFor } from './presets/index.js';
import { ProblemLog } from './problems.js';
import { readCells, toOrderLine, type CellProblem, type CellValue, type RowContext } from './rows.js';
import { inferDateOrder, type DateOrder } from './values.js';

export interface SkipCounts {
  blank: number;
  repeatedHeader: number;
  summary: number;
  invalid: number;
  duplicate: number;
}

export interface FileSummary {
  /** Path relative to the workspace folder, as people wrote it. */
  file: string;
  platform: string;
  table: TableName;
  preset: string;
  encoding: string;
  bytes: number;
  /** Data records after the header. */
  rowsRead: number;
  rowsKept: number;
  skipped: SkipCounts;
  /** Earliest and latest paid/created instant (order lines) or date (daily tables). */
  firstAt: number | string | null;
  lastAt: number | string | null;
}

export type TableRow = Record<string, CellValue>;

export interface IngestResult {
  files: FileSummary[];
  problems: ProblemLog;
  /** Rows of the tables other than order_lines, by table. */
  tables: Partial<Record<Exclude<TableName, 'order_lines'>, TableRow[]>>;
  /** Distinct order lines passed to `onOrderLine`. */
  orderLines: number;
}

export interface IngestOptions {
  baseDir: string;
  onOrderLine: (line: OrderLine) => void;
  onFileStart?: (file: string, bytes: number) => void;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
  onFileDone?: (summary: FileSummary) => void;
}

const SUMMARY_ROW = /^(合计|总计|小计|汇总|total|totals|grand total|sum|summary)\b/i;

export async function ingestWorkspace(config: WorkspaceConfig, options: IngestOptions): Promise<IngestResult> {
  const problems = new ProblemLog();
  const files: FileSummary[] = [];
  const tables: IngestResult['tables'] = {};
  // key → paid amount × 1024 + index of the file it was first seen in (names it in conflicts).
  const seenLines = new Map<string, number>();
  let orderLines = 0;

  for (const [sourceIndex, source] of config.sources.entries()) {
    const preset = presetFor(source.preset, source.table);
    if (!preset) {
      problems.error(
        `preset '${source.preset}' cannot read table '${source.table}'`,
        { path: `sources[${sourceIndex}]` },
        `use preset: generic for ${source.table}, or map the columns with columns:`,
      );
      continue;
    }
    const paths = await expandGlobs(source.files, options.baseDir);
    if (paths.length === 0) {
      problems.error(
        `files ${JSON.stringify(source.files)} matched no files`,
        { path: `sources[${sourceIndex}].files` },
        `globs are relative to ${options.baseDir}`,
      );
      continue;
    }
    for (const absolute of paths) {
      const display = path.relative(options.baseDir, absolute) || absolute;
      const ext = path.extname(absolute).toLowerCase();
      if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm') {
        problems.error(
          'Excel workbooks are not read by this version',
          { file: display },
          'save the sheet as CSV (UTF-8) and point files: at the .csv',
        );
        continue;
      }
      const summary = await readCsvSource({
        absolute,
        display,
        source,
        preset,
        config,
        problems,
        fileIndex: files.length,
        fileNames: files.map((f) => f.file),
        options,
        seenLines,
        emit: (line) => {
          orderLines++;
          options.onOrderLine(line);
        },
        pushRow: (row) => {
          if (source.table === 'order_lines') return;
          // The source's platform, for files without a platform column ('all' means mixed).
          if (source.platform !== 'all') row['__platform'] = source.platform;
          (tables[source.table] ??= []).push(row);
        },
      });
      if (summary) {
        files.push(summary);
        options.onFileDone?.(summary);
      }
    }
  }
  return { files, problems, tables, orderLines };
}

interface ReadArgs {
  absolute: string;
  display: string;
  source: SourceConfig;
  preset: NonNullable<ReturnType<typeof presetFor>>;
  config: WorkspaceConfig;
  problems: ProblemLog;
  fileIndex: number;
  fileNames: string[];
  options: IngestOptions;
  seenLines: Map<string, number>;
  emit: (line: OrderLine) => void;
  pushRow: (row: TableRow) => void;
}

async function readCsvSource(args: ReadArgs): Promise<FileSummary | undefined> {
  const { display, source, preset, problems } = args;
  let csv;
  try {
    csv = await openCsv(args.absolute, {
      encoding: source.encoding,
      onProgress: (read, total) => args.options.onProgress?.(display, read, total, summary.rowsRead),
    });
  } catch (err) {
    problems.error(`cannot read file: ${(err as Error).message}`, { file: display }, 'check that the file exists and is readable');
    return undefined;
  }
  args.options.onFileStart?.(display, csv.totalBytes);
  const summary: FileSummary = {
    file: display,
    platform: source.platform,
    table: source.table,
    preset: source.preset,
    encoding: csv.encoding,
    bytes: csv.totalBytes,
    rowsRead: 0,
    rowsKept: 0,
    skipped: { blank: 0, repeatedHeader: 0, summary: 0, invalid: 0, duplicate: 0 },
    firstAt: null,
    lastAt: null,
  };

  let header: string[] | undefined;
  let headerKey = '';
  let plan: ColumnPlan | undefined;
  let ctx: RowContext | undefined;
  let statusHeader = 'status';
  const cellProblems: CellProblem[] = [];
  // Occurrence of (order, sku) inside this file, for exports that have no line id column.
  const occurrences = new Map<string, number>();

  for await (const batch of csv.batches()) {
    let start = 0;
    if (!header) {
      const first = batch.findIndex((r) => !isBlank(r));
      if (first < 0) continue;
      header = batch[first]!.fields;
      headerKey = header.map(normalizeHeader).join('\u0000');
      const mapped = planColumns(header, preset, source.columns);
      for (const p of mapped.problems) {
        problems.error(p.message, { file: display, row: batch[first]!.row, column: p.column }, p.hint);
      }
      if (mapped.problems.length > 0) return summary;
      plan = mapped.plan;
      statusHeader = plan.bindings.find((b) => b.field === 'status')?.header ?? 'status';
      const dateOrder = decideDateOrder(batch.slice(first + 1), plan, source.dateOrder);
      if (typeof dateOrder === 'object') {
        problems.add({
          severity: 'error',
          message: 'dates could be day-first or month-first, e.g.',
          value: dateOrder.example,
          file: display,
          row: dateOrder.row,
          column: dateOrder.column,
          hint: 'set dateOrder: DMY or dateOrder: MDY on this source in ecom-report.yaml',
        });
        return summary;
      }
      ctx = { timeZone: source.timezone ?? args.config.timezone, dateOrder, amountsIn: source.amountsIn, preset };
      start = first + 1;
    }
    for (let i = start; i < batch.length; i++) {
      const record = batch[i]!;
      handleRecord(record);
    }
  }
  if (!header) {
    problems.warning('the file is empty', { file: display }, 'export it again, or remove it from files:');
  }
  return summary;

  function handleRecord(record: CsvRecord): void {
    if (isBlank(record)) {
      summary.skipped.blank++;
      return;
    }
    summary.rowsRead++;
    if (record.fields.map(normalizeHeader).join('\u0000') === headerKey) {
      summary.skipped.repeatedHeader++;
      return;
    }
    const firstCell = record.fields.find((f) => f.trim() !== '')?.trim() ?? '';
    if (SUMMARY_ROW.test(firstCell)) {
      summary.skipped.summary++;
      return;
    }
    if (record.unterminatedQuote) {
      problems.error('a quoted field is never closed', { file: display, row: record.row }, 'check for a stray " in this row');
      summary.skipped.invalid++;
      return;
    }
    cellProblems.length = 0;
    const cells = readCells(record.fields, plan!, ctx!, cellProblems);
    let fatal = cellProblems.some((p) => p.fatal);
    if (source.table === 'order_lines' && !fatal) {
      const line = toOrderLine(cells, source.platform, ctx!, cellProblems, statusHeader);
      if (!line) fatal = true;
      else acceptLine(line, record.row);
    } else if (!fatal) {
      summary.rowsKept++;
      noteRange(summary, (cells['date'] ?? cells['created_at'] ?? cells['ordered_at'] ?? null) as number | string | null);
      args.pushRow(cells);
    }
    for (const p of cellProblems) {
      problems.add({
        severity: p.fatal ? 'error' : 'warning',
        message: p.fatal ? p.message : `${p.message} (cell left empty)`,
        value: p.value,
        hint: p.hint,
        file: display,
        row: record.row,
        column: p.column,
      });
    }
    if (fatal) summary.skipped.invalid++;
  }

  function acceptLine(line: Omit<OrderLine, 'lineId'> & { lineId: string | null }, row: number): void {
    let lineId = line.lineId;
    if (lineId === null) {
      const base = line.sku ?? '';
      const key = `${line.orderId}\u0000${base}`;
      const n = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, n);
      lineId = n === 1 ? base || '#1' : `${base}#${n}`;
    }
    const key = `${line.platform}\u0000${line.orderId}\u0000${lineId}`;
    const seen = args.seenLines.get(key);
    if (seen !== undefined) {
      summary.skipped.duplicate++;
      const firstAmount = Math.round((seen - (((seen % 1024) + 1024) % 1024)) / 1024);
      if (firstAmount !== line.paidAmountMinor) {
        const firstFile = args.fileNames[((seen % 1024) + 1024) % 1024] ?? display;
        problems.warning(
          `order ${line.orderId} line ${lineId} also appears in ${firstFile} with a different paid amount; the first one is kept`,
          { file: display, row },
          'remove the overlap or re-export one of the files',
        );
      }
      return;
    }
    args.seenLines.set(key, line.paidAmountMinor * 1024 + (args.fileIndex % 1024));
    summary.rowsKept++;
    noteRange(summary, line.paidAt ?? line.createdAt);
    args.emit({ ...line, lineId });
  }
}

function noteRange(summary: FileSummary, at: number | string | null): void {
  if (at === null) return;
  if (summary.firstAt === null || at < summary.firstAt) summary.firstAt = at;
  if (summary.lastAt === null || at > summary.lastAt) summary.lastAt = at;
}

function isBlank(record: CsvRecord): boolean {
  return record.fields.every((f) => f.trim() === '');
}

interface AmbiguousDates {
  column: string;
  row: number;
  example: string;
}

/**
 * The source's setting, or what the file's own dates make unambiguous (a day above 12 in
 * either place settles it). Undecidable dates are an error, never a guess.
 */
function decideDateOrder(
  sample: readonly CsvRecord[],
  plan: ColumnPlan,
  configured: DateOrder | undefined,
): DateOrder | AmbiguousDates | undefined {
  if (configured) return configured;
  const dateColumns = plan.bindings.filter((b) => b.spec.kind === 'instant' || b.spec.kind === 'date');
  let decided: DateOrder | undefined;
  for (const b of dateColumns) {
    const verdict = inferDateOrder(sample.map((r) => r.fields[b.index] ?? ''));
    if (verdict === 'ambiguous') {
      const hit = sample.find((r) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(r.fields[b.index] ?? ''));
      return { column: b.header, row: hit?.row ?? 2, example: (hit?.fields[b.index] ?? '').trim() };
    }
    if (verdict === 'DMY' || verdict === 'MDY') decided = verdict;
  }
  return decided;
}
