// `template list` / `template init` find the workspace as build does (`--config DIR` is the
// folder's ecom-report.yaml; no config is an error for init), and init refuses a packaged name.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** A folder `outer/` holding a workspace `outer/shop/` with its ecom-report.yaml. */
function workspace(): { outer: string; ws: string } {
  const outer = mkdtempSync(path.join(tmpdir(), 'ecom-tcmd-'));
  const ws = path.join(outer, 'shop');
  mkdirSync(ws);
  writeFileSync(path.join(ws, 'ecom-report.yaml'), 'company: X\n');
  return { outer, ws };
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
