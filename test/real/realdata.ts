// Shared by the real-data tests: where the exports are, a temp workspace whose config points
// at them by absolute path, and runs of ingest and of the CLI on it.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrderLine } from '../../src/canonical.js';
import { loadWorkspace } from '../../src/config/load.js';
import { formatProblem } from '../../src/ingest/problems.js';
import { ingestWorkspace, type IngestResult } from '../../src/ingest/workspace.js';
import type { MetricsDocument } from '../../src/metrics/document.js';
import { runCli } from '../helpers/run-cli.js';

/** `../shared/realdata` beside the repository (ECOM_REPORT_REALDATA overrides it). */
export const REALDATA_DIR = process.env['ECOM_REPORT_REALDATA'] ?? fileURLToPath(new URL('../../../shared/realdata/', import.meta.url));

export const haveRealData = existsSync(REALDATA_DIR);

export function realFile(name: string): string {
  return path.join(REALDATA_DIR, name);
}

/** A workspace folder holding `ecom-report.yaml` with `yaml` as its content. */
export function realWorkspace(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-real-'));
  writeFileSync(path.join(dir, 'ecom-report.yaml'), yaml);
  return dir;
}

export interface IngestRun {
  lines: OrderLine[];
  result: IngestResult;
  problems: string[];
}

export async function ingestAll(dir: string): Promise<IngestRun> {
  const ws = await loadWorkspace('ecom-report.yaml', dir);
  const lines: OrderLine[] = [];
  const result = await ingestWorkspace(ws.config, { baseDir: ws.baseDir, onOrderLine: (l) => lines.push(l) });
  return { lines, result, problems: result.problems.list().map(formatProblem) };
}

/** `ecom-report metrics --json` in-process; fails the test on a non-zero exit. */
export async function metricsJson(dir: string, quarter: string): Promise<MetricsDocument> {
  const r = await runCli(['metrics', '--json', '--quarter', quarter], { cwd: dir });
  if (r.code !== 0) throw new Error(`metrics ${quarter} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as MetricsDocument;
}

/** A YAML double-quoted string (paths with spaces). */
export const quoted = (text: string): string => JSON.stringify(text);
