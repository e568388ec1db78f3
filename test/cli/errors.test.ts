// Bad input gives one clear line and an exit code — never a stack trace or a half-written deck.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const CONFIG = `company: 测试
timezone: Asia/Shanghai
sources:
  - platform: store
    preset: generic
    files: ["orders.csv"]
`;

const GOOD_ORDERS = `order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount
1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0
1002,1,2026-08-03 11:00:00,c2,食品,50.50,completed,10.00
`;

function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('command-line errors', () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help'], { cwd: tmpdir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('build');
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain('ecom-report build --quarter 2026Q3');
  });

  it('a missing config is a usage error with a hint', async () => {
    const dir = workspace({});
    const r = await runCli(['build', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no workspace config at ecom-report.yaml');
    expect(r.stderr).toContain('ecom-report init');
    expectNoStack(r.stderr);
  });

  it('a platform named like a property of every object (constructor, toString) builds a deck', async () => {
    for (const platform of ['constructor', 'toString', '__proto__']) {
      const dir = workspace({ 'ecom-report.yaml': CONFIG.replace('platform: store', `platform: ${platform}`), 'orders.csv': GOOD_ORDERS });
      const r = await runCli(['build', '--quarter', '2026Q3'], { cwd: dir });
      expect(r.stderr, platform).not.toContain('internal error');
      expect(r.code, platform).toBe(0);
      expect(existsSync(path.join(dir, 'out', 'ecom-report-2026Q3.pptx'))).toBe(true);
    }
  });

  it('a glob with a lone [ or a workspace folder named with [ ] is no crash', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG.replace('["orders.csv"]', '["data/["]'), 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('data/[');
    expectNoStack(r.stderr);
    const bracketed = path.join(dir, 'shop[1]');
    mkdirSync(path.join(bracketed, 'data'), { recursive: true });
    writeFileSync(path.join(bracketed, 'ecom-report.yaml'), CONFIG.replace('["orders.csv"]', '["data/*.csv"]'));
    writeFileSync(path.join(bracketed, 'data', 'orders.csv'), GOOD_ORDERS);
    const ok = await runCli(['validate', '--quarter', '2026Q3'], { cwd: bracketed });
    expect(ok.stderr).toContain('inputs OK');
    expect(ok.code).toBe(0);
  });

  it('a folder or a pipe named in files: is said to be one, not "does not exist"', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG.replace('["orders.csv"]', '["data", "pipe.csv", "orders.csv"]'), 'orders.csv': GOOD_ORDERS, 'data/a.csv': GOOD_ORDERS });
    spawnSync('mkfifo', [path.join(dir, 'pipe.csv')]);
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'data' is a folder, not an export");
    expect(r.stderr).toContain("write 'data/*.csv'");
    if (existsSync(path.join(dir, 'pipe.csv'))) expect(r.stderr).toContain("'pipe.csv' is not a regular file");
    expect(r.stderr).not.toContain('does not exist');
  });

  it('an unknown quarter form is a usage error', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['build', '--quarter', '2026Q5'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--quarter: '2026Q5' is not a quarter");
    expect(r.stderr).toContain('2026Q3, 2026-Q3 or Q3 2026');
  });

  it('a misspelt quarter is named before a missing config (the typo on the command line comes first)', async () => {
    for (const command of ['build', 'validate', 'metrics']) {
      const r = await runCli([command, '--quarter', '2026Q5'], { cwd: tmpdir() });
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toContain("--quarter: '2026Q5' is not a quarter");
      expect(r.stderr, command).not.toContain('no workspace config');
    }
  });

  it('an unknown flag is a usage error', async () => {
    const r = await runCli(['build', '--quater', '2026Q3'], { cwd: tmpdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--quater'");
  });

  it('a misspelt config key names the path and the nearest key', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG.replace('timezone', 'timezon'), 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml:2: timezon: unknown key 'timezon' (did you mean 'timezone'?)");
  });

  it('bare ecom-report prints the help and exits 2, so a script that lost its arguments fails', async () => {
    const r = await runCli([], { cwd: tmpdir() });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: ecom-report');
  });

  it('an unknown time zone, workspace or source, a day not on the calendar and a campaign ending before it starts are config errors, one line each', async () => {
    const config = `company: 测试
timezone: Asia/Shanhai
reportDate: 2026-02-30
campaigns:
  - { name: 七夕, start: 2026-08-22, end: 2026-08-21 }
sources:
  - platform: store
    preset: generic
    timezone: Mars/Base
    files: ["orders.csv"]
`;
    const dir = workspace({ 'ecom-report.yaml': config, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml:2: timezone: 'Asia/Shanhai' is not a known time zone; use an IANA name such as Asia/Shanghai");
    expect(r.stderr).toContain("ecom-report.yaml:9: sources[0].timezone: 'Mars/Base' is not a known time zone");
    expect(r.stderr).toContain("ecom-report.yaml:3: reportDate: '2026-02-30' is not a day of the calendar");
    expect(r.stderr).toContain('ecom-report.yaml:5: campaigns[0].end: ends before it starts (2026-08-22)');
    expectNoStack(r.stderr);
  });

  it('--config naming the workspace folder takes the config inside it', async () => {
    const dir = workspace({ 'shop/ecom-report.yaml': CONFIG, 'shop/orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate', '--config', 'shop'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('orders.csv');
    const empty = await runCli(['validate', '--config', '.'], { cwd: workspace({ 'x.txt': '' }) });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no workspace config at ecom-report.yaml');
    expectNoStack(empty.stderr);
  });

  it('a YAML alias bomb in the config is a usage error, not a crash', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const dir = workspace({ 'ecom-report.yaml': CONFIG + lines.join('\n') + '\n', 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ecom-report.yaml: invalid YAML');
    expect(r.stderr).toContain('aliases');
    expectNoStack(r.stderr);
  });

  it('YAML nested a thousand levels deep is named as such, without the parser\'s own error text', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG + 'thresholds: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n', 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid YAML: values nested too deeply');
    expect(r.stderr).not.toContain('Maximum call stack');
    expectNoStack(r.stderr);
  });

  it('exports that stop before the quarter ends, or a quarter no order falls in, are warned about (exit 0)', async () => {
    const rows = Array.from({ length: 124 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 6, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
      return `${2000 + i},1,${day} 10:00:00,c${i % 7},食品,10.00,completed,0`;
    });
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': [GOOD_ORDERS.split('\n')[0], ...rows].join('\n') + '\n' });
    const r = await runCli(['validate', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: store: the order exports cover 2026-07-01 … 2026-08-31 of 2026Q3 (2026-07-01 … 2026-09-30); its figures for the quarter are partial');
    expect(JSON.parse(r.stdout).problems.map((p: { message: string }) => p.message)).toContain(
      'store: the order exports cover 2026-07-01 … 2026-08-31 of 2026Q3 (2026-07-01 … 2026-09-30); its figures for the quarter are partial',
    );
    const typo = await runCli(['validate', '--quarter', '2025Q3'], { cwd: dir });
    expect(typo.code).toBe(0);
    expect(typo.stderr).toContain('warning: no order line falls in 2025Q3 (2025-07-01 … 2025-09-30); the exports cover 2026-07-01 … 2026-08-31 — check --quarter');
  });

  it('an unknown preset lists the valid ones', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG.replace('preset: generic', 'preset: tmall'), 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml:5: sources[0].preset: 'tmall' is not one of tmall-orders");
    expect(r.stderr).toContain("(did you mean 'tmall-orders'?)");
  });

  it('files that match nothing are an input error naming the source', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG });
    const r = await runCli(['build', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sources[0].files: files ["orders.csv"] matched no files');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('one named file of several that does not exist is an error; a wildcard that matches nothing a warning', async () => {
    const config = CONFIG.replace('files: ["orders.csv"]', 'files: ["orders.csv", "order2.csv", "more/*.csv"]');
    const dir = workspace({ 'ecom-report.yaml': config, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("sources[0].files: file 'order2.csv' does not exist");
    expect(r.stderr).toContain("sources[0].files: warning: 'more/*.csv' matched no files");
    const ok = workspace({ 'ecom-report.yaml': CONFIG.replace('files: ["orders.csv"]', 'files: ["orders.csv", "more/*.csv"]'), 'orders.csv': GOOD_ORDERS });
    expect((await runCli(['validate', '--quarter', '2026Q3'], { cwd: ok })).code).toBe(0);
  });

  it("a wildcard leaves out Excel's lock file and hidden files; a name with brackets is taken as it is", async () => {
    const config = CONFIG.replace('files: ["orders.csv"]', 'files: ["data/*", "订单[2025].csv"]');
    const dir = workspace({
      'ecom-report.yaml': config,
      'data/orders.csv': GOOD_ORDERS,
      'data/~$orders.xlsx': 'owner file',
      'data/.DS_Store': '',
      '订单[2025].csv': GOOD_ORDERS.replace(/100(\d),/g, '200$1,'),
    });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.stderr).not.toContain('~$orders.xlsx');
    expect(r.stderr).not.toContain('.DS_Store');
    expect(r.stderr).toContain('订单[2025].csv');
    expect(r.code).toBe(0);
  });

  it('--out or --metrics-json naming an export or the config is refused before anything is read, and the file stays', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['build', '--quarter', '2026Q3', '--out', 'orders.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out orders.csv: the deck is a .pptx file, and this path does not end in .pptx');
    const j = await runCli(['build', '--quarter', '2026Q3', '--metrics-json', 'ecom-report.yaml'], { cwd: dir });
    expect(j.code).toBe(2);
    expect(j.stderr).toContain('--metrics-json ecom-report.yaml: the figures are written as JSON');
    expect(readFileSync(path.join(dir, 'orders.csv'), 'utf8')).toBe(GOOD_ORDERS);
    expect(readFileSync(path.join(dir, 'ecom-report.yaml'), 'utf8')).toBe(CONFIG);
  });

  it('--out naming an existing folder writes the deck into it under its usual name', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS, 'decks/keep.txt': '' });
    const r = await runCli(['build', '--quarter', '2026Q3', '--out', 'decks'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, 'decks', 'ecom-report-2026Q3.pptx'))).toBe(true);
  });

  it('a bad cell is reported as file:row:column with a hint, and no deck is written', async () => {
    const bad = GOOD_ORDERS + '1003,1,2026-13-45 10:00:00,c3,食品,20.00,completed,0\n1004,1,2026-07-09 10:00:00,c4,食品,12.3.4,completed,0\n';
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': bad });
    const r = await runCli(['build', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/orders\.csv:4:paid_at: .+ — .+/);
    expect(r.stderr).toMatch(/orders\.csv:5:paid_amount: .+ — .+/);
    expect(r.stderr).toContain('--allow-partial');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expectNoStack(r.stderr);
  });

  it('--allow-partial builds from the rows that could be read', async () => {
    const bad = GOOD_ORDERS + '1003,1,2026-07-04 10:00:00,c3,食品,oops,completed,0\n';
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': bad });
    const r = await runCli(['build', '--quarter', '2026Q3', '--allow-partial', '--metrics-json', 'm.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['ecom-report-2026Q3.pptx']);
    const m = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(dir, 'm.json'), 'utf8')));
    // 100.00 + 50.50 yuan; the unreadable row is left out
    expect(m.overview.gmv.value).toBe(15050);
    expect(m.overview.refunds.value).toBe(1000);
  });

  it('validate exits 0 on clean input and prints a per-file summary', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('orders.csv: order_lines (generic, utf8) read 2, kept 2, nothing skipped; 2026-07-02 … 2026-08-03');
  });

  it('a write failure leaves the old deck untouched and exits 3', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be');
    const r = await runCli(['build', '--quarter', '2026Q3', '--out', 'blocker/deck.pptx'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot create folder');
    expectNoStack(r.stderr);
  });

  it('metrics --json prints the metrics document on stdout only', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.quarter).toBe('2026Q3');
    expect(doc.overview.orders.value).toBe(2);
    expect(doc.overview.gmv.previous).toBeNull();
  });

  it('without --quarter, the last complete quarter as of today is used', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['metrics', '--json'], { cwd: dir, now: Date.UTC(2026, 10, 24) });
    expect(JSON.parse(r.stdout).quarter).toBe('2026Q3');
  });
});

describe('--json when a run fails before its command has a result', () => {
  it('a missing config still prints one JSON document with the reason and exit code', async () => {
    const dir = workspace({});
    const r = await runCli(['build', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.exitCode).toBe(2);
    expect(doc.error.message).toContain('no workspace config at ecom-report.yaml');
    expect(doc.error.hint).toContain('ecom-report init');
    expect(r.stderr).toContain('no workspace config at ecom-report.yaml');
  });

  it('a bad flag value on validate is a JSON usage error', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate', '--quarter', '2026Q5', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, exitCode: 2 });
    expect(doc.error.message).toContain("'2026Q5' is not a quarter");
  });

  it('an unknown flag is a JSON usage error, with the flag named', async () => {
    const r = await runCli(['metrics', '--json', '--colour'], { cwd: tmpdir() });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: false, exitCode: 2 });
    expect(doc.error.message).toContain('--colour');
  });

  it('a config error names its line, in the message and in the JSON', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG.replace('preset: generic', 'preset: shopfiy-orders'), 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['build', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    // CONFIG: line 5 is `    preset: …`
    expect(doc.error.message).toContain("ecom-report.yaml:5: sources[0].preset: 'shopfiy-orders' is not one of tmall-orders");
    expect(doc.error.message).toContain("(did you mean 'shopify-orders'?)");
    expect(r.stderr).toContain("ecom-report.yaml:5: sources[0].preset: 'shopfiy-orders'");
  });

  it('a YAML syntax error carries file, row and column in the JSON', async () => {
    const dir = workspace({ 'ecom-report.yaml': 'company: "unclosed\nsources: []\n' });
    const r = await runCli(['validate', '--json'], { cwd: dir });
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.error.message).toContain('invalid YAML');
    expect(doc.error.location.file).toBe('ecom-report.yaml');
    expect(typeof doc.error.location.row).toBe('number');
  });

  it('every schema problem is listed at once, each at its line', async () => {
    const text = CONFIG.replace('timezone: Asia/Shanghai', 'timezone: Asia/Shanghai\nlocal: en').replace('preset: generic', 'preset: jd');
    const dir = workspace({ 'ecom-report.yaml': text, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml:3: local: unknown key 'local' (did you mean 'locale'?)");
    expect(r.stderr).toContain("ecom-report.yaml:6: sources[0].preset: 'jd' is not one of");
    expect(r.stderr).toContain("(did you mean 'jd-orders'?)");
  });

  it('without --json nothing goes to stdout', async () => {
    const r = await runCli(['build', '--quarter', '2026Q3'], { cwd: mkdtempSync(path.join(tmpdir(), 'ecom-report-cli-')) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a --json after -- is not the flag', async () => {
    const r = await runCli(['send', '--to', 'a@example.com', '--', '--json'], { cwd: mkdtempSync(path.join(tmpdir(), 'ecom-report-cli-')) });
    expect(r.stdout).toBe('');
  });
});

describe('validate refuses what build refuses', () => {
  const HEADER_ONLY = 'order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount\n';

  it('exports holding no order line: an error in validate (exit 1, listed in --json) as in build', async () => {
    const dir = workspace({ 'ecom-report.yaml': CONFIG, 'orders.csv': HEADER_ONLY });
    const v = await runCli(['validate', '--quarter', '2026Q3', '--json'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('error: no order lines were read, so there is nothing to report');
    expect(v.stderr).toContain('orders.csv: order_lines (generic, utf8) read 0, kept 0, nothing skipped; no dated rows');
    expect(v.stderr).not.toContain('inputs OK');
    const doc = JSON.parse(v.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.problems.some((p: { severity: string; message: string }) => p.severity === 'error' && p.message.includes('no order lines'))).toBe(true);
    const b = await runCli(['build', '--quarter', '2026Q3'], { cwd: dir });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('no order lines were read, so there is nothing to report');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a template the workspace names that does not exist is a usage error in validate too', async () => {
    const dir = workspace({ 'ecom-report.yaml': `template: brnad\n${CONFIG}`, 'orders.csv': GOOD_ORDERS });
    const b = await runCli(['build', '--quarter', '2026Q3'], { cwd: dir });
    const v = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('brnad');
    expect(v.stderr.split('\n')[0]).toBe(b.stderr.split('\n')[0]);
  });
});

describe('config checks in one run', () => {
  it('a threshold typo and a narrative typo are listed together, not one run after the other', async () => {
    const dir = workspace({
      'ecom-report.yaml': `${CONFIG}narrative: narrative.yaml\nthresholds:\n  slowMoving: { dayz: 90 }\n  lateDelivry: { maxRate: 0.1 }\n`,
      'orders.csv': GOOD_ORDERS,
      'narrative.yaml': 'projets: []\n',
    });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml: thresholds.slowMoving.dayz: unknown key 'dayz' (did you mean 'days'?)");
    expect(r.stderr).toContain("ecom-report.yaml: thresholds.lateDelivry: unknown key 'lateDelivry' (did you mean 'lateDelivery'?)");
    expect(r.stderr).toContain("narrative.yaml: projets: unknown key 'projets' (did you mean 'projects'?)");
    expect(r.stderr.match(/^ecom-report: /gm)).toHaveLength(1);
    expectNoStack(r.stderr);
  });
});

describe('mistakes in a source are config errors at their line', () => {
  it('a columns: key that is no column, and a currency without a rate: exit 2, before any export is read', async () => {
    const config = `company: 测试
timezone: Asia/Shanghai
sources:
  - platform: store
    preset: generic
    currency: USD
    columns: { paid_att: Foo }
    files: ["orders.csv"]
`;
    const dir = workspace({ 'ecom-report.yaml': config, 'orders.csv': GOOD_ORDERS });
    const r = await runCli(['validate', '--quarter', '2026Q3'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ecom-report.yaml:7: sources[0].columns.paid_att: 'paid_att' is not a column of order_lines (did you mean 'paid_at'?)");
    expect(r.stderr).toContain('ecom-report.yaml:6: sources[0].currency: no rate for USD');
    expect(r.stderr).not.toContain('orders.csv');
  });
});

describe('template names are checked before the exports are read', () => {
  it('a misspelt slide id in deck.yaml fails validate and build with exit 2, naming the nearest id, with no export read', async () => {
    const dir = workspace({
      'ecom-report.yaml': `template: templates/bad\n${CONFIG}`,
      // A file that would be an input error if it were read: it is not, the template fails first.
      'orders.csv': 'not,an,export\n',
      'templates/bad/deck.yaml': 'slides:\n  overview.byCategori: { show: false }\n',
    });
    for (const command of ['validate', 'build']) {
      const r = await runCli([command, '--quarter', '2026Q3'], { cwd: dir });
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain("unknown slide 'overview.byCategori'");
      expect(r.stderr).toContain("did you mean 'overview.byCategory'?");
      expect(r.stderr).not.toContain('orders.csv');
    }
  });
});
