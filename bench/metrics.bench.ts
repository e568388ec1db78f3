// Benchmark of the section-1/2 metrics accumulators (src/metrics/core.ts) and of the whole
// pipeline with every figure on.
//
//   npx tsx bench/metrics.bench.ts [--lines N] [--only memory|pipeline]
//
// memory:   bytes per buyer. A child process (run with --expose-gc) feeds CoreAccumulator, and
//           separately OverviewAccumulator, the lines of 50,000 and then 200,000 distinct
//           buyers (two orders each over 18 months) and measures the heap after a full GC; the
//           slope between the two sizes is the cost of one more buyer, free of fixed costs.
// pipeline: generates (once, deterministically) a workspace of N order lines (default
//           1,000,000) across four platform exports plus traffic, service tickets and reviews in
//           os.tmpdir(), then runs the shared pipeline (`loadAndCompute`: every accumulator and
//           every section's figures) in a child process and prints wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrderLine } from '../src/canonical.js';
import { CoreAccumulator } from '../src/metrics/core.js';
import { OverviewAccumulator } from '../src/metrics/overview.js';
import { DEFAULT_SETTINGS } from '../src/metrics/settings.js';
import { monthBoundaries, reportPeriods } from '../src/time/quarter.js';
import { mulberry32 } from '../src/seeded-random.js';

const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const LINES = Number(arg('--lines') ?? 1_000_000);
const TZ = 'Asia/Shanghai';
const PERIODS = reportPeriods({ year: 2026, quarter: 3 }, TZ);
const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2025, 3, 1) - 8 * 3_600_000; // 2025-04-01 00:00 in Shanghai
const DAYS = 548; // to 2026-09-30


const PLATFORMS = ['tmall', 'jd', 'douyin', 'store'];
const CATEGORIES = ['女装', '美妆护肤', '食品饮料', '家居日用', '数码配件', '母婴'];
const CHANNELS = ['搜索', '推荐', '直播', '付费推广'];
const REASONS = ['尺码不合适', '质量问题', '不想要了', '与描述不符', '发货太慢'];
const SKUS = 3000;

// ---------------------------------------------------------------------------------------
// memory: bytes per buyer

function buyerLines(buyers: number, rnd: () => number, visit: (line: OrderLine) => void): void {
  let order = 0;
  for (let b = 0; b < buyers; b++) {
    const platform = PLATFORMS[b % 4]!;
    for (let k = 0; k < 2; k++) {
      const paidAt = START_MS + Math.floor(rnd() * DAYS * DAY_MS);
      const orderKey = order++;
      const orderId = String(4_000_000_000_000_000 + orderKey * 7919);
      const lines = rnd() < 0.2 ? 2 : 1;
      for (let l = 0; l < lines; l++) {
        const sku = Math.floor(rnd() * SKUS);
        visit({
          platform, orderId, lineId: String(l + 1), orderKey, buyerKey: b, createdAt: paidAt, paidAt, customerId: `C${100000 + b}`,
          sku: `SKU${sku}`, productName: null, category: CATEGORIES[sku % CATEGORIES.length]!, quantity: 1,
          unitPriceMinor: 1900 + (sku % 400) * 100, paidAmountMinor: 1900 + (sku % 400) * 100, discountMinor: 0, shippingMinor: 0,
          status: 'completed', refundAmountMinor: 0, refundReason: null, channel: CHANNELS[b % 4]!, campaign: null, region: null,
          shippedAt: null, deliveredAt: null, promisedAt: null, isLive: null,
        });
      }
    }
  }
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  // Typed-array columns live outside the JS heap: count their backing stores too.
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function memoryChild(kind: string, buyers: number): void {
  const core = kind === 'core' ? new CoreAccumulator({ periods: PERIODS, timeZone: TZ, campaigns: [], settings: DEFAULT_SETTINGS, minorPerMajor: 100 }) : null;
  const overview = kind === 'overview' ? new OverviewAccumulator({ periods: PERIODS, monthBoundaries: monthBoundaries(PERIODS.current, 24, TZ) }) : null;
  // Both sizes cover the same 18 months, so day cells and time-zone caches cost the same in
  // each and drop out of the slope.
  const before = heapAfterGc();
  let lines = 0;
  buyerLines(buyers, mulberry32(7), (line) => {
    lines++;
    core?.add(line);
    overview?.add(line);
  });
  const after = heapAfterGc();
  process.stdout.write(JSON.stringify({ kind, buyers, lines, bytes: after - before, keep: core !== null || overview !== null }) + '\n');
}

function runMemory(): void {
  const measure = (kind: string, buyers: number) => {
    const p = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', SELF, '--child-memory', kind, String(buyers)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (p.status !== 0) throw new Error(p.stderr);
    return JSON.parse(p.stdout.trim().split('\n').pop()!) as { bytes: number; lines: number };
  };
  console.log('bytes per buyer (heap + array buffers, growth between 50,000 and 200,000 buyers, after a full GC)');
  for (const kind of ['core', 'overview']) {
    const small = measure(kind, 50_000);
    const large = measure(kind, 200_000);
    const perBuyer = (large.bytes - small.bytes) / 150_000;
    const perLine = (large.bytes - small.bytes) / (large.lines - small.lines);
    console.log(`  ${kind.padEnd(9)} ${perBuyer.toFixed(0).padStart(5)} B/buyer  (${perLine.toFixed(0)} B/line at 2 orders and ${(large.lines / 200_000).toFixed(2)} lines per buyer; ${(large.bytes / 2 ** 20).toFixed(1)} MiB at 200,000 buyers)`);
  }
}

// ---------------------------------------------------------------------------------------
// pipeline: a 1M-line workspace

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
function localTime(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

async function writeLines(file: string, header: string, rows: (emit: (row: string) => void) => void): Promise<void> {
  const tmp = file + '.tmp';
  const out = createWriteStream(tmp);
  let buffer = header + '\n';
  rows((row) => {
    buffer += row + '\n';
    if (buffer.length > 1 << 20) {
      out.write(buffer);
      buffer = '';
    }
  });
  out.write(buffer);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
}

async function makeWorkspace(lines: number): Promise<string> {
  const dir = join(tmpdir(), `ecom-report-metrics-bench-${lines}`);
  const config = join(dir, 'ecom-report.yaml');
  if (existsSync(config)) return config;
  mkdirSync(join(dir, 'data'), { recursive: true });
  const rnd = mulberry32(20260930);
  const buyers = Math.max(1, Math.round(lines / 5)); // about 5 lines per buyer over 18 months
  const perPlatform = Math.ceil(lines / PLATFORMS.length);
  for (const [p, platform] of PLATFORMS.entries()) {
    let written = 0;
    let order = 0;
    await writeLines(join(dir, 'data', `${platform}.csv`), 'order_id,line_id,created_at,paid_at,customer_id,sku,product_name,category,quantity,unit_price,paid_amount,status,refund_amount,refund_reason,channel', (emit) => {
      // Orders in time order, like a real export; lines of an order together.
      while (written < perPlatform) {
        const t = START_MS + Math.floor((written / perPlatform) * DAYS * DAY_MS) + Math.floor(rnd() * 60_000);
        const n = rnd() < 0.25 ? 2 + Math.floor(rnd() * 3) : 1;
        const customer = `C${1_000_000 + Math.floor(rnd() * rnd() * (buyers / 4)) * 4 + p}`;
        const id = String(5_000_000_000_000_000 + (p * 10_000_000 + order++) * 7919);
        for (let l = 0; l < n && written < perPlatform; l++, written++) {
          const sku = Math.floor(rnd() * rnd() * SKUS);
          const price = 1900 + (sku % 400) * 100;
          const qty = rnd() < 0.85 ? 1 : 2;
          const paid = Math.round(price * qty * (0.8 + 0.2 * rnd()));
          const refunded = rnd() < 0.06;
          const status = rnd() < 0.03 ? 'cancelled' : refunded ? 'refunded' : 'completed';
          emit(
            [id, l + 1, localTime(t), status === 'cancelled' ? '' : localTime(t + 60_000), customer, `SKU${sku}`, `商品${sku}`, CATEGORIES[sku % CATEGORIES.length], qty,
              (price / 100).toFixed(2), (paid / 100).toFixed(2), status, refunded ? (paid / 100).toFixed(2) : '0.00', refunded ? REASONS[sku % REASONS.length] : '', CHANNELS[Math.floor(rnd() * 4)]].join(','),
          );
        }
      }
    });
  }
  await writeLines(join(dir, 'data', 'traffic.csv'), 'date,platform,channel,visitors,product_views,add_to_cart,checkouts,buyers', (emit) => {
    for (let d = 0; d < DAYS; d++) {
      const date = localTime(START_MS + d * DAY_MS).slice(0, 10);
      for (const platform of PLATFORMS) for (const channel of CHANNELS) {
        const v = 2000 + Math.floor(rnd() * 3000);
        emit([date, platform, channel, v, Math.floor(v * 0.55), Math.floor(v * 0.2), Math.floor(v * 0.06), Math.floor(v * 0.035)].join(','));
      }
    }
  });
  await writeLines(join(dir, 'data', 'tickets.csv'), 'ticket_id,platform,created_at,first_response_at,resolved_at,kind,reason,satisfaction', (emit) => {
    for (let i = 0; i < lines / 20; i++) {
      const t = START_MS + Math.floor(rnd() * DAYS * DAY_MS);
      emit([`T${i}`, PLATFORMS[i % 4], localTime(t), localTime(t + Math.floor(5_000 + rnd() * 300_000)), localTime(t + Math.floor(rnd() * 72 * 3_600_000)), 'aftersale', '物流查询', 1 + Math.floor(rnd() * 5)].join(','));
    }
  });
  await writeLines(join(dir, 'data', 'reviews.csv'), 'platform,order_id,created_at,rating', (emit) => {
    for (let i = 0; i < lines / 10; i++) emit([PLATFORMS[i % 4], `R${i}`, localTime(START_MS + Math.floor(rnd() * DAYS * DAY_MS)), 1 + Math.floor(rnd() * 5)].join(','));
  });
  const sources = PLATFORMS.map((p) => `  - { platform: ${p}, preset: generic, files: ["data/${p}.csv"] }`).join('\n');
  writeFileSync(
    config,
    `company: Bench\ncurrency: CNY\ntimezone: ${TZ}\nsources:\n${sources}\n` +
      '  - { platform: all, preset: generic, table: traffic_daily, files: ["data/traffic.csv"] }\n' +
      '  - { platform: all, preset: generic, table: service_tickets, files: ["data/tickets.csv"] }\n' +
      '  - { platform: all, preset: generic, table: reviews, files: ["data/reviews.csv"] }\n' +
      'campaigns:\n  - { name: "618", start: 2026-06-01, end: 2026-06-18 }\n  - { name: "七夕", start: 2026-08-22, end: 2026-08-29 }\n',
  );
  return config;
}

async function pipelineChild(config: string): Promise<void> {
  const { loadAndCompute } = await import('../src/cli/pipeline.js');
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const ctx = { cwd: process.cwd(), now: () => Date.UTC(2026, 10, 1), stdout: process.stdout, stderr: { write: () => true, isTTY: false }, env: {} };
  const r = await loadAndCompute({ config, quarter: '2026Q3' }, ctx as unknown as Parameters<typeof loadAndCompute>[1]);
  const ms = performance.now() - t0;
  clearInterval(timer);
  const c = r.metrics.core!;
  process.stdout.write(
    JSON.stringify({
      ms,
      peakRss: Math.max(peak, process.resourceUsage().maxRSS * 1024),
      lines: r.metrics.provenance.orderLines,
      buyersTracked: c.counts.buyersTracked,
      dayCells: c.counts.dayCells,
      pairs: c.pairs.sku.length,
      conversion: c.conversion.value,
    }) + '\n',
  );
}

async function runPipeline(): Promise<void> {
  const t0 = performance.now();
  const config = await makeWorkspace(LINES);
  console.log(`workspace: ${config} (${((performance.now() - t0) / 1000).toFixed(1)} s to prepare)`);
  const p = spawnSync(process.execPath, [...process.execArgv, SELF, '--child-pipeline', config], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (p.status !== 0) throw new Error(p.stderr);
  const r = JSON.parse(p.stdout.trim().split('\n').pop()!) as { ms: number; peakRss: number; lines: number; buyersTracked: number; dayCells: number; pairs: number };
  console.log(
    `pipeline, every figure on: ${r.lines.toLocaleString('en-US')} order lines, ${r.buyersTracked.toLocaleString('en-US')} buyers, ${r.dayCells.toLocaleString('en-US')} day cells` +
      `\n  wall ${(r.ms / 1000).toFixed(1)} s, peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
}

async function main(): Promise<void> {
  if (args[0] === '--child-memory') return memoryChild(args[1]!, Number(args[2]));
  if (args[0] === '--child-pipeline') return pipelineChild(args[1]!);
  const only = arg('--only');
  if (only !== 'pipeline') runMemory();
  if (only !== 'memory') await runPipeline();
}

await main();
