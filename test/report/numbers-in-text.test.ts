// No number on a slide that is not in the metrics JSON. Every number in the text of the demo
// deck (zh-CN and en) is extracted with its prefix and unit and matched to a figure of the
// metrics JSON rendered the way the locale renders it (¥ and 万/亿, or K/M; % for ratios and
// changes; × for multiples). Dates must be period bounds, campaign days, months or weeks the
// JSON names, or the first and last day of an input file as `validate --json` reports it.
// Numbers written into the template's own sentences ("P90", "近 12 个月") are words, not figures.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeck, type SlideInfo } from '../helpers/pptx.js';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(__dirname, '../..');
const config = path.join(root, 'fixtures/demo/ecom-report.yaml');

interface Pool {
  /** Every number in the JSON, as a non-negative value. */
  numbers: number[];
  /** Numbers written inside JSON strings and inside the locale's own patterns, exactly as written. */
  literals: Set<string>;
  dates: Set<string>;
  quarters: Set<string>;
  months: Set<string>;
  weeks: Set<string>;
  days: Set<string>;
}

function collect(node: unknown, pool: Pool): void {
  if (typeof node === 'number' && Number.isFinite(node)) pool.numbers.push(Math.abs(node));
  else if (typeof node === 'string') {
    for (const m of node.matchAll(/\d+(?:\.\d+)?/g)) pool.literals.add(m[0]);
    for (const m of node.matchAll(/\d{4}-\d{2}-\d{2}/g)) pool.dates.add(m[0]);
    for (const m of node.matchAll(/(\d{4})Q(\d)/g)) pool.quarters.add(`${m[1]}Q${m[2]}`);
    for (const m of node.matchAll(/(\d{4})-W(\d{2})/g)) pool.weeks.add(String(Number(m[2])));
    for (const m of node.matchAll(/(\d{4})-(\d{2})(?:-(\d{2}))?/g)) {
      pool.months.add(`${m[1]}-${m[2]}`);
      if (m[3]) pool.days.add(`${Number(m[2])}/${Number(m[3])}`);
    }
  } else if (Array.isArray(node)) for (const v of node) collect(v, pool);
  else if (typeof node === 'object' && node !== null) for (const v of Object.values(node)) collect(v, pool);
}

/** Ways a raw JSON number is shown, by the unit written after (or the symbol before) it. */
function transforms(prefix: string, suffix: string): ((v: number) => number)[] {
  const money = prefix !== '';
  switch (suffix) {
    case '%':
    case 'pp':
      return [(v) => v * 100, (v) => v];
    case '万':
      return [(v) => v / 1e4, (v) => v / 1e6];
    case '亿':
      return [(v) => v / 1e8, (v) => v / 1e10];
    case 'K':
      return [(v) => v / 1e3, (v) => v / 1e5];
    case 'M':
      return [(v) => v / 1e6, (v) => v / 1e8];
    case 'B':
      return [(v) => v / 1e9, (v) => v / 1e11];
    default:
      // Money in minor units shows in major units; plain counts, durations and scores as they are.
      return money ? [(v) => v / 100, (v) => v] : [(v) => v, (v) => v / 100, (v) => v / 3600, (v) => v * 100];
  }
}

interface Token {
  raw: string;
  prefix: string;
  digits: string;
  suffix: string;
}

function explained(t: Token, pool: Pool): boolean {
  if (pool.literals.has(t.digits.replace(/,/g, ''))) return true;
  const num = Number(t.digits.replace(/,/g, ''));
  const decimals = t.digits.split('.')[1]?.length ?? 0;
  const f = 10 ** decimals;
  for (const transform of transforms(t.prefix, t.suffix)) {
    for (const v of pool.numbers) {
      if (Math.abs(Math.round(transform(v) * f) / f - num) < 1e-9) return true;
    }
  }
  return false;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));

/** Takes the dates out of a text, checking each; returns the text without them and the bad dates. */
function stripDates(text: string, pool: Pool): { rest: string; bad: string[] } {
  const bad: string[] = [];
  const check = (ok: boolean, raw: string) => {
    if (!ok) bad.push(raw);
    return ' ';
  };
  const pad = (n: string | number) => String(n).padStart(2, '0');
  let rest = text
    .replace(/(\d{4})-(\d{2})-(\d{2})/g, (raw) => check(pool.dates.has(raw), raw))
    .replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (raw, y, m, d) => check(pool.dates.has(`${y}-${pad(m)}-${pad(d)}`), raw))
    .replace(new RegExp(`(${MONTHS.join('|')}) (\\d{1,2}), (\\d{4})`, 'g'), (raw, m, d, y) => check(pool.dates.has(`${y}-${pad(MONTHS.indexOf(m) + 1)}-${pad(d)}`), raw))
    .replace(/(\d{4})年第(\d)季度/g, (raw, y, q) => check(pool.quarters.has(`${y}Q${q}`), raw))
    .replace(/Q(\d) (\d{4})/g, (raw, q, y) => check(pool.quarters.has(`${y}Q${q}`), raw))
    .replace(/(\d{4})Q(\d)/g, (raw) => check(pool.quarters.has(raw), raw))
    .replace(/(\d{2})年(\d{1,2})月/g, (raw, y, m) => check(pool.months.has(`20${y}-${pad(m)}`), raw))
    .replace(new RegExp(`(${MON.join('|')}) (\\d{2})\\b`, 'g'), (raw, m, y) => check(pool.months.has(`20${y}-${pad(MON.indexOf(m) + 1)}`), raw))
    .replace(/\bW(\d{1,2})\b/g, (raw, w) => check(pool.weeks.has(String(Number(w))), raw))
    .replace(/\b(\d{1,2})\/(\d{1,2})\b/g, (raw, m, d) => check(pool.days.has(`${Number(m)}/${Number(d)}`), raw));
  rest = rest.replace(/\d{1,2}月/g, (raw) => raw); // month words alone are names, checked with their year above
  return { rest, bad };
}

const TOKEN = /(HK\$|NT\$|S\$|A\$|C\$|[¥$€£₩])?[+\-−]?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(万|亿|pp|%|×|K\b|M\b|B\b)?/g;

function unexplained(text: string, pool: Pool): string[] {
  const { rest, bad } = stripDates(text, pool);
  const out = [...bad];
  for (const m of rest.matchAll(TOKEN)) {
    const t: Token = { raw: m[0], prefix: m[1] ?? '', digits: m[2]!, suffix: m[3] ?? '' };
    if (!explained(t, pool)) out.push(t.raw.trim());
  }
  return out;
}

async function build(locale: 'zh-CN' | 'en'): Promise<{ slides: SlideInfo[]; pool: Pool; footer: RegExp }> {
  const dir = mkdtempSync(path.join(tmpdir(), `numbers-${locale}-`));
  const r = await runCli(['build', '--quarter', '2026Q3', '--config', config, '--locale', locale, '--out', 'd.pptx', '--metrics-json', 'm.json'], { cwd: dir });
  expect(r.code).toBe(0);
  const pool: Pool = { numbers: [], literals: new Set(), dates: new Set(), quarters: new Set(), months: new Set(), weeks: new Set(), days: new Set() };
  collect(JSON.parse(readFileSync(path.join(dir, 'm.json'), 'utf8')), pool);
  // The template's own sentences: numbers written in them are words ("P90", "12 个月").
  collect(parse(readFileSync(path.join(root, 'templates/default/locales', `${locale}.yaml`), 'utf8')), { ...pool, numbers: [] });
  // The first and last day of each input file, as ingest reports them.
  const v = await runCli(['validate', '--quarter', '2026Q3', '--config', config, '--json'], { cwd: dir });
  const files = (JSON.parse(v.stdout) as { files: { firstAt: number | string | null; lastAt: number | string | null }[] }).files;
  const day = (at: number | string | null) =>
    at === null ? null : typeof at === 'string' ? at.slice(0, 10) : new Date(at + 8 * 3600_000).toISOString().slice(0, 10); // Asia/Shanghai, no DST
  for (const f of files) for (const d of [day(f.firstAt), day(f.lastAt)]) if (d) pool.dates.add(d);
  const slides = (await openDeck(readFileSync(path.join(dir, 'd.pptx')))).slides;
  const footer = locale === 'zh-CN' ? /^示例电商 · 2026年第3季度$/ : /^示例电商 · Q3 2026$/;
  return { slides, pool, footer };
}

function offenders(slides: SlideInfo[], pool: Pool, footer: RegExp): string[] {
  const out: string[] = [];
  slides.forEach((s, i) => {
    const page = String(i + 1);
    for (const [k, text] of s.texts.entries()) {
      if (footer.test(text)) continue;
      if (text === page && k === s.texts.length - 1) continue; // page number
      if (/^0\d$/.test(text) && (i === 1 || s.charts.length === 0)) continue; // section numbers on contents and dividers
      for (const bad of unexplained(text, pool)) out.push(`slide ${page}: '${bad}' in "${text}"`);
    }
  });
  return out;
}

describe('every number on a slide comes from the metrics JSON', () => {
  let zh: Awaited<ReturnType<typeof build>>;
  let en: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    zh = await build('zh-CN');
    en = await build('en');
  }, 180_000);

  it('the matcher itself refuses a number that is not there and accepts formatted figures', () => {
    const pool: Pool = { numbers: [42_912_345, 0.224, 1886, 0.0349], literals: new Set(), dates: new Set(['2026-09-30']), quarters: new Set(['2026Q3']), months: new Set(), weeks: new Set(), days: new Set() };
    expect(unexplained('GMV ¥42.9万，同比增长 22.4%，买家 1,886，转化率 3.5%', pool)).toEqual([]);
    expect(unexplained('GMV ¥429.1K, up 22.4%', pool)).toEqual([]);
    expect(unexplained('2026年第3季度 · 2026年9月30日', pool)).toEqual([]);
    expect(unexplained('GMV ¥43.0万，同比增长 22.5%，买家 1,887，2026年9月29日', pool)).toEqual(['2026年9月29日', '¥43.0万', '22.5%', '1,887']);
  });

  it('zh-CN: no slide text carries a number that is not a figure', () => {
    expect(offenders(zh.slides, zh.pool, zh.footer)).toEqual([]);
  });

  it('en: no slide text carries a number that is not a figure', () => {
    expect(offenders(en.slides, en.pool, en.footer)).toEqual([]);
  });
});
