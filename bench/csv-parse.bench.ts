// Benchmark of the streaming CSV reader (src/ingest/csv.ts).
//
//   npx tsx bench/csv-parse.bench.ts [--lines N] [--runs N] [--only ours|ours-strings|udsv|papaparse] [--gb18030-only]
//
// `ours` reads record batches as the pipeline does (cell positions in the scanned bytes);
// `ours-strings` also makes every cell a string, which is what the other readers return.
//
// Generates (once, deterministically: fixed-seed PRNG) a 1,000,000-line, ~120 MB, 14-column
// order export in os.tmpdir(), in UTF-8 and in GB18030 (Chinese product names, categories and
// regions; 5% quoted product names, some with commas, doubled quotes or a line break), then
// reads each file and prints MB/s (file bytes per second, best of N runs, by wall-clock time
// and by the process's CPU time — the latter is steadier on a shared machine) and peak RSS.
// Each run is a child process of its own, so that peak RSS belongs to that reader alone; the
// RSS of an idle child (node + tsx) is printed for reference.
// If `udsv` or `papaparse` can be imported (they are not dependencies of the project), they
// are measured for comparison: install them outside the project, e.g.
//   (mkdir -p /tmp/alt && cd /tmp/alt && npm i udsv papaparse)
//   CSV_BENCH_MODULES=/tmp/alt/node_modules npx tsx bench/csv-parse.bench.ts
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { openCsv } from '../src/ingest/csv.js';
import { mulberry32 } from '../src/seeded-random.js';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const LINES = Number(arg('--lines') ?? 1_000_000);
const RUNS = Number(arg('--runs') ?? 3);

// ---------------------------------------------------------------------------------------
// Deterministic data


const PRODUCTS = [
  '保湿面霜 50ml', 'Vitamin C Serum', '洗面奶', 'Sunscreen SPF50', '口红 #12', 'Hand cream',
  '面膜10片', 'Eye cream 15g', '防晒喷雾', 'Body lotion', '精华液', 'Toner 200ml',
];
const QUOTED_PRODUCTS = [
  '"Gift set, 3 pcs"', '"套装, 含赠品"', '"Lip balm 2""x"', '"Travel kit\nlimited"',
];
const CATEGORIES = ['美妆', 'Skincare', '个护', 'Makeup', '香水'];
const STATUSES = ['completed', 'paid', 'shipped', 'refunded', 'cancelled'];
const REGIONS = ['浙江', '广东', 'Beijing', '江苏', 'Shanghai', '四川'];
const CHANNELS = ['app', 'web', 'live', 'ads'];
const HEADER =
  'order_id,line_id,created_at,paid_at,customer_id,sku,product_name,category,quantity,unit_price,paid_amount,status,region,channel';

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}
const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

/** One line of the order export (no line terminator). */
function orderLine(rnd: () => number, i: number): string {
  const day = 1 + Math.floor(rnd() * 28);
  const month = 7 + Math.floor(rnd() * 3);
  const hh = Math.floor(rnd() * 24);
  const mm = Math.floor(rnd() * 60);
  const ts = `2026-${pad2(month)}-${pad2(day)} ${pad2(hh)}:${pad2(mm)}`;
  const qty = 1 + Math.floor(rnd() * 3);
  const price = 19 + Math.floor(rnd() * 400);
  const product = rnd() < 0.05 ? pick(rnd, QUOTED_PRODUCTS) : pick(rnd, PRODUCTS);
  return [
    String(4_000_000_000_000_000 + i * 7919), // 16-digit id, beyond 2^53: must stay a string
    1 + Math.floor(rnd() * 3),
    ts,
    ts,
    'C' + String(100000 + Math.floor(rnd() * 900000)),
    'SKU' + String(1000 + Math.floor(rnd() * 9000)),
    product,
    pick(rnd, CATEGORIES),
    qty,
    price,
    price * qty - Math.floor(rnd() * 10),
    pick(rnd, STATUSES),
    pick(rnd, REGIONS),
    pick(rnd, CHANNELS),
  ].join(',');
}

async function generate(path: string, lines: number, encoding: 'utf8' | 'gb18030'): Promise<void> {
  if (existsSync(path)) return;
  const tmp = path + '.part';
  const out = createWriteStream(tmp);
  const rnd = mulberry32(20260701);
  let buf = HEADER + '\n';
  for (let i = 1; i <= lines; i++) {
    buf += orderLine(rnd, i) + '\n';
    if (buf.length > 1 << 20 || i === lines) {
      const bytes = encoding === 'utf8' ? Buffer.from(buf, 'utf8') : iconv.encode(buf, 'gb18030');
      if (!out.write(bytes)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

function dataPath(encoding: 'utf8' | 'gb18030'): string {
  return join(tmpdir(), `ecom-report-bench-orders-${LINES}-v2.${encoding}.csv`);
}

// ---------------------------------------------------------------------------------------
// Readers (each run in a child process: `--child READER FILE ENCODING`)

interface RunResult {
  records: number;
  fields: number;
  /** wall-clock time from open to the last record */
  ms: number;
  /** CPU time (user + system, all threads of the process) over the same span */
  cpuMs: number;
  peakRss: number;
}
type Counts = Pick<RunResult, 'records' | 'fields'>;

let peakRss = 0;
function sampleRss(): void {
  const r = process.memoryUsage.rss();
  if (r > peakRss) peakRss = r;
}

/** Ours as the pipeline reads it: record batches of cell positions, no string per cell. */
async function runOurs(file: string): Promise<Counts> {
  const src = await openCsv(file);
  let records = 0;
  let fields = 0;
  for await (const batch of src.recordBatches()) {
    records += batch.length;
    for (let r = 0; r < batch.length; r++) fields += batch.cellCount(r);
    sampleRss();
  }
  return { records, fields };
}

/** Ours with every cell made a string, as the other readers give them. */
async function runOursStrings(file: string): Promise<Counts> {
  const src = await openCsv(file);
  let records = 0;
  let fields = 0;
  for await (const batch of src.batches()) {
    records += batch.length;
    for (const r of batch) fields += r.fields.length;
    sampleRss();
  }
  return { records, fields };
}

/** Decoded text chunks, decoded as ours are (TextDecoder), so that readers differ only in parsing. */
async function* decodedChunks(file: string, encoding: string): AsyncGenerator<string> {
  const dec = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    yield dec.decode(chunk as Buffer, { stream: true });
  }
  const rest = dec.decode();
  if (rest) yield rest;
}

/** udsv's incremental parser (string tuples, a callback per row). */
async function runUdsv(file: string, encoding: string): Promise<Counts> {
  const { inferSchema, initParser } = (await loadOptional('udsv')) as UdsvLike;
  let parser: UdsvParser | null = null;
  let records = 0;
  let fields = 0;
  const onRow = (row: string[]): void => {
    records++;
    fields += row.length;
  };
  for await (const text of decodedChunks(file, encoding)) {
    parser ??= initParser(inferSchema(text, { col: ',', header: () => [] }));
    parser.chunk(text, parser.stringArrs, onRow);
    sampleRss();
  }
  parser?.end();
  return { records, fields };
}
interface UdsvParser {
  stringArrs: unknown;
  chunk: (s: string, parse: unknown, onRow: (row: string[]) => void) => void;
  end: () => void;
}
interface UdsvLike {
  inferSchema: (s: string, opts?: object) => unknown;
  initParser: (schema: unknown) => UdsvParser;
}

/** Papa Parse in its Node streaming mode (chunk callback), fed a stream of decoded text. */
async function runPapa(file: string, encoding: string): Promise<Counts> {
  const Papa = (await loadOptional('papaparse')) as PapaLike;
  let records = 0;
  let fields = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(Readable.from(decodedChunks(file, encoding)), {
      delimiter: ',',
      chunk: (res: { data: string[][] }) => {
        records += res.data.length;
        for (const r of res.data) fields += r.length;
        sampleRss();
      },
      complete: () => resolve(),
      error: (e: unknown) => reject(e),
    });
  });
  return { records, fields };
}
interface PapaLike {
  parse(input: unknown, config: object): void;
}

// ---------------------------------------------------------------------------------------

async function child(reader: string, file: string, encoding: string): Promise<void> {
  const timer = setInterval(sampleRss, 20);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let r: Counts;
  if (reader === 'ours') r = await runOurs(file);
  else if (reader === 'ours-strings') r = await runOursStrings(file);
  else if (reader === 'udsv') r = await runUdsv(file, encoding);
  else if (reader === 'papaparse') r = await runPapa(file, encoding);
  else if (reader === 'baseline') r = { records: 0, fields: 0 };
  else throw new Error('unknown reader ' + reader);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  sampleRss();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const result: RunResult = { ...r, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRss: Math.max(peakRss, maxRss) };
  process.stdout.write(JSON.stringify(result) + '\n');
}

function runChild(reader: string, file: string, enc: string): RunResult | string {
  const p = spawnSync(process.execPath, [...process.execArgv, SELF, '--child', reader, file, enc], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (p.status !== 0) return p.stderr.trim().split('\n').slice(0, 5).join(' | ');
  return JSON.parse(p.stdout.trim().split('\n').pop()!) as RunResult;
}

/** Import an optional comparison library, from the project or from $CSV_BENCH_MODULES. */
async function loadOptional(name: string): Promise<unknown> {
  let m: Record<string, unknown>;
  try {
    m = (await import(/* @vite-ignore */ name)) as Record<string, unknown>;
  } catch (e) {
    const dir = process.env.CSV_BENCH_MODULES;
    if (!dir) throw e;
    const path = createRequire(join(dir, 'noop.js')).resolve(name);
    m = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as Record<string, unknown>;
  }
  // CommonJS modules come as { default: exports }.
  return m.default !== undefined && Object.keys(m).length <= 2 ? m.default : m;
}

async function canImport(name: string): Promise<boolean> {
  try {
    await loadOptional(name);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (args[0] === '--child') {
    await child(args[1]!, args[2]!, args[3]!);
    return;
  }
  const only = arg('--only');
  const encodings: Array<'utf8' | 'gb18030'> = args.includes('--gb18030-only') ? ['gb18030'] : ['utf8', 'gb18030'];
  const readers = ['ours', 'ours-strings'];
  for (const lib of ['udsv', 'papaparse']) if (await canImport(lib)) readers.push(lib);

  const base = runChild('baseline', '-', '-');
  if (typeof base !== 'string') {
    console.log(`node ${process.version}, ${RUNS} runs each, best run shown; baseline RSS of an idle child ${mib(base.peakRss)} MiB`);
  }
  for (const enc of encodings) {
    const file = dataPath(enc);
    if (!existsSync(file)) {
      process.stderr.write(`generating ${file} …\n`);
      await generate(file, LINES, enc);
    }
    const mb = statSync(file).size / 1e6;
    console.log(`\n${enc}: ${file} — ${LINES.toLocaleString('en')} lines, ${mb.toFixed(1)} MB`);
    for (const reader of readers) {
      if (only && reader !== only) continue;
      const results: RunResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = runChild(reader, file, enc);
        if (typeof r === 'string') {
          console.log(`  ${reader.padEnd(12)} failed: ${r}`);
          break;
        }
        results.push(r);
      }
      if (results.length === 0) continue;
      const best = results.reduce((a, b) => (b.ms < a.ms ? b : a));
      const bestCpu = Math.min(...results.map((r) => r.cpuMs));
      const rss = Math.max(...results.map((r) => r.peakRss));
      const all = results.map((r) => (mb / (r.ms / 1000)).toFixed(0)).join(', ');
      console.log(
        `  ${reader.padEnd(12)} ${(mb / (best.ms / 1000)).toFixed(1).padStart(6)} MB/s wall` +
          ` (${best.ms.toFixed(0)} ms; runs ${all})` +
          `  ${(mb / (bestCpu / 1000)).toFixed(1).padStart(6)} MB/s of CPU time` +
          `  peak RSS ${mib(rss)} MiB` +
          `  ${best.records.toLocaleString('en')} records, ${best.fields.toLocaleString('en')} fields`,
      );
    }
  }
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

await main();
