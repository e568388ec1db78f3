// Small throwaway workspaces for end-to-end tests: a config, files beside it, and the overview
// figures `metrics --json` gives for 2026Q3.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './run-cli.js';

export interface Overview {
  gmv: { value: number };
  refunds: { value: number };
  netSales: { value: number };
  orders: { value: number };
  buyers: { value: number };
}

/** A temp folder holding `ecom-report.yaml` (= `config`) and `files` (paths relative to it). */
export function workspaceWith(config: string, files: Record<string, string | Buffer>, prefix = 'ecom-report-ws-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  writeFileSync(path.join(dir, 'ecom-report.yaml'), config);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A CNY, Asia/Shanghai workspace config with one source of `preset` reading `files`. */
export const oneSource = (preset: string, files = 'data/*.csv', extra = '') =>
  `company: t\ncurrency: CNY\ntimezone: Asia/Shanghai\nsources:\n  - platform: shop\n    preset: ${preset}\n    files: ["${files}"]\n${extra}`;

/** The 2026Q3 overview of a workspace, with what the run printed and its exit code. */
export async function overviewOf(dir: string): Promise<{ overview: Overview; stderr: string; code: number }> {
  const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
  return { overview: r.stdout ? JSON.parse(r.stdout).overview : undefined, stderr: r.stderr, code: r.code };
}
