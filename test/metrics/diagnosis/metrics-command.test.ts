// `ecom-report metrics` carries the diagnosis (JSON and table), and the narrative, thresholds and
// targets are checked with messages that name the file and the path inside it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricsDocument } from '../../../src/metrics/document.js';
import { runCli } from '../../helpers/run-cli.js';

const root = path.resolve(__dirname, '../../..');
const demo = path.join(root, 'fixtures/demo/ecom-report.yaml');

describe('metrics on the demo workspace', () => {
  it('includes the ranked findings in --json', async () => {
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--config', demo, '--json'], { cwd: root });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as MetricsDocument;
    expect(doc.diagnosis!.rules.map((x) => x.id)).toHaveLength(11);
    expect(doc.diagnosis!.findings.length).toBeGreaterThan(0);
    for (const f of doc.diagnosis!.findings) expect(f.observed.value).toEqual(expect.any(Number));
    expect(doc.projects!.projects.map((p) => p.name)).toContain('库存健康治理');
    expect(doc.plan!.quarter).toBe('2026Q4');
  });
  it('prints the findings under the figures table', async () => {
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--config', demo], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('diagnosis (findings ranked by money at stake)');
    expect(r.stdout).toMatch(/supplierLeadTime\s+fired\s+宁波海拓进口贸易有限公司/);
  });
});

describe('narrative and settings mistakes', () => {
  function workspace(extra: string, narrative?: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecom-narrative-cli-'));
    writeFileSync(
      path.join(dir, 'orders.csv'),
      'order_id,line_id,created_at,paid_at,customer_id,sku,category,quantity,paid_amount,status\n' +
        'A1,1,2026-07-02 10:00:00,2026-07-02 10:01:00,c1,S1,女装,1,100.00,completed\n',
    );
    writeFileSync(path.join(dir, 'ecom-report.yaml'), `company: 测试\nsources:\n  - { platform: store, preset: generic, files: [orders.csv] }\n${extra}`);
    if (narrative !== undefined) writeFileSync(path.join(dir, 'narrative.yaml'), narrative);
    return dir;
  }

  it('names an unknown narrative key with its path and the nearest key', async () => {
    const dir = workspace('narrative: narrative.yaml\n', 'projects:\n  - { name: p, ownr: o, owner: o, status: done, goal: g }\n');
    const r = await runCli(['metrics', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("narrative.yaml: projects[0].ownr: unknown key 'ownr' (did you mean 'owner'?)");
  });
  it('names a KPI figure that does not exist, with the nearest figure id', async () => {
    const dir = workspace('narrative: narrative.yaml\n', 'projects:\n  - name: p\n    owner: o\n    status: done\n    goal: g\n    kpis: [{ name: k, figure: overview.gmvv }]\n');
    const r = await runCli(['metrics', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("narrative.yaml: projects[0].kpis[0].figure: unknown figure 'overview.gmvv' (did you mean 'overview.gmv'?)");
  });
  it('says when the narrative file is missing', async () => {
    const r = await runCli(['metrics', '--quarter', '2026Q3'], { cwd: workspace('narrative: story.yaml\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('narrative file story.yaml does not exist');
  });
  it('names a mistyped threshold key', async () => {
    const r = await runCli(['metrics', '--quarter', '2026Q3'], { cwd: workspace('thresholds:\n  slowMoving: { dayz: 30 }\n') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml: thresholds.slowMoving.dayz: unknown key 'dayz' (did you mean 'days'?)");
  });
  it('lists every rule as not checked when the inputs are missing, and warns about a narrative for another quarter', async () => {
    const dir = workspace('narrative: narrative.yaml\n', 'quarter: 2026Q2\n');
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('narrative.yaml is written for 2026Q2, the report is for 2026Q3');
    const doc = JSON.parse(r.stdout) as MetricsDocument;
    const statuses = Object.fromEntries(doc.diagnosis!.rules.map((x) => [x.id, x.status]));
    expect(statuses['inventoryTurnover']).toBe('notChecked');
    expect(statuses['supplierLeadTime']).toBe('notChecked');
    expect(Object.values(statuses)).not.toContain('fired');
  });
});
