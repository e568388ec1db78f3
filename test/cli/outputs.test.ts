// What build and send write or send, and where they refuse to: never over an input, never a
// file that is not a deck, never half the outputs of a failed run.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ORDERS = `order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount
1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0
1002,1,2026-08-03 11:00:00,c2,食品,50.50,completed,10.00
`;

function workspace(configName = 'ecom-report.yaml', extra = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-out-'));
  writeFileSync(
    path.join(dir, configName),
    `company: 测试\ntimezone: Asia/Shanghai\n${extra}sources:\n  - platform: store\n    preset: generic\n    files: ["orders.csv"]\n`,
  );
  writeFileSync(path.join(dir, 'orders.csv'), ORDERS);
  return dir;
}

describe('outputs never overwrite inputs', () => {
  it('--metrics-json naming a .json config is refused, and the config is left as it was', async () => {
    const dir = workspace('ecom-report.json');
    const before = readFileSync(path.join(dir, 'ecom-report.json'), 'utf8');
    const r = await runCli(['build', '--quarter', '2026Q3', '--config', 'ecom-report.json', '--metrics-json', 'ecom-report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--metrics-json ecom-report.json: that is one of the workspace's inputs");
    expect(readFileSync(path.join(dir, 'ecom-report.json'), 'utf8')).toBe(before);
  });

  it('--out naming an export (renamed .pptx-looking or not) is refused when it is a source file', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'orders.pptx'), ORDERS);
    const cfg = readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8').replace('orders.csv', 'orders.pptx');
    writeFileSync(path.join(dir, 'ecom-report.yaml'), cfg);
    const r = await runCli(['build', '--quarter', '2026Q3', '--out', 'orders.pptx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, 'orders.pptx'), 'utf8')).toBe(ORDERS);
  });

  it('--out with a trailing slash is a folder, made when missing; --metrics-json with one is refused', async () => {
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--out', 'reports/q3/'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'reports/q3/ecom-report-2026Q3.pptx'))).toBe(true);
    const m = await runCli(['build', '--quarter', '2026Q3', '--metrics-json', 'figures.json/'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('names a folder');
    expect(existsSync(path.join(dir, 'figures.json'))).toBe(false);
  });

  it('a deck that cannot be written leaves no --metrics-json behind', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be');
    const r = await runCli(['build', '--quarter', '2026Q3', '--metrics-json', 'm.json', '--out', 'blocker/deck.pptx'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(existsSync(path.join(dir, 'm.json'))).toBe(false);
  });
});

describe('send sends only decks', () => {
  it('refuses the config and an export, before any e-mail setting is looked at', async () => {
    const dir = workspace();
    for (const file of ['ecom-report.yaml', 'orders.csv']) {
      const r = await runCli(['send', file, '--to', 'a@example.com', '--quarter', '2026Q3'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file} is not a deck`);
    }
  });

  it('refuses a .pptx name that is not a package', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out/ecom-report-2026Q3.pptx'), 'order_id\n1\n');
    const r = await runCli(['send', 'out/ecom-report-2026Q3.pptx', '--to', 'a@example.com'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a deck');
  });
});

describe('usage errors', () => {
  it('a quarter whose year is a typo (0226Q3) is a usage error, not a crash', async () => {
    const dir = workspace();
    for (const q of ['0226Q3', '0001Q1', '0999Q1']) {
      const r = await runCli(['metrics', '--quarter', q], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--quarter: '${q}' is not a quarter a report can cover`);
    }
  });

  it('a missing subcommand or help for an unknown command exits 2', async () => {
    expect((await runCli(['template'], { cwd: tmpdir() })).code).toBe(2);
    expect((await runCli(['help', 'bogus'], { cwd: tmpdir() })).code).toBe(2);
    expect((await runCli(['help', 'build'], { cwd: tmpdir() })).code).toBe(0);
  });
});

describe('metrics table money', () => {
  it('yen are shown as yen (no minor unit), cents to two places', async () => {
    const dir = workspace('ecom-report.yaml', 'currency: JPY\n');
    writeFileSync(path.join(dir, 'orders.csv'), ORDERS.replace('100.00', '1200').replace('50.50', '800'));
    const r = await runCli(['metrics', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(0);
    const gmvOf = (out: string) => out.split('\n').find((l) => l.startsWith('overview.gmv'))!.split(/\s+/)[1];
    // ¥1200 + ¥800
    expect(gmvOf(r.stdout)).toBe('2000');
    // 100.00 + 50.50 yuan
    expect(gmvOf((await runCli(['metrics', '--quarter', '2026Q3'], { cwd: workspace() })).stdout)).toBe('150.50');
  });
});
