// Reads every export a workspace names and streams canonical rows out of them. Order lines
// go to a callback one at a time (they can run to millions); the small daily tables are
// returned whole. Duplicate lines across overlapping exports are passed on once.
import path from 'node:path';
import { TABLE_NAMES, type OrderLine, type TableName } from '../canonical.js';
import { expandGlobs, type ExpandedGlobs } from '../config/load.js';
import { majorUnitsText, minorConversionFactor, minorPerMajor } from '../currency.js';
import type { SourceConfig, WorkspaceConfig } from '../config/schema.js';
import { nearest } from '../config/suggest.js';
import type { CsvRecord } from './csv.js';
import type { RecordBatch } from './record-batch.js';
import { JoinTable, keyOf, loadJoin, type JoinedFileSummary, type LineDraft } from './join.js';
import { RunKeys } from './line-keys.js';
import { planColumns, normalizeHeader, type ColumnPlan } from './mapping.js';
import { presetFor } from './presets/index.js';
import { ProblemLog, shortened } from './problems.js';
import { OrderLineReader } from './order-reader.js';
import { completeCells, readCells, type CellProblem, type CellValue, type RowContext } from './rows.js';
import { encodingAsRead } from './encoding-change.js';
import { WorkbookProblem, contentKind, fileKind, openRecords } from './source.js';
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
  /** Data records after the header, blank ones included: rowsKept plus every count in skipped. */
  rowsRead: number;
  rowsKept: number;
  skipped: SkipCounts;
  /** Earliest and latest paid/created instant (order lines) or date (daily tables). */
  firstAt: number | string | null;
  lastAt: number | string | null;
  /** Files or sheets joined onto this one (`join:`), with how many of their rows matched. */
  joined?: JoinedFileSummary[];
}

export type TableRow = Record<string, CellValue>;

export interface IngestResult {
  files: FileSummary[];
  problems: ProblemLog;
  /** Rows of the tables other than order_lines, by table. */
  tables: Partial<Record<Exclude<TableName, 'order_lines'>, TableRow[]>>;
  /** Distinct order lines passed to `onOrderLine`. */
  orderLines: number;
  /** What the files of each platform and table cover, for data-health and coverage notes. */
  coverage: Coverage[];
  /** Inputs the report reads that the workspace does not provide. */
  missing: MissingInput[];
  /** Distinct orders and buyers given keys (OrderLine.orderKey / buyerKey), and the bytes their tables hold. */
  keys: { orders: number; buyers: number; bytes: number };
}

export interface Coverage {
  platform: string;
  table: TableName;
  files: number;
  rowsRead: number;
  rowsKept: number;
  /** Earliest / latest kept instant (order lines, epoch ms) or day (daily tables), or null. */
  firstAt: number | string | null;
  lastAt: number | string | null;
}

export interface MissingInput {
  table: TableName;
  /** The source's platform, when a configured source matched no files. */
  platform?: string;
  /** `sources[i].files` for a source that matched nothing; absent when no source names the table. */
  path?: string;
}

export interface IngestOptions {
  baseDir: string;
  onOrderLine: (line: OrderLine) => void;
  /**
   * Rows of the other tables, one at a time as they are read; when given, they are not also
   * collected into `IngestResult.tables` (the caller keeps what it needs, not every record).
   */
  onTableRow?: (table: Exclude<TableName, 'order_lines'>, row: TableRow) => void;
  onFileStart?: (file: string, bytes: number) => void;
  onProgress?: (file: string, bytesRead: number, totalBytes: number, rows: number) => void;
  onFileDone?: (summary: FileSummary) => void;
}

// Not `\b`: it needs a word character before it, which 合计 has none of, so `合计` alone would
// never match.
const SUMMARY_ROW = /^(合计|总计|小计|汇总|total|totals|grand total|sum|summary)(?![a-z0-9_])/i;
/**
 * The English words followed by other words ("Total Care Shampoo", "Sum 41 Tee") name products
 * as often as totals: such a cell marks a summary row only in the order-id column, where no
 * order is called that. `Total`, `Total:`, `TOTAL (1,234)` and the Chinese words mark one anywhere.
 */
const SUMMARY_WORD_THEN_WORDS = /^(total|totals|grand total|sum|summary)[^\p{L}]*\p{L}/iu;

/**
 * When some of a source's patterns matched files: a named file that does not exist is an error
 * (a typo would silently drop a period or a platform), a wildcard that matched nothing a warning.
 */
function reportUnmatched(problems: ProblemLog, expanded: ExpandedGlobs, at: string, baseDir: string): void {
  for (const name of expanded.missingFiles) {
    const kind = expanded.notFiles.get(name);
    if (kind === 'folder') {
      problems.error(`'${name}' is a folder, not an export`, { path: at }, `to read the exports in it, write '${name.replace(/[\\/]+$/, '')}/*.csv' (or *.xlsx)`);
    } else if (kind === 'other') {
      problems.error(`'${name}' is not a regular file (a pipe, socket or device)`, { path: at }, 'save the export as a file and name that file in files:');
    } else {
      problems.error(`file '${name}' does not exist`, { path: at }, `names in files: are relative to ${baseDir}; fix the name or remove it from the list`);
    }
  }
  for (const glob of expanded.emptyGlobs) {
    problems.warning(`'${glob}' matched no files`, { path: at }, `globs are relative to ${baseDir}`);
  }
}

export async function ingestWorkspace(config: WorkspaceConfig, options: IngestOptions): Promise<IngestResult> {
  const problems = new ProblemLog();
  const files: FileSummary[] = [];
  const tables: IngestResult['tables'] = {};
  // Order and buyer keys, and each line seen with (its paid amount × 256 + a fingerprint of its
  // status and refund) × 1024 + the index of the file it was first seen in (names it in
  // conflicts); exact while a line's amount stays under 2^35 minor units.
  const keys = new RunKeys();
  let orderLines = 0;
  const missing: MissingInput[] = [];

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
    const expanded = await expandGlobs(source.files, options.baseDir);
    const paths = expanded.files;
    if (paths.length === 0) {
      missing.push({ table: source.table, platform: source.platform, path: `sources[${sourceIndex}].files` });
      problems.error(
        `files ${JSON.stringify(source.files)} matched no files`,
        { path: `sources[${sourceIndex}].files` },
        `globs are relative to ${options.baseDir}`,
      );
      continue;
    }
    reportUnmatched(problems, expanded, `sources[${sourceIndex}].files`, options.baseDir);
    const displayOf = (absolute: string): string => path.relative(options.baseDir, absolute) || absolute;
    // Joins with files of their own are read once for the source; a join naming only a sheet
    // is read from each of the source's workbooks in turn.
    const moneyFactor = sourceMoneyFactor(source, config);
    if (moneyFactor === null) {
      problems.error(
        `no rate for ${source.currency} in rates:`,
        { path: `sources[${sourceIndex}].currency` },
        `add rates: { ${source.currency}: <${config.currency} per ${source.currency}> } to ecom-report.yaml`,
      );
      continue;
    }
    const joinCtx: RowContext = { timeZone: source.timezone ?? config.timezone, dateOrder: source.dateOrder, amountsIn: source.amountsIn, preset, moneyFactor, currency: source.currency ?? config.currency };
    const sourceJoins: JoinTable[] = [];
    if (source.join.length > 0 && source.table !== 'order_lines') {
      problems.error(`join: works for order_lines only, not ${source.table}`, { path: `sources[${sourceIndex}].join` }, 'remove join: from this source');
      continue;
    }
    for (const [joinIndex, join] of source.join.entries()) {
      if (!join.files) continue;
      const joinExpanded = await expandGlobs(join.files, options.baseDir);
      const joinPaths = joinExpanded.files;
      if (joinPaths.length === 0) {
        problems.error(`files ${JSON.stringify(join.files)} matched no files`, { path: `sources[${sourceIndex}].join[${joinIndex}].files` }, `globs are relative to ${options.baseDir}`);
        continue;
      }
      reportUnmatched(problems, joinExpanded, `sources[${sourceIndex}].join[${joinIndex}].files`, options.baseDir);
      const table = await loadJoin({
        join,
        configPath: `sources[${sourceIndex}].join[${joinIndex}]`,
        files: joinPaths.map((p) => ({ absolute: p, display: displayOf(p) })),
        preset,
        ctx: joinCtx,
        problems,
      });
      if (table) sourceJoins.push(table);
    }
    const sourceFileNames: string[] = [];
    for (const absolute of paths) {
      const display = displayOf(absolute);
      sourceFileNames.push(display);
      const joins = [...sourceJoins];
      const sheetJoins: JoinTable[] = [];
      for (const [joinIndex, join] of source.join.entries()) {
        if (join.files) continue;
        if ((await contentKind(absolute).catch(() => fileKind(absolute))) === 'csv') {
          problems.error(
            `join: sheet ${JSON.stringify(join.sheet)} needs a workbook, but this file is text`,
            { file: display, path: `sources[${sourceIndex}].join[${joinIndex}]` },
            'name the joined export with files: under join:',
          );
          continue;
        }
        const table = await loadJoin({
          join,
          configPath: `sources[${sourceIndex}].join[${joinIndex}]`,
          files: [{ absolute, display: `${display} (sheet ${join.sheet})` }],
          preset,
          ctx: joinCtx,
          problems,
        });
        if (table) sheetJoins.push(table);
      }
      joins.push(...sheetJoins);
      const summary = await readCsvSource({
        absolute,
        display,
        configPath: `sources[${sourceIndex}]`,
        joins,
        source,
        preset,
        config,
        problems,
        fileIndex: files.length,
        fileNames: files.map((f) => f.file),
        options,
        keys,
        emit: (line) => {
          orderLines++;
          options.onOrderLine(line);
        },
        pushRow: (row) => {
          if (source.table === 'order_lines') return;
          // The source's platform, for files without a platform column ('all' means mixed).
          if (source.platform !== 'all') row['__platform'] = source.platform;
          if (options.onTableRow) options.onTableRow(source.table, row);
          else (tables[source.table] ??= []).push(row);
        },
      });
      for (const table of sheetJoins) table.reportUnmatched(problems, display);
      if (summary) {
        if (joins.length > 0) summary.joined = joins.flatMap((j) => j.files);
        files.push(summary);
        options.onFileDone?.(summary);
      }
    }
    for (const table of sourceJoins) table.reportUnmatched(problems, sourceFileNames.join(', '));
  }
  for (const table of TABLE_NAMES) {
    if (!config.sources.some((s) => s.table === table)) missing.push({ table });
  }
  return { files, problems, tables, orderLines, coverage: coverageByPlatform(files), missing, keys: { orders: keys.orders, buyers: keys.buyers, bytes: keys.bytes } };
}

/** The files' rows and spans summed per platform and table. */
export function coverageByPlatform(files: readonly FileSummary[]): Coverage[] {
  const byKey = new Map<string, Coverage>();
  for (const f of files) {
    const key = `${f.platform}\u0000${f.table}`;
    let c = byKey.get(key);
    if (!c) {
      c = { platform: f.platform, table: f.table, files: 0, rowsRead: 0, rowsKept: 0, firstAt: null, lastAt: null };
      byKey.set(key, c);
    }
    c.files++;
    c.rowsRead += f.rowsRead;
    c.rowsKept += f.rowsKept;
    if (f.firstAt !== null && (c.firstAt === null || f.firstAt < c.firstAt)) c.firstAt = f.firstAt;
    if (f.lastAt !== null && (c.lastAt === null || f.lastAt > c.lastAt)) c.lastAt = f.lastAt;
  }
  return [...byKey.values()];
}

interface ReadArgs {
  absolute: string;
  display: string;
  /** `sources[i]`, for messages about the source's settings. */
  configPath: string;
  joins: readonly JoinTable[];
  source: SourceConfig;
  preset: NonNullable<ReturnType<typeof presetFor>>;
  config: WorkspaceConfig;
  problems: ProblemLog;
  fileIndex: number;
  fileNames: string[];
  options: IngestOptions;
  keys: RunKeys;
  emit: (line: OrderLine) => void;
  pushRow: (row: TableRow) => void;
}

async function readCsvSource(args: ReadArgs): Promise<FileSummary | undefined> {
  const { display, source, preset, problems } = args;
  let csv;
  try {
    csv = await openRecords(args.absolute, {
      encoding: source.encoding,
      sheet: source.sheet,
      onProgress: (read, total) => args.options.onProgress?.(display, read, total, summary.rowsRead),
    });
  } catch (err) {
    if (err instanceof WorkbookProblem) {
      problems.error(err.message, { file: display, ...(err.setting ? { path: `${args.configPath}.${err.setting}` } : {}) }, err.hint);
    } else {
      problems.error(`cannot read file: ${(err as Error).message}`, { file: display }, 'check that the file exists and is readable');
    }
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
  let headerFirstKey = '';
  let plan: ColumnPlan | undefined;
  let ctx: RowContext | undefined;
  // Order lines are read by a reader compiled from the plan; other tables into cell records.
  let orderReader: OrderLineReader | undefined;
  let statusHeader = 'status';
  const cellProblems: CellProblem[] = [];
  // Occurrence of (order, sku) inside the export being read, for exports that have no line id
  // column (or whose line id is a product id). A repeated header starts another export pasted
  // below: counting starts again there, so its copy of a line gets the same key as the first
  // and counts once.
  const occurrences = new Map<string, number>();
  // The previous data row's cells, for presets that carry order-level cells forward.
  let previousCells: Record<string, CellValue> | undefined;
  // Column index of each join's key in this file (-1: the line's order id).
  const joinKeys: number[] = [];
  // `rowIsOrder` without an order id column: ids are made from the file name and row.
  let orderIdFromRow = false;
  // Where the order id is: a summary word there is never a product name.
  let orderIdColumn = -1;
  // The order whose lines are being summed (see closeTally).
  const tally = { orderKey: -1, orderId: '', row: 0, paid: 0, refund: 0 };
  // Rows holding text that was not valid UTF-8 (shown as U+FFFD), and where the first one is.
  const invalidText = { rows: 0, row: 0, column: undefined as string | undefined };
  // Text rows with fewer cells than the header has named (a download cut off mid-row), and the
  // first one. Workbook rows end at their last filled cell, so only text files are checked.
  const textFile = csv.encoding !== 'xlsx' && csv.encoding !== 'xls';
  let headerWidth = 0;
  const shortRows = { rows: 0, row: 0, cells: 0 };
  // Rows with filled cells past the header's last column: most often an amount such as 1,234.50
  // written without quotes, which shifts every cell after it one column to the right.
  const longRows = { rows: 0, row: 0, cells: 0 };

  try {
    for await (const batch of csv.batches()) {
      let start = 0;
      if (!header) {
        let first = 0;
        while (first < batch.length && firstFilledCell(batch, first) < 0) first++;
        if (first === batch.length) continue;
        const planOptions = { optional: source.rowIsOrder ? ['order_id'] : undefined };
        let mapped = planColumns(batch.fields(first), preset, source.columns, planOptions);
        const titled = mapped.problems.length > 0 ? headerBelowTitles(batch, first, mapped.problems.length, (fields) => planColumns(fields, preset, source.columns, planOptions)) : undefined;
        if (titled) {
          const titles = titleTexts(batch, first, titled.at);
          problems.warning(
            `${titles.length === 1 ? 'a title row' : `${titles.length} title rows`} above the header left out: ${titles.map((t) => `'${t}'`).join(', ')}`,
            { file: display, row: batch.row(first) },
            titled.mapped.problems.length === 0 ? 'the header was found below them; nothing to do unless that row is not the header' : 'the row below is taken as the header; its problems follow',
          );
          first = titled.at;
          mapped = titled.mapped;
        }
        header = batch.fields(first);
        const headerRow = batch.row(first);
        headerKey = header.map(normalizeHeader).join('\u0000');
        headerFirstKey = normalizeHeader(header[0] ?? '');
        headerWidth = header.length;
        while (headerWidth > 0 && header[headerWidth - 1]!.trim() === '') headerWidth--;
        for (const p of mapped.problems) {
          problems.error(p.message, { file: display, row: headerRow, column: p.column }, p.hint);
        }
        if (mapped.problems.length > 0) return summary;
        plan = mapped.plan;
        for (const w of duplicateHeaderWarnings(header, plan)) problems.warning(w.message, { file: display, row: headerRow, column: w.column }, w.hint);
        orderIdColumn = plan.bindings.find((b) => b.field === 'order_id')?.index ?? -1;
        orderIdFromRow = source.rowIsOrder && !plan.bindings.some((b) => b.field === 'order_id');
        for (const join of args.joins) {
          if (join.leftHeader === undefined) {
            joinKeys.push(-1);
            continue;
          }
          const wanted = normalizeHeader(join.leftHeader);
          const index = header.findIndex((h) => normalizeHeader(h) === wanted);
          if (index < 0) {
            const guess = nearest(join.leftHeader, header.map((h) => h.trim()));
            problems.error(
              `${args.configPath}.join.on: no column headed '${join.leftHeader}' in this file`,
              { file: display, row: headerRow },
              guess ? `did you mean '${guess}'?` : `the file's headers are: ${header.map((h) => h.trim()).join(', ')}`,
            );
            return summary;
          }
          joinKeys.push(index);
        }
        statusHeader = plan.bindings.find((b) => b.field === 'status')?.header ?? 'status';
        const sample: CsvRecord[] = [];
        for (let i = first + 1; i < batch.length; i++) sample.push(batch.record(i));
        const dateOrder = decideDateOrder(sample, plan, source.dateOrder);
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
        ctx = {
          timeZone: source.timezone ?? args.config.timezone,
          dateOrder,
          amountsIn: source.amountsIn,
          preset,
          moneyFactor: sourceMoneyFactor(source, args.config) ?? undefined,
          currency: source.currency ?? args.config.currency,
        };
        if (source.table === 'order_lines') orderReader = new OrderLineReader(plan, ctx, source.platform, statusHeader, preset.carryForward);
        start = first + 1;
      }
      for (let i = start; i < batch.length; i++) {
        const invalidBefore = batch.invalidTexts;
        handleRecord(batch, i);
        if (batch.invalidTexts !== invalidBefore || batch.heldInvalidText(i)) noteInvalidText(batch, i);
      }
    }
  } catch (err) {
    // A streamed workbook finds a missing sheet or a broken package only while reading.
    if (!(err instanceof WorkbookProblem)) throw err;
    problems.error(err.message, { file: display, ...(err.setting ? { path: `${args.configPath}.${err.setting}` } : {}) }, err.hint);
    return summary;
  }
  if (!header) {
    problems.warning('the file is empty', { file: display }, 'export it again, or remove it from files:');
  }
  if (invalidText.rows > 0) {
    // Only text scanned as UTF-8 can tell (other encodings are decoded before the scan).
    const n = invalidText.rows;
    problems.warning(
      `text that is not valid UTF-8 (shown as �) in ${n} row${n === 1 ? '' : 's'}, the first here`,
      { file: display, row: invalidText.row, column: invalidText.column },
      'the file may mix encodings (part UTF-8, part GBK) or be damaged: export it again as UTF-8, or set encoding: gb18030 on this source if it is GBK throughout',
    );
  }
  closeTally();
  if (shortRows.rows > 0) {
    const n = shortRows.rows;
    problems.warning(
      `${n === 1 ? 'a row has' : `${n} rows have`} fewer cells than the header: ${n === 1 ? 'it has' : 'the first, here, has'} ${shortRows.cells} of ${headerWidth}`,
      { file: display, row: shortRows.row },
      'the row may be cut off (an interrupted download or copy), and its missing cells are read as empty: export the file again, or check the row',
      'short-row',
    );
  }
  if (longRows.rows > 0) {
    const n = longRows.rows;
    problems.warning(
      `${n === 1 ? 'a row has' : `${n} rows have`} more cells than the header: ${n === 1 ? 'it has' : 'the first, here, has'} ${longRows.cells} of ${header!.length}`,
      { file: display, row: longRows.row },
      `a cell holding the delimiter without quotes (an amount like 1,234.50) splits in two and moves the cells after it one column on: check the row, and quote such cells or export the file again`,
      'long-row',
    );
  }
  // Reading may have found the file in another encoding past its start.
  summary.encoding = encodingAsRead(csv, display, problems);
  return summary;

  function handleRecord(batch: RecordBatch, r: number): void {
    // The first non-blank cell both tells a blank row and names a summary row.
    // Every record after the header is read, blank ones too: read = kept + skipped.
    summary.rowsRead++;
    const first = firstFilledCell(batch, r);
    if (first < 0) {
      summary.skipped.blank++;
      return;
    }
    if (isRepeatedHeader(batch, r)) {
      summary.skipped.repeatedHeader++;
      occurrences.clear();
      return;
    }
    if (mayBeSummary(batch.firstChar(r, first)) && isSummaryCell(batch.cell(r, first).trim(), first === orderIdColumn)) {
      summary.skipped.summary++;
      return;
    }
    const row = batch.row(r);
    if (batch.unterminatedQuote(r)) {
      problems.error('a quoted field is never closed', { file: display, row }, 'check for a stray " in this row');
      summary.skipped.invalid++;
      return;
    }
    if (textFile) {
      const cells = batch.cellCount(r);
      if (cells < headerWidth && shortRows.rows++ === 0) {
        shortRows.row = row;
        shortRows.cells = cells;
      }
      // Past the header's last cell, trailing empty header cells included.
      if (cells > header!.length && hasCellsBeyond(batch, r, header!.length) && longRows.rows++ === 0) {
        longRows.row = row;
        longRows.cells = cells;
      }
    }
    // Setting length is a builtin call; most rows have no problems to forget.
    if (cellProblems.length > 0) cellProblems.length = 0;
    let fatal: boolean;
    if (orderReader) {
      const line = orderReader.read(batch, r, cellProblems, orderIdFromRow ? `${path.basename(display)}#${row}` : undefined);
      fatal = line === undefined;
      if (line && args.joins.length === 0) acceptLine(line, row);
      else if (line) acceptJoined(line, batch, r);
    } else {
      const cells = readCells(batch.fields(r), plan!, ctx!, cellProblems);
      if (orderIdFromRow) cells['order_id'] = `${path.basename(display)}#${row}`;
      completeCells(cells, plan!, preset.carryForward, previousCells);
      previousCells = cells;
      fatal = cellProblems.some((p) => p.fatal);
      if (!fatal) {
        summary.rowsKept++;
        noteRange(summary, (cells['date'] ?? cells['created_at'] ?? cells['ordered_at'] ?? null) as number | string | null);
        args.pushRow(cells);
      }
    }
    for (const p of cellProblems) {
      problems.add({
        severity: p.fatal ? 'error' : 'warning',
        message: p.message,
        value: p.value,
        hint: p.hint,
        file: display,
        row,
        column: p.column,
      });
    }
    if (fatal) summary.skipped.invalid++;
  }

  /** Counts a row holding text that was not valid UTF-8; the first is placed by row and column. */
  function noteInvalidText(batch: RecordBatch, r: number): void {
    if (invalidText.rows++ > 0) return;
    invalidText.row = batch.row(r);
    const n = batch.cellCount(r);
    for (let k = 0; k < n; k++) {
      if (batch.cellIsInvalidText(r, k)) {
        invalidText.column = header?.[k]?.trim() || `column ${k + 1}`;
        break;
      }
    }
  }

  /** The row's line after each join (an items join may split it); the row counts once. */
  function acceptJoined(line: LineDraft, batch: RecordBatch, r: number): void {
    let lines = [line];
    const fields = batch.fields(r);
    args.joins.forEach((join, j) => {
      const index = joinKeys[j] ?? -1;
      lines = lines.flatMap((l) => join.apply(l, index < 0 ? l.orderId : keyOf(fields, index)));
    });
    const kept = summary.rowsKept;
    const duplicates = summary.skipped.duplicate;
    const row = batch.row(r);
    for (const l of lines) acceptLine(l, row);
    if (summary.rowsKept > kept) {
      summary.rowsKept = kept + 1;
      summary.skipped.duplicate = duplicates;
    } else if (summary.skipped.duplicate > duplicates) {
      summary.skipped.duplicate = duplicates + 1;
    }
  }

  /**
   * The header again (exports pasted together). The first cell is compared before the whole
   * row: normalising every cell of every row would cost more than reading the row.
   */
  function isRepeatedHeader(batch: RecordBatch, r: number): boolean {
    const h = header!;
    if (batch.cellCount(r) !== h.length) return false;
    // An ASCII first character that the header's first cell does not start with (lowercased)
    // rules the row out without a string.
    const c = batch.firstChar(r, 0);
    if (c >= 0 && c < 0x80 && (c >= 65 && c <= 90 ? c + 32 : c) !== headerFirstKey.charCodeAt(0)) return false;
    const first = batch.cell(r, 0);
    if (first !== h[0] && !sameHeaderCell(first, headerFirstKey)) return false;
    return batch.fields(r).map(normalizeHeader).join('\u0000') === headerKey;
  }

  /**
   * Refunds beyond what an order paid (a shifted column, a running total in the refund column)
   * would turn net sales negative without a word. An order's lines come one after another in
   * the platforms' exports, so each run of lines of one order is summed and checked when it
   * ends. Half again over paid plus shipping leaves room for refunded fees; returns booked as
   * rows of their own refund what they say and are left out, as are presets whose refunds may
   * exceed the paid amount by design (refundMayExceedPaid).
   */
  function closeTally(): void {
    if (tally.orderKey >= 0 && tally.refund > 0 && tally.refund > tally.paid * 1.5) {
      const money = (minor: number) => majorUnitsText(minor, args.config.currency);
      problems.warning(
        `refunds of order ${tally.orderId} (${money(tally.refund)}) are more than was paid for it (${money(tally.paid)})`,
        { file: display, row: tally.row, column: plan?.bindings.find((b) => b.field === 'refund_amount')?.header },
        'check that the refund column holds the refunds of these lines (not a running total or a shifted column); the figures count the refunds as written',
        'refund-over-paid',
      );
    }
    tally.orderKey = -1;
  }

  function tallyLine(line: OrderLine, row: number): void {
    if (preset.refundMayExceedPaid || line.quantity < 0) return;
    if (line.orderKey !== tally.orderKey) {
      closeTally();
      tally.orderKey = line.orderKey;
      tally.orderId = line.orderId;
      tally.row = row;
      tally.paid = 0;
      tally.refund = 0;
    }
    tally.paid += line.paidAmountMinor + line.shippingMinor;
    tally.refund += line.refundAmountMinor;
  }

  function acceptLine(line: Omit<OrderLine, 'lineId'> & { lineId: string | null }, row: number): void {
    let lineId = line.lineId;
    if (lineId === null || preset.lineIdIsProductId) {
      // No line id, or a product id two lines of one order can share: the n-th line of the
      // order with this sku or product id in this export.
      const base = lineId ?? line.sku ?? '';
      const key = `${line.orderId}\u0000${base}`;
      const n = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, n);
      lineId = n === 1 ? base || '#1' : `${base}#${n}`;
    }
    const orderKey = args.keys.order(line.platform, line.orderId);
    const after = afterSaleFingerprint(line.status, line.refundAmountMinor);
    const seen = args.keys.lines.getOrAdd(orderKey, lineId, (line.paidAmountMinor * 256 + after) * 1024 + (args.fileIndex % 1024));
    if (seen !== undefined) {
      summary.skipped.duplicate++;
      const file = ((seen % 1024) + 1024) % 1024;
      const rest = Math.round((seen - file) / 1024);
      const firstAfter = ((rest % 256) + 256) % 256;
      const firstAmount = Math.round((rest - firstAfter) / 256);
      const firstFile = args.fileNames[file] ?? display;
      // Exports pasted into one file (below a repeated header) overlap within the file.
      const sameFile = firstFile === display;
      const where = sameFile ? 'earlier in this file' : `in ${firstFile}`;
      if (firstAmount !== line.paidAmountMinor) {
        problems.warning(
          `order ${line.orderId} line ${lineId} also appears ${where} with a different paid amount; the first one is kept`,
          { file: display, row },
          sameFile ? 'the file holds exports pasted together (the header repeats): remove the overlapping rows' : 'remove the overlap or re-export one of the files',
          'duplicate-amount',
        );
      } else if (firstAfter !== after) {
        // A later export often differs by a refund made since: keeping the first copy silently
        // would lose it, so say which copy counts.
        problems.warning(
          `order ${line.orderId} line ${lineId} also appears ${where} with a different status or refund; the first one read (${sameFile ? 'the earlier row' : firstFile}) is kept`,
          { file: display, row },
          'when one export is newer, drop the overlapping days from the older one so the newer status and refunds count',
          'duplicate-after-sale',
        );
      }
      return;
    }
    summary.rowsKept++;
    noteRange(summary, line.paidAt ?? line.createdAt);
    // The draft is this row's own object: completing it in place spares a copy per line.
    line.lineId = lineId;
    line.orderKey = orderKey;
    line.buyerKey = line.customerId === null ? -1 : args.keys.buyer(line.platform, line.customerId);
    tallyLine(line as OrderLine, row);
    args.emit(line as OrderLine);
  }
}

/** 8 bits standing for a line's status and refund, to tell two copies of a line apart. */
function afterSaleFingerprint(status: string, refundMinor: number): number {
  let h = (refundMinor % 0x7fffffff) | 0;
  for (let i = 0; i < status.length; i++) h = Math.imul(h ^ status.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  return (h ^ (h >>> 8)) & 0xff;
}

function noteRange(summary: FileSummary, at: number | string | null): void {
  if (at === null) return;
  if (summary.firstAt === null || at < summary.firstAt) summary.firstAt = at;
  if (summary.lastAt === null || at > summary.lastAt) summary.lastAt = at;
}

/**
 * `normalizeHeader(cell) === key` without building the normalised string: data cells are
 * almost always plain ASCII and rarely the header, so they are compared where they are.
 */
function sameHeaderCell(cell: string, key: string): boolean {
  let start = 0;
  let end = cell.length;
  while (start < end && asciiSpace(cell.charCodeAt(start))) start++;
  while (end > start && asciiSpace(cell.charCodeAt(end - 1))) end--;
  for (let i = start; i < end; i++) if (cell.charCodeAt(i) >= 128) return normalizeHeader(cell) === key;
  if (end - start !== key.length) return false;
  for (let i = start; i < end; i++) {
    let c = cell.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== key.charCodeAt(i - start)) return false;
  }
  return true;
}

/** The ASCII characters of the `\s` class normalizeHeader trims. */
function asciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** A summary row's first filled cell (see SUMMARY_WORD_THEN_WORDS for the order-id column). */
function isSummaryCell(text: string, inOrderIdColumn: boolean): boolean {
  return SUMMARY_ROW.test(text) && (inOrderIdColumn || !SUMMARY_WORD_THEN_WORDS.test(text));
}

/**
 * Could SUMMARY_ROW match a cell starting with this character (after ASCII spaces)? Its words
 * start with 合 总 小 汇 t g s (any case); a character beyond ASCII is looked at in full.
 */
function mayBeSummary(first: number): boolean {
  const c = first | 32;
  return c === 116 /* t */ || c === 103 /* g */ || c === 115 /* s */ || first > 127;
}

/** Rows a back office puts above the header ("订单列表", "导出时间：…") are looked past this far. */
const TITLE_ROWS_MAX = 5;

/**
 * The header under title rows, when the first filled row is not one: the first of the next few
 * rows whose columns map cleanly, provided every row above it fills fewer cells than it does
 * (a title is a cell or two; a real header with a missing column stays the header, and its
 * problems are reported as they are). When none maps cleanly, such a row with fewer mapping
 * problems than the first row's (`firstProblems`) is the header whose problems are reported:
 * a hint must name the header's cells, not a title's text.
 */
function headerBelowTitles(
  batch: RecordBatch,
  first: number,
  firstProblems: number,
  plan: (fields: string[]) => ReturnType<typeof planColumns>,
): { at: number; mapped: ReturnType<typeof planColumns> } | undefined {
  let widestAbove = filledCells(batch, first);
  let closest: { at: number; mapped: ReturnType<typeof planColumns> } | undefined;
  for (let r = first + 1; r < batch.length && r <= first + TITLE_ROWS_MAX; r++) {
    const filled = filledCells(batch, r);
    if (filled === 0) continue;
    if (filled > widestAbove) {
      const mapped = plan(batch.fields(r));
      if (mapped.problems.length === 0) return { at: r, mapped };
      if (mapped.problems.length < (closest?.mapped.problems.length ?? firstProblems)) closest = { at: r, mapped };
    }
    widestAbove = Math.max(widestAbove, filled);
  }
  return closest;
}

function filledCells(batch: RecordBatch, r: number): number {
  let n = 0;
  for (const cell of batch.fields(r)) if (cell.trim() !== '') n++;
  return n;
}

/** The filled cells of the title rows, for the warning (cut: a title can be long). */
function titleTexts(batch: RecordBatch, from: number, to: number): string[] {
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    const text = batch.fields(r).map((c) => c.trim()).filter((c) => c !== '').join(' ');
    if (text !== '') out.push(shortened(text, 40));
  }
  return out;
}

/** Does record r hold a non-blank cell at or after column `from`? */
function hasCellsBeyond(batch: RecordBatch, r: number, from: number): boolean {
  for (let k = from; k < batch.cellCount(r); k++) if (batch.cell(r, k).trim() !== '') return true;
  return false;
}

/** The first cell of record r that is not blank (String.prototype.trim leaves something), or -1. */
function firstFilledCell(batch: RecordBatch, r: number): number {
  const n = batch.cellCount(r);
  for (let k = 0; k < n; k++) {
    const c = batch.firstChar(r, k);
    if (c < 0) continue;
    if (c < 0x80 || batch.cell(r, k).trim() !== '') return k;
  }
  return -1;
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

/**
 * The factor from a source's minor units to the report currency's: undefined when the source
 * is in the report currency, null when its currency has no rate in `rates:`.
 */
function sourceMoneyFactor(source: SourceConfig, config: WorkspaceConfig): number | undefined | null {
  const from = source.currency ?? config.currency;
  // An amount in major units is read into hundredths; a currency whose minor unit is not the
  // hundredth (yen and won have none) is rescaled into its own minor units first.
  const readPerMinor = source.amountsIn === 'minor' ? 1 : 100 / minorPerMajor(from);
  let conversion = 1;
  if (from !== config.currency) {
    const rate = config.rates[from];
    if (rate === undefined) return null;
    conversion = minorConversionFactor(from, config.currency, rate);
  }
  const factor = conversion / readPerMinor;
  return factor === 1 ? undefined : factor;
}

/**
 * A column the report reads whose header the file has more than once (two 备注 or two
 * paid_amount columns): the first is read, and the user should know that the other is not.
 */
function duplicateHeaderWarnings(header: readonly string[], plan: ColumnPlan): { message: string; column: string; hint: string }[] {
  const out: { message: string; column: string; hint: string }[] = [];
  const keys = header.map(normalizeHeader);
  for (const b of plan.bindings) {
    const key = keys[b.index];
    const at = keys.flatMap((k, i) => (k === key ? [i + 1] : []));
    if (at.length < 2) continue;
    out.push({
      message: `${at.length} columns are headed '${b.header}' (columns ${at.join(', ')}); the first, column ${at[0]}, is read as ${b.field}`,
      column: b.header,
      hint: 'rename or delete the other columns if the first is not the one meant, or map another header with columns: in the config',
    });
  }
  return out;
}
