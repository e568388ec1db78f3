// Excel input: cell values → text, sheet choice, .xlsx streamed through exceljs and .xls through
// SheetJS, and workbook rows through the whole ingest (long numeric ids, date cells, text ids).
// Workbooks are written by the tests themselves into a temp folder.
import fs, { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { OrderLine } from '../../src/canonical.js';
import { loadWorkspace } from '../../src/config/load.js';
import {
  WorkbookProblem,
  chooseSheet,
  excelCellText,
  excelSerialToWallMs,
  numberCellText,
  openXlsx,
  wallTimeText,
} from '../../src/ingest/excel.js';
import { formatProblem } from '../../src/ingest/problems.js';
import { openRecords } from '../../src/ingest/source.js';
import { ingestWorkspace } from '../../src/ingest/workspace.js';
import { openXls } from '../../src/ingest/xls.js';
import { mulberry32 } from '../../src/seeded-random.js';
import { readAll } from '../helpers/records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ecom-excel-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

type Cell = string | number | boolean | Date | null | ExcelJS.CellValue;

/** Writes an .xlsx with the given sheets (rows of cells) and returns its path. */
async function xlsx(sheets: Record<string, Cell[][]>, name = `w${++fileNo}.xlsx`, at = dir): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    for (const row of rows) ws.addRow(row);
  }
  const file = path.join(at, name);
  mkdirSync(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

describe('numberCellText', () => {
  it('writes plain numbers as their digits', () => {
    expect(numberCellText(12.5)).toBe('12.5');
    expect(numberCellText(-3)).toBe('-3');
    expect(numberCellText(123456789012345)).toBe('123456789012345');
  });

  it("rounds a formula's binary noise at Excel's 15 significant digits", () => {
    expect(numberCellText(731.9399999999999)).toBe('731.94');
    expect(numberCellText(0.1 + 0.2)).toBe('0.3');
    expect(numberCellText(219.58199999999997)).toBe('219.582');
  });

  it('agrees, on many kinds of numbers, with rounding to 15 significant digits first', () => {
    // The definition, by the long way: round at 15 digits, then write the shortest form.
    const byDefinition = (n: number): string => String(Number(n.toPrecision(15)));
    const rnd = mulberry32(15);
    const samples: number[] = [-0.5, 0.05, 999999999999.99, -99999999999999.9, 1e-6, 0.000123];
    for (let i = 0; i < 20_000; i++) {
      const cents = Math.floor(rnd() * 1e9) / 100; // prices and amounts as typed
      const scale = 10 ** Math.floor(rnd() * 20 - 6);
      samples.push(cents, -cents, rnd() * scale, cents * (1 + Math.floor(rnd() * 5)) * 0.1, cents / 3);
    }
    for (const n of samples) {
      if (Number.isInteger(n) || Math.abs(n) >= 1e15 || Math.abs(n) < 1e-6) continue;
      expect(numberCellText(n), String(n)).toBe(byDefinition(n));
    }
  });

  it('marks a whole number of 16+ digits as scientific: its digits are already gone', () => {
    // 4102948392019283712 typed into Excel is kept as 4.10294839201928E+18.
    expect(numberCellText(4102948392019283712)).toBe('4.102948392019284e+18');
    expect(numberCellText(1234567890123456)).toBe('1.234567890123456e+15');
  });

  it('never writes tiny formula residue in exponent form', () => {
    expect(numberCellText(5.551115123125783e-17)).not.toMatch(/e/);
    expect(Number(numberCellText(5.551115123125783e-17))).toBeCloseTo(0, 15);
  });
});

describe('dates', () => {
  it('Excel serials in the 1900 system, including its phantom 29 Feb 1900', () => {
    // 43101 = 2018-01-01; .39326388889 of a day = 09:26:18.
    expect(wallTimeText(new Date(excelSerialToWallMs(43101.39326388889, false)))).toBe('2018-01-01 09:26:18');
    expect(wallTimeText(new Date(excelSerialToWallMs(1, false)))).toBe('1900-01-01 00:00:00');
    expect(wallTimeText(new Date(excelSerialToWallMs(59, false)))).toBe('1900-02-28 00:00:00');
    expect(wallTimeText(new Date(excelSerialToWallMs(61, false)))).toBe('1900-03-01 00:00:00');
  });

  it('the 1904 system starts on 1 Jan 1904', () => {
    expect(wallTimeText(new Date(excelSerialToWallMs(0, true)))).toBe('1904-01-01 00:00:00');
    expect(wallTimeText(new Date(excelSerialToWallMs(1.5, true)))).toBe('1904-01-02 12:00:00');
  });

  it('keeps milliseconds only when there are some', () => {
    expect(wallTimeText(new Date(Date.UTC(2026, 6, 1, 9, 5, 7, 42)))).toBe('2026-07-01 09:05:07.042');
    expect(wallTimeText(new Date(Number.NaN))).toBe('Invalid Date');
  });
});

describe('excelCellText', () => {
  it('unwraps rich text, formulas, hyperlinks and errors', () => {
    expect(excelCellText({ richText: [{ text: '天猫' }, { text: '旗舰店' }] })).toBe('天猫旗舰店');
    expect(excelCellText({ formula: 'B2*2', result: 25 })).toBe('25');
    expect(excelCellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(excelCellText({ text: 'see', hyperlink: 'https://example.com' })).toBe('see');
    expect(excelCellText({ error: '#N/A' })).toBe('#N/A');
    expect(excelCellText(true)).toBe('true');
    expect(excelCellText(null)).toBe('');
  });
});

describe('chooseSheet', () => {
  const names = ['Orders', 'Returns', 'People'];
  it('by name (case and spaces ignored) or 1-based position; the first by default', () => {
    expect(chooseSheet(names, undefined)).toBe(1);
    expect(chooseSheet(names, ' returns ')).toBe(2);
    expect(chooseSheet(names, 3)).toBe(3);
  });
  it('a missing sheet lists the sheets and the nearest name', () => {
    const p = chooseSheet(names, 'Return');
    expect(p).toBeInstanceOf(WorkbookProblem);
    expect((p as WorkbookProblem).message).toBe("no sheet named 'Return' in the workbook");
    expect((p as WorkbookProblem).hint).toContain("did you mean 'Returns'?");
    expect((p as WorkbookProblem).hint).toContain("its sheets are 'Orders', 'Returns', 'People'");
    expect((chooseSheet(names, 4) as WorkbookProblem).message).toBe('sheet 4 does not exist: the workbook has 3 sheets');
  });
});

describe('openXlsx', () => {
  it('streams the rows of the chosen sheet as text, numbered as the sheet shows them', async () => {
    const file = await xlsx({
      Summary: [['not this one']],
      Orders: [
        ['订单编号', '金额', '付款时间', '数量'],
        ['00123', 12.5, new Date(Date.UTC(2026, 6, 1, 9, 5, 0)), 2],
        [],
        ['x', { formula: 'B2*2', result: 25 }, new Date(Date.UTC(2026, 6, 2)), true],
      ],
    });
    const rows = await readAll(await openXlsx(file, { sheet: 'orders' }));
    expect(rows).toEqual([
      [1, '订单编号', '金额', '付款时间', '数量'],
      [2, '00123', '12.5', '2026-07-01 09:05:00', '2'],
      [4, 'x', '25', '2026-07-02 00:00:00', 'true'],
    ]);
    expect(await readAll(await openXlsx(file, { sheet: 1 }))).toEqual([[1, 'not this one']]);
    expect(await readAll(await openXlsx(file))).toEqual([[1, 'not this one']]);
  });

  it('reads dates of a workbook in the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet('S').addRow([new Date(Date.UTC(2026, 6, 1, 9, 5))]);
    const file = path.join(dir, 'd1904.xlsx');
    await wb.xlsx.writeFile(file);
    // Stored as serial 44742.378… (days since 1904-01-01), shown as 2026-07-01 09:05.
    expect(await readAll(await openXlsx(file))).toEqual([[1, '2026-07-01 09:05:00']]);
  });

  it('reports progress and batches as asked', async () => {
    const file = await xlsx({ S: Array.from({ length: 10 }, (_, i) => [`r${i + 1}`]) });
    const seen: number[] = [];
    const src = await openXlsx(file, { batchSize: 4, onProgress: (read, total) => seen.push(read, total) });
    const sizes: number[] = [];
    for await (const b of src.batches()) sizes.push(b.length);
    expect(sizes).toEqual([4, 4, 2]);
    expect(seen.at(-1)).toBe(src.totalBytes);
    expect(seen.at(-2)).toBe(src.totalBytes);
  });

  it('a missing sheet is a WorkbookProblem naming the sheets', async () => {
    const file = await xlsx({ Orders: [['a']], Returns: [['b']] });
    const src = await openXlsx(file, { sheet: 'Refunds' });
    await expect(readAll(src)).rejects.toThrow("no sheet named 'Refunds' in the workbook");
    const again = await openXlsx(file, { sheet: 3 });
    await expect(readAll(again)).rejects.toMatchObject({ hint: "its sheets are 'Orders', 'Returns'" });
  });

  it('skipping sheets or stopping early never leaves a failing temp-file open behind', async () => {
    // exceljs parks sheets that come before the shared strings (as Excel writes them) in temp files
    // and deletes each once the reader moves past it. Delaying every read-open of such a file makes
    // the race with that delete certain: an unguarded skipped sheet then fails to open with an
    // 'error' event nobody listens to, an uncaught exception that would end the CLI.
    const file = await xlsx({ Orders: [['a'], ['1']], Returns: [['b'], ['2']], People: [['c'], ['3']] });
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown): void => void uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    const open = fs.open;
    const spy = vi.spyOn(fs, 'open').mockImplementation(((p: fs.PathLike, flags: unknown, ...rest: unknown[]) => {
      const call = (): void => void (open as (...a: unknown[]) => void)(p, flags, ...rest);
      if (flags === 'r' && /[\\/]tmp-[^\\/]*$/.test(String(p))) setTimeout(call, 30);
      else call();
    }) as typeof fs.open);
    try {
      expect(await readAll(await openXlsx(file, { sheet: 'People' }))).toEqual([[1, 'c'], [2, '3']]);
      for await (const batch of (await openXlsx(file, { sheet: 2 })).batches()) {
        expect(batch).toHaveLength(2);
        break;
      }
      await expect(readAll(await openXlsx(file, { sheet: 'Refunds' }))).rejects.toBeInstanceOf(WorkbookProblem);
      await new Promise((resolve) => setTimeout(resolve, 150));
    } finally {
      spy.mockRestore();
      process.off('uncaughtException', onUncaught);
    }
    expect(uncaught).toEqual([]);
  });

  it('a file that is not a workbook is a WorkbookProblem', async () => {
    const file = path.join(dir, 'fake.xlsx');
    writeFileSync(file, 'order_id,paid\n1,2\n');
    await expect(openXlsx(file)).rejects.toBeInstanceOf(WorkbookProblem);
    // A whole zip package with damaged contents fails while it is read, with the same words.
    const whole = readFileSync(await xlsx({ Orders: Array.from({ length: 3000 }, (_, i) => [`order ${i}`, i * 7]) }));
    const damaged = Buffer.from(whole);
    for (let i = Math.floor(damaged.length * 0.4); i < Math.floor(damaged.length * 0.4) + 300; i++) damaged[i]! ^= 0x5a;
    writeFileSync(file, damaged);
    await expect(readAll(await openXlsx(file))).rejects.toThrow(/^not a readable \.xlsx workbook/);
  });
});

describe('openXls (SheetJS, legacy BIFF)', () => {
  function xls(rows: unknown[][], sheetName = 'Sheet1', cellDates = false): string {
    const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, sheetName);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['x']]), '退货');
    const file = path.join(dir, `b${++fileNo}.xls`);
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
    return file;
  }

  it('reads Chinese text, numbers and date-formatted serials', async () => {
    const file = xls([
      ['宝贝标题 ', '买家实际支付金额', '订单付款时间'],
      ['零基础学Java', 748.5, new Date(Date.UTC(2018, 0, 1, 9, 26, 18))],
    ], '订单', true);
    const src = await openXls(file, { sheet: '订单' });
    expect(src.encoding).toBe('xls');
    expect(await readAll(src)).toEqual([
      [1, '宝贝标题 ', '买家实际支付金额', '订单付款时间'],
      [2, '零基础学Java', '748.5', '2018-01-01 09:26:18'],
    ]);
  });

  it('an empty chosen sheet of a workbook with others names the sheet and lists them', async () => {
    const file = xls([], '说明');
    await expect(openXls(file)).rejects.toMatchObject({
      message: "sheet 1 ('说明') is empty",
      hint: expect.stringContaining("the workbook's sheets are '说明', '退货'; set sheet:"),
    });
    // The sheet that holds something reads as before.
    expect(await readAll(await openXls(file, { sheet: '退货' }))).toEqual([[1, 'x']]);
  });

  it('a missing sheet names the sheets; a broken file says so', async () => {
    const file = xls([['a']], 'Orders');
    await expect(openXls(file, { sheet: 'Order' })).rejects.toMatchObject({
      message: "no sheet named 'Order' in the workbook",
      hint: expect.stringContaining("did you mean 'Orders'?"),
    });
    const broken = path.join(dir, 'broken.xls');
    writeFileSync(broken, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await expect(openXls(broken)).rejects.toBeInstanceOf(WorkbookProblem);
  });

  it('openRecords picks the reader by extension', async () => {
    const file = xls([['a', 'b'], [1, 'x']]);
    expect(await readAll(await openRecords(file))).toEqual([
      [1, 'a', 'b'],
      [2, '1', 'x'],
    ]);
  });

  it('openRecords reads a workbook saved under a .csv name as the workbook it is', async () => {
    const legacy = path.join(dir, 'legacy-named.csv');
    writeFileSync(legacy, readFileSync(xls([['订单号', '金额'], ['1001', 2]])));
    const asXls = await openRecords(legacy);
    expect(asXls.encoding).toBe('xls');
    expect(await readAll(asXls)).toEqual([
      [1, '订单号', '金额'],
      [2, '1001', '2'],
    ]);
    const modern = path.join(dir, 'modern-named.csv');
    writeFileSync(modern, readFileSync(await xlsx({ Orders: [['订单号'], ['1002']] })));
    const asXlsx = await openRecords(modern);
    expect(asXlsx.encoding).toBe('xlsx');
    expect(await readAll(asXlsx)).toEqual([
      [1, '订单号'],
      [2, '1002'],
    ]);
    // Text stays text, whatever it starts with.
    const text = path.join(dir, 'plain.csv');
    writeFileSync(text, 'PK,id\n1,2\n');
    expect(await readAll(await openRecords(text))).toEqual([
      [1, 'PK', 'id'],
      [2, '1', '2'],
    ]);
  });
});

describe('workbooks through ingest', () => {
  async function ingest(yaml: string, files: Record<string, Cell[][] | Record<string, Cell[][]> | Buffer>) {
    const ws = mkdtempSync(path.join(dir, 'ws-'));
    writeFileSync(path.join(ws, 'ecom-report.yaml'), yaml);
    for (const [name, content] of Object.entries(files)) {
      if (Buffer.isBuffer(content)) {
        mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
        writeFileSync(path.join(ws, name), content);
      } else {
        await xlsx(Array.isArray(content) ? { Sheet1: content } : content, name, ws);
      }
    }
    const loaded = await loadWorkspace('ecom-report.yaml', ws);
    const lines: OrderLine[] = [];
    const result = await ingestWorkspace(loaded.config, { baseDir: loaded.baseDir, onOrderLine: (l) => lines.push(l) });
    return { lines, result, problems: result.problems.list().map(formatProblem) };
  }
  const yaml = (extra = ''): string => `company: t
timezone: Asia/Shanghai
sources:
  - platform: tmall
    preset: tmall-orders
    files: ["data/*.xlsx"]
${extra}`;

  it('text ids keep their digits; date cells are wall time in the workspace zone; amounts are exact', async () => {
    const { lines, problems, result } = await ingest(yaml(), {
      'data/orders.xlsx': [
        ['订单编号', '买家实际支付金额', '订单付款时间', '退款金额'],
        ['4102948392019283712', 731.9399999999999, new Date(Date.UTC(2026, 6, 1, 9, 5, 0)), 0],
        ['000123', 0.1, new Date(Date.UTC(2026, 6, 1)), 0.1],
      ],
    });
    expect(problems).toEqual([]);
    expect(result.files[0]).toMatchObject({ file: 'data/orders.xlsx', encoding: 'xlsx', rowsRead: 2, rowsKept: 2 });
    expect(lines.map((l) => [l.orderId, l.paidAmountMinor, l.paidAt, l.status])).toEqual([
      // 09:05 in Shanghai (UTC+8) is 01:05 UTC.
      ['4102948392019283712', 73194, Date.UTC(2026, 6, 1, 1, 5, 0), 'paid'],
      ['000123', 10, Date.UTC(2026, 5, 30, 16, 0, 0), 'refunded'],
    ]);
  });

  it('an order number stored as a number is an error naming file, row and column', async () => {
    const { lines, problems } = await ingest(yaml(), {
      'data/orders.xlsx': [
        ['订单编号', '买家实际支付金额', '订单付款时间'],
        ['1', 5, new Date(Date.UTC(2026, 6, 1))],
        [4102948392019283712, 5, new Date(Date.UTC(2026, 6, 1))],
      ],
    });
    expect(lines.map((l) => l.orderId)).toEqual(['1']);
    expect(problems).toEqual([
      "data/orders.xlsx:3:订单编号: the id was stored as a number and lost its digits '4.102948392019284e+18' — format the column as text before exporting, or export CSV directly from the platform",
    ]);
  });

  it('a sheet that is not there is an error naming the file, the setting and the sheets', async () => {
    const { problems } = await ingest(yaml('    sheet: 订单'), {
      'data/orders.xlsx': { 订单报表: [['订单编号']], 宝贝报表: [['订单编号']] },
    });
    expect(problems).toEqual([
      "data/orders.xlsx: sources[0].sheet: no sheet named '订单' in the workbook — did you mean '订单报表'? its sheets are '订单报表', '宝贝报表'; set sheet: to one of them or to a 1-based position",
    ]);
  });

  it('a workbook cut short, or a file that is no workbook, is an error on the file itself, not a wait', async () => {
    const whole = await xlsx({ Orders: [['订单编号'], ...Array.from({ length: 2000 }, (_, i) => [`1000${i}`])] });
    const bytes = readFileSync(whole);
    const { problems } = await ingest(yaml(''), { 'data/orders.xlsx': bytes.subarray(0, Math.floor(bytes.length / 2)) });
    expect(problems).toEqual([
      'data/orders.xlsx: the workbook is incomplete: the file ends before the end of its zip package — the download or copy was cut short: export or copy it again',
    ]);
    const text = await ingest(yaml(''), { 'data/orders.xlsx': Buffer.from('订单编号,实付金额\n1,2\n') });
    expect(text.problems).toEqual([
      'data/orders.xlsx: not a readable .xlsx workbook (it is not a zip package) — open it in Excel and save it again as .xlsx, or export the data as CSV',
    ]);
  });

  it('a sheet whose XML stops part way inside an intact package is an error, not half the rows', async () => {
    const rows = [['订单编号', '实付金额'], ...Array.from({ length: 400 }, (_, i) => [`1000${i}`, 10])];
    const whole = await xlsx({ Orders: rows });
    const zip = await JSZip.loadAsync(readFileSync(whole));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml.trimEnd().endsWith('</worksheet>')).toBe(true);
    zip.file('xl/worksheets/sheet1.xml', sheetXml.slice(0, Math.floor(sheetXml.length / 2)));
    const cut = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const { problems } = await ingest(yaml(''), { 'data/orders.xlsx': cut });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^data\/orders\.xlsx: the workbook is incomplete: sheet 'Orders' stops in the middle \(its data ends after row \d+\) — the file was damaged or cut short/,
    );
    // The whole workbook, re-zipped the same way, reads without a problem: the check is on the
    // sheet's end, not on how the package was written.
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    const again = await ingest(yaml(''), { 'data/orders.xlsx': await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
    expect(again.problems).toEqual([]);
    expect(again.lines).toHaveLength(400);
  });

  it('mapped from scratch without a line amount: unit price × quantity; a negative quantity is a refund', async () => {
    const { lines, problems } = await ingest(
      `company: t
timezone: Europe/London
sources:
  - platform: web
    preset: generic
    files: ["data/retail.xlsx"]
    columns: { order_id: InvoiceNo, sku: StockCode, quantity: Quantity, unit_price: UnitPrice, paid_at: InvoiceDate, customer_id: CustomerID }
`,
      {
        'data/retail.xlsx': [
          ['', 'InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'],
          [1, '536365', '85123A', 6, new Date(Date.UTC(2010, 11, 1, 8, 26)), 2.55, 17850],
          [2, 'C536379', 'D', -1, new Date(Date.UTC(2010, 11, 1, 9, 41)), 27.5, 'NA'],
        ],
      },
    );
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.orderId, l.quantity, l.unitPriceMinor, l.paidAmountMinor, l.refundAmountMinor, l.status, l.customerId])).toEqual([
      // 6 × 2.55 = 15.30
      ['536365', 6, 255, 1530, 0, 'paid', '17850'],
      // −1 × 27.50: a cancellation, booked as a refund of 27.50
      ['C536379', -1, 2750, 0, 2750, 'refunded', null],
    ]);
  });

  it('a bad cell in a workbook names file, row and column like CSV does', async () => {
    const { problems } = await ingest(yaml('    sheet: 2'), {
      'data/orders.xlsx': {
        Notes: [['x']],
        Orders: [
          ['订单编号', '买家实际支付金额', '订单付款时间'],
          ['1', 'twelve', new Date(Date.UTC(2026, 6, 1))],
        ],
      },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/orders\.xlsx:2:买家实际支付金额: not an amount 'twelve' — /);
  });
});
