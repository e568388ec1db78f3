// Throughput of the ingest hot paths: `npx tsx bench/values.bench.ts`.
// Targets: < 300 ns per timestamp (Asia/Shanghai), < 150 ns per amount.
// Inputs are 1,000,000 distinct strings (as a CSV reader would hand them over), checked for
// correctness before timing.
import { parseDate, parseInstant, parseMoneyMinor, parseQuantity } from '../src/ingest/values.js';
import { epochToLocalDate, wallTimeToEpoch } from '../src/time/zone.js';

const N = 1_000_000;
const pad = (n: number): string => (n < 10 ? '0' : '') + n;

/** Deterministic shuffle (xorshift), so the unsorted run is the same every time. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = items.slice();
  let x = 2463534242;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// One timestamp every 7 s across 2026Q3, written as Shanghai wall time.
const SHANGHAI = 8 * 3_600_000;
const base = Date.UTC(2026, 6, 1) - SHANGHAI;
const epochs: number[] = new Array(N);
const timestamps: string[] = new Array(N);
for (let i = 0; i < N; i++) {
  epochs[i] = base + i * 7_000;
  const d = new Date(epochs[i]! + SHANGHAI);
  timestamps[i] = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
// Amounts as exports write them: plain decimals, every third with a thousands separator.
const minors: number[] = new Array(N);
const amounts: string[] = new Array(N);
for (let i = 0; i < N; i++) {
  const minor = (i * 7919) % 50_000_000;
  const major = Math.floor(minor / 100);
  minors[i] = minor;
  const text = major >= 1000 && i % 3 === 0 ? `${Math.floor(major / 1000)},${String(major % 1000).padStart(3, '0')}` : String(major);
  amounts[i] = `${text}.${pad(minor % 100)}`;
}
/** As a CSV reader hands them over: substrings of the file's text, in file order. */
function asRead(values: string[]): string[] {
  return values.join('\n').split('\n');
}
const withSigns = asRead(amounts.map((a, i) => (i % 2 === 0 ? `¥${a}` : `${a}元`)));
const withCodes = asRead(amounts.map((a, i) => (i % 2 === 0 ? `CNY ${a}` : `(${a})`)));
const quantities = asRead(amounts.map((_, i) => String((i % 50) - 5)));

for (const list of [timestamps, amounts]) {
  const read = asRead(list);
  for (let i = 0; i < N; i++) list[i] = read[i]!;
}

const ctx = { timeZone: 'Asia/Shanghai' };
const ny = { timeZone: 'America/New_York' };

// Correctness first.
for (let i = 0; i < N; i++) {
  if (parseInstant(timestamps[i]!, ctx) !== epochs[i]) throw new Error(`parseInstant(${timestamps[i]}) = ${String(parseInstant(timestamps[i]!, ctx))}`);
  if (parseMoneyMinor(amounts[i]!, 'major') !== minors[i]) throw new Error(`parseMoneyMinor(${amounts[i]})`);
  if (parseMoneyMinor(withSigns[i]!, 'major') !== minors[i]) throw new Error(`parseMoneyMinor(${withSigns[i]})`);
}

function bench<T>(label: string, inputs: readonly T[], fn: (x: T) => unknown): void {
  let sink = 0;
  for (let i = 0; i < 300_000; i++) {
    const r = fn(inputs[i % inputs.length]!);
    if (typeof r === 'number') sink += r;
  }
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < inputs.length; i++) {
      const r = fn(inputs[i]!);
      if (typeof r === 'number') sink += r;
      else if (typeof r === 'string') sink += r.length;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / inputs.length);
  }
  console.log(`${label.padEnd(52)} ${best.toFixed(1).padStart(7)} ns/op${sink === 0.5 ? ' ' : ''}`);
}

console.log(`node ${process.version}; ${N.toLocaleString('en-US')} distinct values per run, best of 3 runs`);
bench("parseInstant '2026-07-01 09:05:00' Asia/Shanghai", timestamps, (s) => parseInstant(s, ctx));
// Worst case: the same strings visited in random order, so nearly every value is a cache miss
// (compare the two baselines at the end). Real reads consume each field right after the CSV
// reader creates it, i.e. the in-order figures.
const shuffledTimestamps = shuffled(timestamps);
bench('parseInstant  same, shuffled (random memory access)', shuffledTimestamps, (s) => parseInstant(s, ctx));
bench('parseInstant  same, America/New_York', timestamps, (s) => parseInstant(s, ny));
bench("parseInstant '2026/7/1 9:05' (general scanner)", asRead(timestamps.map((t) => t.replace(/-0?/g, '/').slice(0, 16))), (s) => parseInstant(s, ctx));
bench('parseDate     same, Asia/Shanghai', timestamps, (s) => parseDate(s, ctx));
bench("parseMoneyMinor '1234.50' / '1,234.50' (major)", amounts, (s) => parseMoneyMinor(s, 'major'));
bench("parseMoneyMinor '¥1,234.50' / '1234.50元'", withSigns, (s) => parseMoneyMinor(s, 'major'));
bench("parseMoneyMinor 'CNY 1,234.50' / '(1234.50)' (regex)", withCodes, (s) => parseMoneyMinor(s, 'major'));
bench('parseQuantity', quantities, (s) => parseQuantity(s));
bench('epochToLocalDate Asia/Shanghai', epochs, (t) => epochToLocalDate('Asia/Shanghai', t));
bench('wallTimeToEpoch America/New_York', epochs, (t) => wallTimeToEpoch('America/New_York', 2026, 7, 1, 0, 0, 0, t - base));
bench('  baseline: read 3 chars of each string, shuffled', shuffledTimestamps, (s) => s.charCodeAt(0) + s.charCodeAt(10) + s.charCodeAt(18));
bench('  baseline: same, in order', timestamps, (s) => s.charCodeAt(0) + s.charCodeAt(10) + s.charCodeAt(18));
