// Legacy BIFF5 workbooks (Excel 5/95, as old 淘宝助理 and ERP exports are) keep their text as
// 8-bit bytes in the workbook's code page — GBK (936) for Chinese Excel. SheetJS cannot write such
// a file, so the test builds one record by record (the layout of [MS-XLS]'s BIFF5 records) in an
// OLE compound file, the text encoded by iconv-lite, independently of the reader under test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecords } from '../../src/ingest/source.js';
import { openXls } from '../../src/ingest/xls.js';
import { readAll } from '../helpers/records.js';

const dir = mkdtempSync(path.join(tmpdir(), 'biff5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = string | number;

function record(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(body.length, 2);
  return Buffer.concat([head, body]);
}
function words(...values: number[]): Buffer {
  const b = Buffer.alloc(2 * values.length);
  values.forEach((v, i) => b.writeUInt16LE(v, 2 * i));
  return b;
}

/** A one-sheet BIFF5 workbook; `codepage` undefined leaves out the CODEPAGE record. */
function biff5(file: string, sheetName: string, rows: Cell[][], codepage: number | undefined): string {
  const text = (s: string): Buffer => iconv.encode(s, 'gbk');
  const bof = (kind: number): Buffer => record(0x0809, words(0x0500, kind, 0x0dbb, 0x07cc));
  const eof = record(0x000a, Buffer.alloc(0));
  const sheet: Buffer[] = [bof(0x0010), record(0x0200, words(0, rows.length, 0, Math.max(...rows.map((r) => r.length)), 0))];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === 'number') {
        const n = Buffer.alloc(8);
        n.writeDoubleLE(value);
        sheet.push(record(0x0203, Buffer.concat([words(r, c, 15), n]))); // NUMBER
      } else {
        const bytes = text(value);
        sheet.push(record(0x0204, Buffer.concat([words(r, c, 15, bytes.length), bytes]))); // LABEL
      }
    }),
  );
  sheet.push(eof);
  const head = [bof(0x0005), ...(codepage === undefined ? [] : [record(0x0042, words(codepage))])];
  const name = text(sheetName);
  const boundSheetLength = 4 + 7 + name.length;
  const sheetAt = head.reduce((n, b) => n + b.length, 0) + boundSheetLength + eof.length;
  const boundSheet = Buffer.alloc(7);
  boundSheet.writeUInt32LE(sheetAt, 0);
  boundSheet.writeUInt8(name.length, 6);
  const stream = Buffer.concat([...head, record(0x0085, Buffer.concat([boundSheet, name])), eof, ...sheet]);
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'Book', stream);
  const out = path.join(dir, file);
  writeFileSync(out, Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array));
  return out;
}

const ROWS: Cell[][] = [
  ['订单编号', '买家会员名', '宝贝标题', '买家实际支付金额'],
  ['20180101001', '张三', '零基础学 Java（第 2 版）', 748.5],
  ['20180101002', '李四·旗舰店', '面霜 50ml', 99],
];
const EXPECTED = [
  [1, '订单编号', '买家会员名', '宝贝标题', '买家实际支付金额'],
  [2, '20180101001', '张三', '零基础学 Java（第 2 版）', '748.5'],
  [3, '20180101002', '李四·旗舰店', '面霜 50ml', '99'],
];

describe('BIFF5 .xls in code page 936 (GBK)', () => {
  it('reads the text of a workbook that declares code page 936, sheet name included', async () => {
    const file = biff5('declared.xls', '订单报表', ROWS, 936);
    expect(await readAll(await openXls(file, { sheet: '订单报表' }))).toEqual(EXPECTED);
  });

  it('a workbook that declares none is read as GBK when the source says encoding: gb18030', async () => {
    const file = biff5('undeclared.xls', '订单报表', ROWS, undefined);
    expect(await readAll(await openRecords(file, { encoding: 'gb18030' }))).toEqual(EXPECTED);
    // Without it the bytes are read as Western (1252) text: not Chinese.
    const western = await readAll(await openRecords(file));
    expect(western[1]![2]).not.toBe('张三');
    expect(western[1]![1]).toBe('20180101001');
  });
});
