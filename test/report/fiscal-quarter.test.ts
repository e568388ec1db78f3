// A fiscal year that does not start in January: the deck names its quarters as fiscal ones and
// the cover says which months the quarter holds, since "2026年第2季度" would read as April–June.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDeck } from '../helpers/pptx.js';
import { runCli } from '../helpers/run-cli.js';
import { fiscalStartMonth } from '../../src/report/context.js';

const ORDERS = `order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount
1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0
1002,1,2026-08-03 11:00:00,c2,食品,50.50,completed,10.00
1003,1,2026-09-20 11:00:00,c2,食品,20.00,completed,0
`;

function workspace(fiscalYearStartMonth: number, locale: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-fiscal-'));
  writeFileSync(
    path.join(dir, 'ecom-report.yaml'),
    `company: 测试\nlocale: ${locale}\ntimezone: Asia/Shanghai\nfiscalYearStartMonth: ${fiscalYearStartMonth}\nsources:\n  - platform: store\n    preset: generic\n    files: ["orders.csv"]\n`,
  );
  writeFileSync(path.join(dir, 'orders.csv'), ORDERS);
  return dir;
}

async function deckTexts(dir: string, quarter: string): Promise<string[][]> {
  const r = await runCli(['build', '--quarter', quarter, '--out', 'deck.pptx'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return (await openDeck(readFileSync(path.join(dir, 'deck.pptx')))).slides.map((s) => s.texts);
}

describe('fiscal quarters in the deck', () => {
  it('April fiscal year: 2026Q2 is July–September, named 2026财年第2季度 with its days on the cover', async () => {
    const slides = await deckTexts(workspace(4, 'zh-CN'), '2026Q2');
    expect(slides[0]).toContain('2026财年第2季度（2026年7月1日至2026年9月30日）');
    expect(slides[3]!.some((t) => t.includes('2026财年第2季度'))).toBe(true); // the footer
    expect(slides.flat().some((t) => /2026年第2季度/.test(t))).toBe(false);
  });

  it('in English: FY2026 Q2 (…)', async () => {
    const slides = await deckTexts(workspace(4, 'en'), '2026Q2');
    expect(slides[0]!.some((t) => t.startsWith('FY2026 Q2 ('))).toBe(true);
  });

  it('a calendar fiscal year keeps the calendar words', async () => {
    const slides = await deckTexts(workspace(1, 'zh-CN'), '2026Q3');
    expect(slides[0]).toContain('2026年第3季度');
    expect(slides.flat().some((t) => t.includes('财年'))).toBe(false);
  });

  it('the fiscal start month follows from the quarter and its first day', () => {
    const doc = (quarter: string, start: string) => ({ quarter, periods: { current: { start } } }) as Parameters<typeof fiscalStartMonth>[0];
    expect(fiscalStartMonth(doc('2026Q3', '2026-07-01'))).toBe(1);
    expect(fiscalStartMonth(doc('2026Q2', '2026-07-01'))).toBe(4);
    expect(fiscalStartMonth(doc('2026Q1', '2026-04-01'))).toBe(4);
    // A fiscal year starting in October: its Q1 is October–December of its calendar year.
    expect(fiscalStartMonth(doc('2026Q1', '2026-10-01'))).toBe(10);
    expect(fiscalStartMonth(doc('2026Q2', '2027-01-01'))).toBe(10);
  });
});
