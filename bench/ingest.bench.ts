// Benchmark of the whole ingest pipeline against the speed targets (docs/performance.md):
//
//   npx tsx bench/ingest.bench.ts [--lines N] [--xlsx-rows N] [--runs N] [--no-xlsx] [--no-duckdb] [--no-full] [--no-floor] [--no-bare] [--no-bare-wasm]
//
// 1. Generates (once, deterministically) a 1,000,000-line, 14-column order export (~110 MB) in
//    os.tmpdir(), never in the repository, and a workspace yaml beside it.
// 2. Runs the real pipeline on it — config → ingestWorkspace → OverviewAccumulator (the target's
//    definition), beside ingest alone and the whole of `loadAndCompute` (every section) — and
//    reports MB/s (file bytes per second of wall time, best of N runs), CPU seconds and peak
//    RSS. Each measurement runs in a child process of its own, so peaks do not mix.
// 3. Runs DuckDB (@duckdb/node-api, a devDependency) on the same file in the same run, computing
//    the same GMV / refunds / orders / buyers for the same quarter with read_csv, prints its
//    figures beside ours with the ratio, and checks that the two agree.
//    Beside them, the floor (bench/ingest-floor.ts): the same four figures from one loop written
//    for this file's columns out of the project's own parts, without the general reader's work —
//    what the per-line work that cannot be left out costs. Its figures must agree too. And the
//    bare loop (bench/ingest-bare.ts): the same figures with nothing general done at all, no
//    string and no object per line — the ceiling this machine gives for the file in JavaScript;
//    and the same loop in WebAssembly (bench/ingest-bare-wasm.ts, compiled with AssemblyScript,
//    a devDependency): the ceiling outside it.
// 4. Generates a 200,000-row .xlsx with exceljs's streaming writer and ingests it the same way
//    (peak RSS is the target there), beside exceljs's streaming reader alone on the same file
//    (rows iterated, nothing done with them): the floor our reading of a workbook sits on.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/seeded-random.js';
import { compiledBareLoop } from './ingest-bare-wasm.js';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const LINES = Number(arg('--lines') ?? 1_000_000);
const XLSX_ROWS = Number(arg('--xlsx-rows') ?? 200_000);
const RUNS = Number(arg('--runs') ?? 2);
const QUARTER = '2026Q3';
const TIMEZONE = 'Asia/Shanghai';
const TARGET_MBPS = 80;
const TARGET_RSS_MIB = 400;

// ---------------------------------------------------------------------------------------
// Deterministic data


const HEADER = [
  'order_id', 'line_id', 'created_at', 'paid_at', 'customer_id', 'sku', 'product_name', 'category',
  'quantity', 'unit_price', 'paid_amount', 'status', 'refund_amount', 'region',
];
const PRODUCTS = ['面霜 50ml', 'Serum', '洗面奶', 'SPF50', '口红 #12', 'Hand cream', '面膜', 'Eye cream'];
const QUOTED_PRODUCTS = ['"Gift set, 3 pcs"', '"套装, 含赠品"', '"Lip balm 2""x"', '"Travel kit\nlimited"'];
const CATEGORIES = ['美妆', 'Skincare', '个护', 'Makeup', '香水'];
const STATUSES = ['completed', 'completed', 'paid', 'shipped', 'refunded', 'partially_refunded', 'cancelled', 'pending'];
const REGIONS = ['浙江', '广东', 'BJ', '江苏', 'SH', '四川'];
const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const money = (minor: number): string => (minor === 0 ? '0' : `${Math.floor(minor / 100)}.${pad2(minor % 100)}`);

/**
 * The export's lines in file order, as cells: orders of one to three lines (half of them one,
 * 30 % two, 20 % three), June–September 2026. Order-level cells — times, status, buyer, region —
 * are the same on every line of an order, as in the platforms' exports; SKU, product, category,
 * quantity and amounts are per line. Order ids ascend by 7919 (16 digits, kept as strings).
 */
class OrderLines {
  private order = -1;
  private linesLeft = 0;
  private lineNo = 0;
  private ts = '';
  private status = '';
  private customer = '';
  private region = '';

  constructor(private readonly rnd: () => number) {}

  next(): string[] {
    const rnd = this.rnd;
    if (this.linesLeft === 0) {
      this.order++;
      const u = rnd();
      this.linesLeft = u < 0.5 ? 1 : u < 0.8 ? 2 : 3;
      this.lineNo = 0;
      const month = 6 + Math.floor(rnd() * 4);
      this.ts = `2026-${pad2(month)}-${pad2(1 + Math.floor(rnd() * 30))} ${pad2(Math.floor(rnd() * 24))}:${pad2(Math.floor(rnd() * 60))}`;
      this.status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
      this.customer = 'C' + String(100000 + Math.floor(rnd() * 400000));
      this.region = REGIONS[Math.floor(rnd() * REGIONS.length)]!;
    }
    this.linesLeft--;
    this.lineNo++;
    const status = this.status;
    const qty = 1 + Math.floor(rnd() * 3);
    const price = 1900 + Math.floor(rnd() * 40000);
    const paid = price * qty - Math.floor(rnd() * 1000);
    const refund = status === 'refunded' ? paid : status === 'partially_refunded' ? Math.floor(paid / 3) : 0;
    return [
      String(4_000_000_000_000_000 + this.order * 7919),
      String(this.lineNo),
      this.ts,
      status === 'pending' || status === 'cancelled' ? '' : this.ts,
      this.customer,
      'S' + String(1000 + Math.floor(rnd() * 9000)),
      rnd() < 0.05 ? QUOTED_PRODUCTS[Math.floor(rnd() * QUOTED_PRODUCTS.length)]! : PRODUCTS[Math.floor(rnd() * PRODUCTS.length)]!,
      CATEGORIES[Math.floor(rnd() * CATEGORIES.length)]!,
      String(qty),
      money(price),
      money(paid),
      status,
      money(refund),
      this.region,
    ];
  }
}

async function generateCsv(path: string, lines: number): Promise<void> {
  if (existsSync(path)) return;
  const tmp = path + '.part';
  const out = createWriteStream(tmp);
  const orderLines = new OrderLines(mulberry32(20260930));
  let buf = HEADER.join(',') + '\n';
  for (let i = 1; i <= lines; i++) {
    buf += orderLines.next().join(',') + '\n';
    if (buf.length > 1 << 20 || i === lines) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

async function generateXlsx(path: string, rows: number): Promise<void> {
  if (existsSync(path)) return;
  const ExcelJS = (await import('exceljs')).default;
  const tmp = path + '.part.xlsx';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Orders');
  ws.addRow(HEADER).commit();
  const orderLines = new OrderLines(mulberry32(20260930));
  for (let i = 1; i <= rows; i++) {
    const cells: (string | number)[] = orderLines.next().map((c) => c.replace(/^"|"$/g, '').replaceAll('""', '"'));
    // Amounts and quantities as numbers, as a spreadsheet holds them; ids stay text.
    for (const k of [8, 9, 10, 12]) cells[k] = Number(cells[k]);
    ws.addRow(cells).commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(tmp, path);
}

function workspaceFor(file: string, name: string): string {
  const path = join(tmpdir(), `${name}.yaml`);
  writeFileSync(
    path,
    [
      'company: Bench',
      `timezone: ${TIMEZONE}`,
      'sources:',
      '  - platform: store',
      '    preset: generic',
      `    files: [${JSON.stringify(file)}]`,
      '',
    ].join('\n'),
  );
  return path;
}

// ---------------------------------------------------------------------------------------
// Measurements (each in a child process: `--child KIND PATH`)

interface Figures {
  gmvMinor: number;
  refundsMinor: number;
  orders: number;
  buyers: number;
}
interface RunResult {
  ms: number;
  /** CPU time of the process (user + system), less sensitive to a busy machine than wall time. */
  cpuMs: number;
  peakRss: number;
  lines: number;
  figures: Figures;
}

const NO_FIGURES: Figures = { gmvMinor: NaN, refundsMinor: NaN, orders: NaN, buyers: NaN };

/** Runs `work`, timing it (wall and CPU), and adds this process's peak RSS so far. */
async function measured(work: () => Promise<{ lines: number; figures: Figures }>): Promise<RunResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { lines, figures } = await work();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss: process.resourceUsage().maxRSS * 1024, lines, figures };
}

/**
 * `ingest`: ingestWorkspace alone (lines counted, nothing aggregated); `overview`: ingest feeding
 * the OverviewAccumulator — the target's definition; `full`: loadAndCompute, every section's
 * accumulators as `build` runs them.
 */
async function runOurs(mode: string, config: string): Promise<RunResult> {
  const { loadAndCompute } = await import('../src/cli/pipeline.js');
  const { loadWorkspace } = await import('../src/config/load.js');
  const { ingestWorkspace } = await import('../src/ingest/workspace.js');
  const { OverviewAccumulator } = await import('../src/metrics/overview.js');
  const { monthBoundaries, parseQuarter, reportPeriods } = await import('../src/time/quarter.js');
  let problems: unknown[] = [];
  const result = await measured(async () => {
    let figures = NO_FIGURES;
    let lines: number;
    if (mode === 'full') {
      // "Today" is after the quarter, as when a team builds its review deck: a clock inside the
      // quarter would (rightly) warn that the quarter is still running.
      const afterQuarter = Date.UTC(2026, 10, 1);
      const r = await loadAndCompute(
        { config, quarter: QUARTER },
        { cwd: tmpdir(), stdout: { write: () => undefined }, stderr: { write: () => undefined }, interactive: false, now: () => afterQuarter, env: {} },
      );
      const o = r.metrics.overview;
      figures = { gmvMinor: o.gmv.value ?? NaN, refundsMinor: o.refunds.value ?? NaN, orders: o.orders.value ?? NaN, buyers: o.buyers.value ?? NaN };
      lines = r.ingest.orderLines;
      problems = r.ingest.problems.list();
    } else {
      const ws = await loadWorkspace(config, tmpdir());
      const periods = reportPeriods(parseQuarter(QUARTER)!, ws.config.timezone, ws.config.fiscalYearStartMonth);
      const overview = new OverviewAccumulator({ periods, monthBoundaries: monthBoundaries(periods.current, 24, ws.config.timezone) });
      const aggregate = mode === 'overview';
      const r = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: (line) => (aggregate ? overview.add(line) : undefined) });
      if (aggregate) {
        const o = overview.finish();
        figures = { gmvMinor: o.gmv.value ?? NaN, refundsMinor: o.refunds.value ?? NaN, orders: o.orders.value ?? NaN, buyers: o.buyers.value ?? NaN };
      }
      lines = r.orderLines;
      problems = r.problems.list();
    }
    return { lines, figures };
  });
  if (problems.length > 0) throw new Error(`ingest reported problems: ${JSON.stringify(problems.slice(0, 3))}`);
  return result;
}

async function runDuckDb(file: string): Promise<RunResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  return measured(async () => {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    // The same definitions as the overview (src/metrics/overview.ts): lines paid inside the
    // quarter (local Shanghai time; the file's times are naive Shanghai wall times), cancelled and
    // unpaid excluded; money summed exactly as DECIMAL; ids read as text.
    const columns = HEADER.map((h) => `'${h}': '${h === 'created_at' || h === 'paid_at' ? 'TIMESTAMP' : /amount|price/.test(h) ? 'DECIMAL(18,2)' : h === 'quantity' ? 'INTEGER' : 'VARCHAR'}'`).join(', ');
    const inQuarter = `status NOT IN ('cancelled', 'pending') AND paid_at >= TIMESTAMP '2026-07-01 00:00:00' AND paid_at < TIMESTAMP '2026-10-01 00:00:00'`;
    const reader = await con.runAndReadAll(`
      SELECT CAST(sum(paid_amount) FILTER (WHERE ${inQuarter}) * 100 AS BIGINT) AS gmv,
             CAST(sum(refund_amount) FILTER (WHERE ${inQuarter}) * 100 AS BIGINT) AS refunds,
             count(DISTINCT order_id) FILTER (WHERE ${inQuarter}) AS orders,
             count(DISTINCT customer_id) FILTER (WHERE ${inQuarter}) AS buyers,
             count(*) AS lines
      FROM read_csv('${file.replaceAll("'", "''")}', header = true, quote = '"', escape = '"', columns = {${columns}})`);
    const row = reader.getRowObjects()[0]!;
    return {
      lines: Number(row['lines']),
      figures: { gmvMinor: Number(row['gmv']), refundsMinor: Number(row['refunds']), orders: Number(row['orders']), buyers: Number(row['buyers']) },
    };
  });
}

/** exceljs's streaming reader with the options `src/ingest/excel.ts` uses, every row of every sheet iterated. */
async function runExcelJs(file: string): Promise<RunResult> {
  const ExcelJS = (await import('exceljs')).default;
  return measured(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    let rows = 0;
    for await (const sheet of reader) for await (const _row of sheet) rows++;
    return { lines: rows - 1, figures: NO_FIGURES };
  });
}

/** The floor (bench/ingest-floor.ts): one loop written for this file's columns, the four figures only. */
async function runFloor(file: string): Promise<RunResult> {
  const { floorFigures } = await import('./ingest-floor.js');
  const { parseQuarter, reportPeriods } = await import('../src/time/quarter.js');
  return measured(async () => {
    const current = reportPeriods(parseQuarter(QUARTER)!, TIMEZONE).current;
    const f = await floorFigures(file, TIMEZONE, current.startMs, current.endMs);
    return { lines: f.lines, figures: { gmvMinor: f.gmvMinor, refundsMinor: f.refundsMinor, orders: f.orders, buyers: f.buyers } };
  });
}

/** The report quarter's local bounds as YYYYMMDDHHMM, as the bare loops compare the file's wall times. */
async function quarterStamps(): Promise<{ from: number; to: number }> {
  const { parseQuarter } = await import('../src/time/quarter.js');
  const { year, quarter } = parseQuarter(QUARTER)!;
  const from = year * 1e8 + (3 * quarter - 2) * 1e6 + 1e4;
  const to = quarter === 4 ? (year + 1) * 1e8 + 1e6 + 1e4 : year * 1e8 + (3 * quarter + 1) * 1e6 + 1e4;
  return { from, to };
}

/** The bare loop (bench/ingest-bare.ts): the four figures with nothing general done. */
async function runBare(file: string): Promise<RunResult> {
  const { bareFigures } = await import('./ingest-bare.js');
  const { from, to } = await quarterStamps();
  return measured(async () => {
    const f = bareFigures(file, from, to);
    return { lines: f.lines, figures: { gmvMinor: f.gmvMinor, refundsMinor: f.refundsMinor, orders: f.orders, buyers: f.buyers } };
  });
}

/** The bare loop in WebAssembly (bench/ingest-bare-wasm.ts): the same work, compiled before the clock starts. */
async function runBareWasm(file: string): Promise<RunResult> {
  const { bareWasmFigures, compiledBareLoop } = await import('./ingest-bare-wasm.js');
  const wasm = await compiledBareLoop();
  const { from, to } = await quarterStamps();
  return measured(async () => {
    const f = await bareWasmFigures(wasm, file, from, to);
    return { lines: f.lines, figures: { gmvMinor: f.gmvMinor, refundsMinor: f.refundsMinor, orders: f.orders, buyers: f.buyers } };
  });
}

async function child(kind: string, path: string): Promise<void> {
  const r =
    kind === 'duckdb'
      ? await runDuckDb(path)
      : kind === 'exceljs'
        ? await runExcelJs(path)
        : kind === 'floor'
          ? await runFloor(path)
          : kind === 'bare'
            ? await runBare(path)
            : kind === 'bare-wasm'
              ? await runBareWasm(path)
              : await runOurs(kind, path);
  process.stdout.write(JSON.stringify(r) + '\n');
}

function measure(kind: 'ingest' | 'overview' | 'full' | 'floor' | 'bare' | 'bare-wasm' | 'duckdb' | 'exceljs', path: string, runs: number): RunResult[] {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    const p = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', kind, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (p.status !== 0) throw new Error(`${kind} failed: ${p.stderr.trim().split('\n').slice(0, 8).join('\n')}`);
    results.push(JSON.parse(p.stdout.trim().split('\n').pop()!) as RunResult);
  }
  return results;
}

// ---------------------------------------------------------------------------------------

const mib = (bytes: number): number => bytes / 2 ** 20;
const cell = (s: string, w: number): string => s.padStart(w);

async function main(): Promise<void> {
  if (args[0] === '--child') {
    await child(args[1]!, args[2]!);
    return;
  }
  const csv = join(tmpdir(), `ecom-report-bench-ingest-${LINES}-v3.csv`);
  if (!existsSync(csv)) process.stderr.write(`generating ${csv} …\n`);
  await generateCsv(csv, LINES);
  const bytes = statSync(csv).size;
  const mb = bytes / 1e6;
  console.log(`\ningest: ${csv}\n  ${LINES.toLocaleString('en')} lines, 14 columns, ${mb.toFixed(1)} MB; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); node ${process.version}; best of ${RUNS}`);

  const config = workspaceFor(csv, 'ecom-report-bench-ingest');
  const bestOf = (rs: RunResult[]): RunResult => rs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const maxRss = (rs: RunResult[]): number => Math.max(...rs.map((r) => r.peakRss));
  const ingestOnly = measure('ingest', config, RUNS);
  const ours = measure('overview', config, RUNS);
  const full = args.includes('--no-full') ? [] : measure('full', config, 1);
  const floor = args.includes('--no-floor') ? [] : measure('floor', csv, RUNS);
  const bare = args.includes('--no-bare') ? [] : measure('bare', csv, RUNS);
  if (!args.includes('--no-bare-wasm')) await compiledBareLoop(); // compiled once here, not in each timed child
  const bareWasm = args.includes('--no-bare-wasm') ? [] : measure('bare-wasm', csv, RUNS);
  const best = bestOf(ours);
  const oursRss = maxRss(ours);
  const rows: string[][] = [['', 'MB/s', 'seconds', 'CPU s', 'peak RSS MiB', 'GMV (minor)', 'refunds', 'orders', 'buyers']];
  const row = (name: string, r: RunResult, rss: number): string[] => [
    name,
    (mb / (r.ms / 1000)).toFixed(1),
    (r.ms / 1000).toFixed(2),
    (r.cpuMs / 1000).toFixed(2),
    mib(rss).toFixed(0),
    ...[r.figures.gmvMinor, r.figures.refundsMinor, r.figures.orders, r.figures.buyers].map((v) => (v === null || Number.isNaN(v) ? '—' : String(v))),
  ];
  rows.push(row('ingest only', bestOf(ingestOnly), maxRss(ingestOnly)));
  rows.push(row('ingest + overview (target)', best, oursRss));
  if (full.length > 0) rows.push(row('all sections (loadAndCompute)', bestOf(full), maxRss(full)));
  if (floor.length > 0) rows.push(row('floor: one loop for this file (ingest-floor.ts)', bestOf(floor), maxRss(floor)));
  if (bare.length > 0) rows.push(row('bare loop: nothing general (ingest-bare.ts)', bestOf(bare), maxRss(bare)));
  if (bareWasm.length > 0) rows.push(row('bare loop in WebAssembly (ingest-bare-wasm.ts)', bestOf(bareWasm), maxRss(bareWasm)));
  let verdict = '';
  if (!args.includes('--no-duckdb')) {
    const duck = measure('duckdb', csv, RUNS);
    const dbest = duck.reduce((a, b) => (b.ms < a.ms ? b : a));
    rows.push(row(`DuckDB (${cpus().length} threads)`, dbest, Math.max(...duck.map((r) => r.peakRss))));
    rows.push(['ratio ours/DuckDB', (dbest.ms / best.ms).toFixed(2), (best.ms / dbest.ms).toFixed(2), (best.cpuMs / dbest.cpuMs).toFixed(2), '', '', '', '', '']);
    const agree = JSON.stringify(best.figures) === JSON.stringify(dbest.figures);
    verdict = agree ? 'figures agree with DuckDB' : `FIGURES DIFFER from DuckDB: ours ${JSON.stringify(best.figures)} vs ${JSON.stringify(dbest.figures)}`;
    if (!agree) process.exitCode = 1;
  }
  if (floor.length > 0 && JSON.stringify(bestOf(floor).figures) !== JSON.stringify(best.figures)) {
    verdict += `${verdict ? '; ' : ''}FLOOR FIGURES DIFFER: ${JSON.stringify(bestOf(floor).figures)}`;
    process.exitCode = 1;
  }
  if (bare.length > 0 && JSON.stringify(bestOf(bare).figures) !== JSON.stringify(best.figures)) {
    verdict += `${verdict ? '; ' : ''}BARE-LOOP FIGURES DIFFER: ${JSON.stringify(bestOf(bare).figures)}`;
    process.exitCode = 1;
  }
  if (bareWasm.length > 0 && JSON.stringify(bestOf(bareWasm).figures) !== JSON.stringify(best.figures)) {
    verdict += `${verdict ? '; ' : ''}WEBASSEMBLY BARE-LOOP FIGURES DIFFER: ${JSON.stringify(bestOf(bareWasm).figures)}`;
    process.exitCode = 1;
  }
  const widths = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  for (const r of rows) console.log('  ' + r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : cell(c, widths[k]!))).join('  '));
  const mbps = mb / (best.ms / 1000);
  console.log(`  target: ≥ ${TARGET_MBPS} MB/s ${mbps >= TARGET_MBPS ? 'met' : 'NOT met'}; peak RSS ≤ ${TARGET_RSS_MIB} MiB ${mib(oursRss) <= TARGET_RSS_MIB ? 'met' : 'NOT met'}${verdict ? `; ${verdict}` : ''}`);

  if (!args.includes('--no-xlsx')) {
    const xlsx = join(tmpdir(), `ecom-report-bench-ingest-${XLSX_ROWS}-v3.xlsx`);
    if (!existsSync(xlsx)) process.stderr.write(`generating ${xlsx} …\n`);
    await generateXlsx(xlsx, XLSX_ROWS);
    const x = measure('overview', workspaceFor(xlsx, 'ecom-report-bench-ingest-xlsx'), 1)[0]!;
    console.log(
      `\nxlsx: ${xlsx}\n  ${XLSX_ROWS.toLocaleString('en')} rows, ${(statSync(xlsx).size / 1e6).toFixed(1)} MB: ${(x.ms / 1000).toFixed(2)} s, ` +
        `${Math.round(XLSX_ROWS / (x.ms / 1000)).toLocaleString('en')} rows/s, peak RSS ${mib(x.peakRss).toFixed(0)} MiB ` +
        `(target ≤ ${TARGET_RSS_MIB} MiB ${mib(x.peakRss) <= TARGET_RSS_MIB ? 'met' : 'NOT met'}); lines ${x.lines.toLocaleString('en')}`,
    );
    const e = measure('exceljs', xlsx, 1)[0]!;
    console.log(
      `  exceljs's streaming reader alone: ${(e.ms / 1000).toFixed(2)} s, ${Math.round(XLSX_ROWS / (e.ms / 1000)).toLocaleString('en')} rows/s, ` +
        `peak RSS ${mib(e.peakRss).toFixed(0)} MiB; ours takes ${(x.ms / e.ms).toFixed(2)}× its time`,
    );
  }
}

await main();
