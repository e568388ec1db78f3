// `template list` / `template init` find the workspace as build does (`--config DIR` is the
// folder's ecom-report.yaml; no config is an error for init), init refuses a packaged name, and
// a bare template name finds `<workspace>/templates/NAME` as `template list` shows it.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGED_TEMPLATES, loadTemplate } from '../../src/template/load.js';
import { runCli } from '../helpers/run-cli.js';
import { failure } from '../helpers/user-error.js';

/** A folder `outer/` holding a workspace `outer/shop/` with its ecom-report.yaml. */
function workspace(): { outer: string; ws: string } {
  const outer = mkdtempSync(path.join(tmpdir(), 'ecom-tcmd-'));
  const ws = path.join(outer, 'shop');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'ecom-report.yaml'), 'company: X\n');
  return { outer, ws };
}

function brandTemplate(ws: string): string {
  const dir = path.join(ws, 'templates', 'brand');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'theme.yaml'), 'colors:\n  accent: "D97706"\n');
  return dir;
}

describe('template init / list find the workspace as build does', () => {
  it('--config DIR means the workspace folder itself, not its parent', async () => {
    const { outer, ws } = workspace();
    const init = await runCli(['template', 'init', 'brand', '--config', 'shop'], { cwd: outer });
    expect(init.code).toBe(0);
    expect(existsSync(path.join(ws, 'templates', 'brand', 'theme.yaml'))).toBe(true);
    expect(existsSync(path.join(outer, 'templates'))).toBe(false);
    const list = await runCli(['template', 'list', '--config', 'shop', '--json'], { cwd: outer });
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { name: string; folder: string }[];
    expect(rows.find((r) => r.name === 'brand')?.folder).toBe(path.join('shop', 'templates', 'brand'));
  });

  it('init with a --config that names no workspace is exit 2 and creates nothing', async () => {
    const { outer } = workspace();
    const r = await runCli(['template', 'init', 'x', '--config', 'nonexist/ecom-report.yaml'], { cwd: outer });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no workspace config at nonexist/ecom-report.yaml');
    expect(existsSync(path.join(outer, 'nonexist'))).toBe(false);
  });

  it('init without --config outside a workspace is exit 2 and creates nothing', async () => {
    const { outer } = workspace();
    const r = await runCli(['template', 'init', 'x'], { cwd: outer });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no workspace config at ecom-report.yaml');
    expect(existsSync(path.join(outer, 'templates'))).toBe(false);
  });

  it('list with a --config that names no workspace is exit 2', async () => {
    const { outer } = workspace();
    const r = await runCli(['template', 'list', '--config', 'nope'], { cwd: outer });
    expect(r.code).toBe(2);
  });

  it('init refuses the name of a packaged template', async () => {
    const { ws } = workspace();
    const r = await runCli(['template', 'init', 'default'], { cwd: ws });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'default' is the name of a packaged template");
    expect(r.stderr).toContain('ecom-report template init brand');
    expect(existsSync(path.join(ws, 'templates'))).toBe(false);
  });
});

describe('a bare template name', () => {
  it('finds <workspace>/templates/NAME', async () => {
    const { ws } = workspace();
    const dir = brandTemplate(ws);
    const t = await loadTemplate('brand', ws, 'zh-CN', ws);
    expect(t.layers).toEqual([path.join(PACKAGED_TEMPLATES, 'default'), dir]);
    expect(t.theme.colors.accent).toBe('D97706');
  });

  it('a packaged name still means the packaged template', async () => {
    const { ws } = workspace();
    const t = await loadTemplate('default', ws, 'zh-CN', ws);
    expect(t.layers).toEqual([path.join(PACKAGED_TEMPLATES, 'default')]);
  });

  it('`template: brand` in the config and `--template brand` are found by validate and build', async () => {
    const { ws } = workspace();
    brandTemplate(ws);
    writeFileSync(path.join(ws, 'ecom-report.yaml'), 'company: X\ntemplate: brand\nsources:\n  - platform: tmall\n    preset: tmall-orders\n    files: ["data/*.csv"]\n');
    for (const argv of [['validate', '--quarter', '2026Q3'], ['build', '--quarter', '2026Q3', '--template', 'brand']]) {
      const r = await runCli(argv, { cwd: ws });
      expect(r.stderr, argv.join(' ')).not.toContain("template 'brand' not found");
    }
  });

  it('an unknown name lists only the packaged templates as packaged and suggests the nearest', async () => {
    const { ws } = workspace();
    brandTemplate(ws);
    const err = await failure(loadTemplate('brnd', ws, 'zh-CN', ws));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe("template 'brnd' not found (did you mean 'brand'?)");
    expect(err.hint).toContain('use a packaged template (default)');
    expect(err.hint).toContain(`one in ${path.join(ws, 'templates')} (brand)`);
  });
});
