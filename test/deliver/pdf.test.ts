// `--pdf` through LibreOffice: a PDF with one page per slide where LibreOffice exists (it does
// in CI), two conversions at once without profile collisions, and a clear exit 3 without it.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertDeckToPdf, findSoffice } from '../../src/deliver/pdf.js';
import { runCli } from '../helpers/run-cli.js';

const soffice = await findSoffice(process.env);
// CI sets this after installing LibreOffice, so a missing soffice fails there instead of skipping.
const required = process.env['ECOM_REPORT_TEST_REQUIRE_OFFICE'] === '1';
if (!soffice && !required) console.warn('notice: LibreOffice (soffice) not found; the PDF conversion tests are skipped');

function hasPdfinfo(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const CONFIG = `company: 测试商店
timezone: Asia/Shanghai
sources:
  - platform: store
    preset: generic
    files: ["orders.csv"]
`;
const ORDERS = `order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount
1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0
1002,1,2026-08-03 11:00:00,c2,美妆,50.50,completed,10.00
`;

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-pdf-'));
  writeFileSync(path.join(dir, 'ecom-report.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'orders.csv'), ORDERS);
  return dir;
}

describe('build --pdf', () => {
  it.skipIf(!soffice && !required)('writes a PDF beside the deck with one page per slide', async () => {
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--pdf', '--json'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '' } });
    expect(r.stderr).toContain('wrote out/ecom-report-2026Q3.pdf');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const pdf = path.join(dir, 'out', 'ecom-report-2026Q3.pdf');
    expect(json.pdf).toBe(pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('ascii')).toBe('%PDF-');
    if (hasPdfinfo()) {
      const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBe(json.slides);
    }
  }, 180_000);

  it.skipIf(!soffice && !required)('two conversions at the same time both succeed (each has its own profile)', async () => {
    const dir = workspace();
    expect((await runCli(['build', '--quarter', '2026Q3', '--out', 'a.pptx'], { cwd: dir })).code).toBe(0);
    copyFileSync(path.join(dir, 'a.pptx'), path.join(dir, 'b.pptx'));
    const [a, b] = await Promise.all([
      convertDeckToPdf(path.join(dir, 'a.pptx'), { soffice: soffice! }),
      convertDeckToPdf(path.join(dir, 'b.pptx'), { soffice: soffice! }),
    ]);
    expect(a).toBe(path.join(dir, 'a.pdf'));
    expect(b).toBe(path.join(dir, 'b.pdf'));
    for (const pdf of [a, b]) expect(readFileSync(pdf).subarray(0, 5).toString('ascii')).toBe('%PDF-');
  }, 180_000);

  it('without LibreOffice: exit 3 before building, with how to install it', async () => {
    const dir = workspace();
    const emptyBin = path.join(dir, 'bin');
    mkdirSync(emptyBin);
    const r = await runCli(['build', '--quarter', '2026Q3', '--pdf'], { cwd: dir, env: { PATH: emptyBin } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--pdf needs LibreOffice, which was not found');
    expect(r.stderr).toContain('apt-get install libreoffice-impress');
    expect(r.stderr).toContain('ECOM_REPORT_SOFFICE');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a LibreOffice that fails gives exit 3 with its message; the deck itself stays', async () => {
    const dir = workspace();
    const fake = path.join(dir, 'fake-soffice');
    writeFileSync(fake, '#!/bin/sh\necho "source file could not be loaded" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const r = await runCli(['build', '--quarter', '2026Q3', '--pdf', '--json'], { cwd: dir, env: { ECOM_REPORT_SOFFICE: fake } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('LibreOffice did not convert');
    expect(r.stderr).toContain('source file could not be loaded');
    expect(existsSync(path.join(dir, 'out', 'ecom-report-2026Q3.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'ecom-report-2026Q3.pdf'))).toBe(false);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, pdf: null });
  });

  it('ECOM_REPORT_SOFFICE naming no program is exit 3', async () => {
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--pdf'], { cwd: dir, env: { ECOM_REPORT_SOFFICE: path.join(dir, 'nothing') } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('is not an executable file');
  });
});
