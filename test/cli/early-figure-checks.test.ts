// Figure ids in deck.yaml and in the narrative's KPIs are checked before any export is read, as
// far as the data cannot change them: against the document computed from no data. An id
// whose path leaves the document's objects (overview.gmvv) fails at once; an id that goes into
// a list (core.byPlatform, overview.byPlatform.tmall.gmv) waits for the figures.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAndCompute, openWorkspace } from '../../src/cli/pipeline.js';
import type { CommandContext } from '../../src/cli/context.js';
import { figureIds } from '../../src/metrics/projects.js';
import { figureCannotExist, figureEntries } from '../../src/report/figure-paths.js';
import { runCli } from '../helpers/run-cli.js';

const DEMO = path.resolve(__dirname, '../../fixtures/demo');

/** A copy of the demo workspace with a template `templates/x` holding `deckYaml`. */
function demoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-early-'));
  cpSync(DEMO, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const chartSlide = (figure: string) => `slides:
  x.chart:
    after: overview.byPlatform
    kind: chart
    chart: { type: bar, figure: ${figure} }
`;

/** A workspace whose exports cannot be read: were ingest to run, it would say so (exit 1). */
function unreadableExports(dir: string): void {
  const config = readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8');
  writeFileSync(path.join(dir, 'ecom-report.yaml'), config.replace('files: ["data/tmall/*.csv"]', 'files: ["data/tmall/missing.csv"]'));
}

describe('a figure id no data could make is reported before any export is read', () => {
  it('in deck.yaml: exit 2 with the file, the path and the nearest id, for build and validate', async () => {
    const dir = demoWith({ 'templates/x/deck.yaml': chartSlide('overview.gmvv') });
    writeFileSync(path.join(dir, 'ecom-report.yaml'), readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8').replace('template: default', 'template: templates/x'));
    unreadableExports(dir);
    for (const argv of [['build', '--quarter', '2026Q3'], ['validate', '--quarter', '2026Q3']]) {
      const r = await runCli(argv, { cwd: dir });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain("templates/x/deck.yaml: slides.x.chart.chart.figure: unknown figure 'overview.gmvv' — did you mean 'overview.gmv'?");
      expect(r.stderr).not.toContain('missing.csv');
    }
  });

  it('in the narrative: exit 2 naming the KPI, before the exports', async () => {
    const dir = demoWith({});
    const narrative = readFileSync(path.join(dir, 'narrative.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'narrative.yaml'), narrative.replace('        figure: core.conversion', '        figure: core.conversoin'));
    unreadableExports(dir);
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/narrative\.yaml: projects\[\d+\]\.kpis\[0\]\.figure: unknown figure 'core\.conversoin' \(did you mean 'core\.conversion'\?\)/);
    expect(r.stderr).not.toContain('missing.csv');
  });

  it('ids that go into a list wait for the data, and pass when it has them', async () => {
    const dir = demoWith({ 'templates/x/deck.yaml': chartSlide('core.byPlatform') });
    writeFileSync(path.join(dir, 'ecom-report.yaml'), readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8').replace('template: default', 'template: templates/x'));
    const narrative = readFileSync(path.join(dir, 'narrative.yaml'), 'utf8');
    writeFileSync(path.join(dir, 'narrative.yaml'), narrative.replace('        figure: core.conversion', '        figure: overview.byPlatform.tmall.gmv'));
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.stderr).not.toContain('unknown figure');
    expect(r.code).toBe(0);
  });
});

describe('figureCannotExist', () => {
  const shape = { overview: { gmv: { value: null, unit: 'minor', qoq: null, yoy: null }, byPlatform: [] }, core: { funnel: null } };

  it('rules out a path that leaves the objects at a key they lack, or goes into a figure', () => {
    expect(figureCannotExist(shape, 'overview.gmvv')).toBe(true);
    expect(figureCannotExist(shape, 'overvew.gmv')).toBe(true);
    expect(figureCannotExist(shape, 'overview.gmv.value')).toBe(true);
    expect(figureCannotExist(shape, 'overview.gmv')).toBe(false);
  });

  it('leaves open a path into a list or a part left empty, and own keys only', () => {
    expect(figureCannotExist(shape, 'overview.byPlatform')).toBe(false);
    expect(figureCannotExist(shape, 'overview.byPlatform.tmall.gmv')).toBe(false);
    expect(figureCannotExist(shape, 'core.funnel.steps')).toBe(false);
    expect(figureCannotExist(shape, 'overview.constructor')).toBe(true);
  });

  it('rules out no figure id of the demo document, against the document from no data', async () => {
    const ctx: CommandContext = {
      cwd: DEMO,
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      interactive: false,
      now: () => Date.UTC(2026, 9, 15),
      env: {},
    };
    const ws = await openWorkspace({ quarter: '2026Q3' }, ctx);
    const full = await loadAndCompute({ quarter: '2026Q3' }, ctx, ws);
    const empty = await loadAndCompute({ quarter: '2026Q3' }, ctx, { ...ws, config: { ...ws.config, sources: [] } });
    expect(empty.metrics.provenance.orderLines).toBe(0);
    const ids = [...figureEntries(full.metrics).map((e) => e.id), ...figureIds(full.metrics)];
    expect(ids.length).toBeGreaterThan(150);
    expect(ids.filter((id) => figureCannotExist(empty.metrics, id))).toEqual([]);
  });
});
