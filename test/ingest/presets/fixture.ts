// Runs a preset fixture (fixtures/presets/<name>, written by scripts/gen-preset-fixtures.ts)
// through the real ingest and the overview accumulator, and loads the generator's own
// expectations beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrderLine } from '../../../src/canonical.js';
import { loadWorkspace } from '../../../src/config/load.js';
import { ingestWorkspace, type IngestResult } from '../../../src/ingest/workspace.js';
import { OverviewAccumulator, type OverviewMetrics } from '../../../src/metrics/overview.js';
import { monthBoundaries, parseQuarter, reportPeriods } from '../../../src/time/quarter.js';

export const PRESET_FIXTURES = [
  'tmall-orders',
  'jd-orders',
  'douyin-orders',
  'pdd-orders',
  'shopify-orders',
  'amazon-orders',
  'woocommerce-orders',
  'generic',
] as const;

export interface Figures {
  gmvMinor: number;
  refundsMinor: number;
  orders: number;
  buyers: number;
}

export interface Expected {
  preset: string;
  quarter: string;
  timezone: string;
  currency: string;
  figures: { current: Figures; previous: Figures };
  orderLines: number;
  files: {
    file: string;
    encoding: string;
    rowsRead: number;
    rowsKept: number;
    skipped: Record<string, number>;
  }[];
  spots: { quirk: string; orderId: string; lineId: string; expect: Record<string, unknown> }[];
  problems: { severity: 'error' | 'warning'; file: string; row: number; column?: string; says: string }[];
  tables?: Record<string, { rows: number; sums?: Record<string, number> }>;
}

export interface FixtureRun {
  dir: string;
  expected: Expected;
  result: IngestResult;
  /** Lines by `orderId␀lineId`. */
  lines: Map<string, OrderLine>;
  overview: OverviewMetrics;
}

export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`../../../fixtures/presets/${name}/`, import.meta.url));
}

export function fileBytes(name: string, rel: string): Buffer {
  return readFileSync(join(fixtureDir(name), rel));
}

export const lineKey = (orderId: string, lineId: string): string => `${orderId}\u0000${lineId}`;

export async function runFixture(name: string, configFile = 'ecom-report.yaml'): Promise<FixtureRun> {
  const dir = fixtureDir(name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const ws = await loadWorkspace(join(dir, configFile), dir);
  const quarter = parseQuarter(expected.quarter);
  if (!quarter) throw new Error(`bad quarter ${expected.quarter}`);
  const periods = reportPeriods(quarter, ws.config.timezone, ws.config.fiscalYearStartMonth);
  const acc = new OverviewAccumulator({ periods, monthBoundaries: monthBoundaries(periods.current, 24, ws.config.timezone) });
  const lines = new Map<string, OrderLine>();
  const result = await ingestWorkspace(ws.config, {
    baseDir: ws.baseDir,
    onOrderLine: (line) => {
      lines.set(lineKey(line.orderId, line.lineId), line);
      acc.add(line);
    },
  });
  return { dir, expected, result, lines, overview: acc.finish() };
}
