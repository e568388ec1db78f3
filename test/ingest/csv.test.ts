import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { detachString, detectDelimiter, openCsv, parseCsvText, type CsvOptions, type CsvRecord } from '../../src/ingest/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'ecom-csv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
function file(content: string | Uint8Array): string {
  const p = join(dir, `f${++fileNo}.csv`);
  writeFileSync(p, content);
  return p;
}

async function readAll(path: string, options?: CsvOptions): Promise<CsvRecord[]> {
  const src = await openCsv(path, options);
  const out: CsvRecord[] = [];
  for await (const batch of src.batches()) out.push(...batch);
  return out;
}

/** [row, ...fields] per record: compact expectations. */
const rows = (records: CsvRecord[]): Array<[number, ...string[]]> => records.map((r) => [r.row, ...r.fields]);

describe('parseCsvText', () => {
  it('splits plain fields and keeps them untrimmed', () => {
    expect(rows(parseCsvText('a,b,c\n1, 2 ,3\n', ','))).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', ' 2 ', '3'],
    ]);
  });

  it('keeps delimiters inside quoted fields', () => {
    expect(rows(parseCsvText('id,name,qty\n1,"Gift set, 3 pcs",2\n', ','))).toEqual([
      [1, 'id', 'name', 'qty'],
      [2, '1', 'Gift set, 3 pcs', '2'],
    ]);
  });

  it('turns doubled quotes into one', () => {
    expect(rows(parseCsvText('"say ""hi""",x,""""\n', ','))).toEqual([[1, 'say "hi"', 'x', '"']]);
  });

  it('keeps CRLF and LF inside quotes and counts the physical lines they take', () => {
    const text = 'h1,h2\r\n1,"line1\r\nline2\nline3"\r\n2,x\r\n3,"a\rb"\r\n4,y';
    expect(rows(parseCsvText(text, ','))).toEqual([
      [1, 'h1', 'h2'],
      [2, '1', 'line1\r\nline2\nline3'],
      [5, '2', 'x'],
      [6, '3', 'a\rb'],
      [8, '4', 'y'],
    ]);
  });

  it('accepts LF, CRLF and lone CR line endings, also mixed', () => {
    const expected = [
      [1, 'a', 'b'],
      [2, '1', '2'],
      [3, '3', '4'],
    ];
    expect(rows(parseCsvText('a,b\n1,2\n3,4\n', ','))).toEqual(expected);
    expect(rows(parseCsvText('a,b\r\n1,2\r\n3,4\r\n', ','))).toEqual(expected);
    expect(rows(parseCsvText('a,b\r1,2\r3,4\r', ','))).toEqual(expected);
    expect(rows(parseCsvText('a,b\r\n1,2\r3,4\n', ','))).toEqual(expected);
  });

  it('reads a last line without a newline', () => {
    expect(rows(parseCsvText('a,b\n1,2', ','))).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
    ]);
    expect(rows(parseCsvText('a,b\n"1","2"', ','))).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
    ]);
  });

  it('yields empty lines as one empty field, with their own row numbers', () => {
    expect(rows(parseCsvText('a,b\n\n1,2\r\n\r\n\r\n3,4\n\n', ','))).toEqual([
      [1, 'a', 'b'],
      [2, ''],
      [3, '1', '2'],
      [4, ''],
      [5, ''],
      [6, '3', '4'],
      [7, ''],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(rows(parseCsvText(',a,,\n"",,""\n', ','))).toEqual([
      [1, '', 'a', '', ''],
      [2, '', '', ''],
    ]);
  });

  it('keeps stray quotes in unquoted fields and text after a closing quote', () => {
    expect(rows(parseCsvText('12"3,a"b"c,"ab"c,x\n', ','))).toEqual([[1, '12"3', 'a"b"c', 'abc', 'x']]);
    expect(rows(parseCsvText(' "x",y\n', ','))).toEqual([[1, ' "x"', 'y']]);
  });

  it('yields an unterminated quoted field at the end with what it has, flagged', () => {
    const recs = parseCsvText('a,b\n1,"open field\nmore\n', ',');
    expect(rows(recs)).toEqual([
      [1, 'a', 'b'],
      [2, '1', 'open field\nmore\n'],
    ]);
    expect(recs[0]!.unterminatedQuote).toBeUndefined();
    expect(recs[1]!.unterminatedQuote).toBe(true);
  });

  it('does not flag a quoted field closed right at the end', () => {
    const recs = parseCsvText('1,"x"', ',');
    expect(rows(recs)).toEqual([[1, '1', 'x']]);
    expect(recs[0]!.unterminatedQuote).toBeUndefined();
  });

  it('returns nothing for empty text, and drops a leading BOM', () => {
    expect(parseCsvText('', ',')).toEqual([]);
    expect(rows(parseCsvText('\uFEFFid,name\n1,x\n', ','))).toEqual([
      [1, 'id', 'name'],
      [2, '1', 'x'],
    ]);
  });

  it('uses the delimiter given, and detects it when none is', () => {
    expect(rows(parseCsvText('a;b,c\n1;2,3\n', ';'))).toEqual([
      [1, 'a', 'b,c'],
      [2, '1', '2,3'],
    ]);
    expect(rows(parseCsvText('a;b\n1,5;2,25\n'))).toEqual([
      [1, 'a', 'b'],
      [2, '1,5', '2,25'],
    ]);
    expect(rows(parseCsvText('a\tb\n1\t2\n'))).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
    ]);
  });

  it('handles records of different widths', () => {
    expect(rows(parseCsvText('a,b,c\n1\n1,2,3,4\n,\n', ','))).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1'],
      [3, '1', '2', '3', '4'],
      [4, '', ''],
    ]);
  });
});

describe('detachString', () => {
  it('returns an equal string', () => {
    for (const s of ['', 'a', '12 characters', '4000000000007919,x', '保湿面霜 50ml 保湿面霜 50ml']) {
      expect(detachString(s)).toBe(s);
    }
    const line = 'x'.repeat(100) + ',4000000000007919';
    expect(detachString(line.slice(101))).toBe('4000000000007919');
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter the header and the data lines agree on', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2,0;3\n4,5;5,5;6\n')).toBe(';');
    expect(detectDelimiter('订单号\t金额\t备注\n1\t2,5\tx, y\n3\t4\tz\n')).toBe('\t');
  });

  it('ignores delimiters inside quoted fields', () => {
    expect(detectDelimiter('"a;b;c";"d,e"\n"1;2";"3,4"\n')).toBe(';');
    expect(detectDelimiter('"a,b\tc",d\n"x\ty\tz",2\n')).toBe(',');
  });

  it('prefers the candidate consistent across lines over one only frequent in the header', () => {
    // Header has 2 commas (inside names) and 2 tabs; only tabs hold for the data lines.
    expect(detectDelimiter('Amount, net\tRegion, city\tQty\n1\t2\t3\n4\t5\t6\n')).toBe('\t');
  });

  it('skips leading empty lines and falls back to comma', () => {
    expect(detectDelimiter('\n\na;b\n1;2\n')).toBe(';');
    expect(detectDelimiter('single\ncolumn\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
    expect(detectDelimiter('a;b')).toBe(';');
  });
});

describe('openCsv', () => {
  it('reads a UTF-8 file and reports encoding, delimiter and size', async () => {
    const content = 'order_id,商品名称,金额\n1001,"保湿面霜, 50ml",129.00\n1002,洗面奶,59.90\n';
    const p = file(content);
    const src = await openCsv(p);
    expect(src.encoding).toBe('utf8');
    expect(src.delimiter).toBe(',');
    expect(src.totalBytes).toBe(Buffer.byteLength(content));
    expect(rows(await readAll(p))).toEqual([
      [1, 'order_id', '商品名称', '金额'],
      [2, '1001', '保湿面霜, 50ml', '129.00'],
      [3, '1002', '洗面奶', '59.90'],
    ]);
  });

  it('reads UTF-16 without a BOM, at any chunk size', async () => {
    const text = 'order_id,商品名称,金额\n1001,"保湿面霜, 50ml",129.00\n1002,洗面奶,59.90\n';
    const p = file(Buffer.from(text, 'utf16le'));
    expect((await openCsv(p)).encoding).toBe('utf16le');
    for (const chunkSize of [1, 3, 7, 1 << 20]) {
      expect(rows(await readAll(p, { chunkSize }))).toEqual([
        [1, 'order_id', '商品名称', '金额'],
        [2, '1001', '保湿面霜, 50ml', '129.00'],
        [3, '1002', '洗面奶', '59.90'],
      ]);
    }
  });

  it('reads a GBK file whose first MiB is all ASCII as GBK from where it stops being UTF-8', async () => {
    // ~1.4 MB of ASCII rows (the 1 MiB encoding sample sees only these), then rows in GBK.
    const ascii = Array.from({ length: 50_000 }, (_, i) => `${100000 + i},Serum,SKU${i % 97},59.90`).join('\n');
    const gbk = iconv.encode('\n200001,保湿面霜,SKU1,129.00\n200002,洗面奶,SKU2,59.90\n', 'gbk');
    const p = file(Buffer.concat([Buffer.from('order_id,product,sku,amount\n' + ascii), gbk]));
    for (const chunkSize of [1 << 16, 1 << 20]) {
      const src = await openCsv(p, { chunkSize });
      expect(src.encoding).toBe('utf8');
      const out: CsvRecord[] = [];
      for await (const b of src.batches()) out.push(...b);
      expect(src.encoding).toBe('gb18030');
      expect(src.encodingChanges).toEqual([]); // no UTF-8 text before the GBK: nothing to warn of
      expect(out).toHaveLength(50_003);
      expect(out[1]!.fields).toEqual(['100000', 'Serum', 'SKU0', '59.90']);
      expect(out.slice(-2).map((r) => r.fields)).toEqual([
        ['200001', '保湿面霜', 'SKU1', '129.00'],
        ['200002', '洗面奶', 'SKU2', '59.90'],
      ]);
    }
    // Said to be UTF-8, it stays UTF-8 (the bytes that are not show as U+FFFD).
    const forced = await openCsv(p, { encoding: 'utf8' });
    const last: string[][] = [];
    for await (const b of forced.batches()) for (const r of b) last.push(r.fields);
    expect(forced.encoding).toBe('utf8');
    expect(last[last.length - 1]![1]).toContain('\ufffd');
  });

  it('reads a UTF-8 file that goes on in GBK past its first MiB in both, from the line where GBK begins', async () => {
    // Rows 2–45001 UTF-8 Chinese (one of them with a quoted line break, so row 3 is two physical
    // lines), then 200 GBK rows: the first GBK row is physical line 45003.
    const utf8Rows = Array.from({ length: 45_000 }, (_, i) => (i === 1 ? `${100000 + i},"保湿\n面霜",59.90` : `${100000 + i},保湿面霜,59.90`));
    const gbkRows = Array.from({ length: 200 }, (_, i) => `${200000 + i},洗面奶 ${i},19.90`);
    const head = Buffer.from(`order_id,product,amount\n${utf8Rows.join('\n')}\n`);
    expect(head.length).toBeGreaterThan(1 << 20);
    const p = file(Buffer.concat([head, iconv.encode(gbkRows.join('\n') + '\n', 'gbk')]));
    // (head.length: the GBK line starts right at a chunk's start.)
    for (const chunkSize of [1 << 16, 1 << 20, head.length]) {
      const src = await openCsv(p, { chunkSize });
      const out: CsvRecord[] = [];
      for await (const b of src.batches()) out.push(...b);
      expect(src.encoding).toBe('gb18030');
      expect(src.encodingChanges).toEqual([{ row: 45_003, from: 'utf8', to: 'gb18030' }]);
      expect(out).toHaveLength(1 + 45_000 + 200);
      expect(out[2]!.fields).toEqual(['100001', '保湿\n面霜', '59.90']);
      expect(out[45_000]!.fields).toEqual(['144999', '保湿面霜', '59.90']);
      expect(out[45_001]!).toEqual({ row: 45_003, fields: ['200000', '洗面奶 0', '19.90'] });
      expect(out[45_200]!.fields).toEqual(['200199', '洗面奶 199', '19.90']);
    }
    // Said to be UTF-8, it stays UTF-8.
    const forced = await openCsv(p, { encoding: 'utf8' });
    for await (const _ of forced.batches());
    expect(forced.encoding).toBe('utf8');
    expect(forced.encodingChanges).toEqual([]);
  });

  it('reads a GBK file that goes on in UTF-8 in both, from the line where UTF-8 begins', async () => {
    // Header and rows 2–301 in GBK, rows 302–501 in UTF-8, LF; then the same with CRLF.
    for (const eol of ['\n', '\r\n']) {
      const gbkRows = Array.from({ length: 300 }, (_, i) => `${100000 + i},洗面奶 ${i},19.90`);
      const utf8Rows = Array.from({ length: 200 }, (_, i) => `${200000 + i},保湿面霜 ${i},59.90`);
      const p = file(Buffer.concat([iconv.encode(['订单编号,商品,金额', ...gbkRows].join(eol) + eol, 'gbk'), Buffer.from(utf8Rows.join(eol) + eol)]));
      for (const chunkSize of [64, 100, 257, 1 << 12, 1 << 20]) {
        const src = await openCsv(p, { chunkSize });
        expect(src.encoding).toBe('gb18030');
        const out: CsvRecord[] = [];
        for await (const b of src.batches()) out.push(...b);
        expect(src.encoding).toBe('utf8');
        expect(src.encodingChanges).toEqual([{ row: 302, from: 'gb18030', to: 'utf8' }]);
        expect(out).toHaveLength(501);
        expect(out[0]!.fields).toEqual(['订单编号', '商品', '金额']);
        expect(out[300]!.fields).toEqual(['100299', '洗面奶 299', '19.90']);
        expect(out[301]!).toEqual({ row: 302, fields: ['200000', '保湿面霜 0', '59.90'] });
        expect(out[500]!.fields).toEqual(['200199', '保湿面霜 199', '59.90']);
      }
    }
    // GBK throughout stays GBK; said to be GBK, a UTF-8 tail stays GBK too.
    const gbk = file(iconv.encode('订单编号,商品\n' + Array.from({ length: 3000 }, (_, i) => `${i},洗面奶保湿面霜连衣裙女装 ${i}`).join('\n'), 'gbk'));
    const plain = await openCsv(gbk);
    for await (const _ of plain.batches());
    expect(plain.encoding).toBe('gb18030');
    expect(plain.encodingChanges).toEqual([]);
  });

  it('reads a file that changes between UTF-8 and GBK several times, each part in its own, at any chunk size', async () => {
    // Header and rows 2–301 UTF-8, 302–601 GBK, 602–901 UTF-8, 902–1201 GBK; LF, then CRLF.
    for (const eol of ['\n', '\r\n']) {
      const block = (from: number, name: string) => Array.from({ length: 300 }, (_, i) => `${from + i},${name} ${i},19.90`).join(eol) + eol;
      const parts = [
        Buffer.from('订单编号,商品,金额' + eol + block(100000, '保湿面霜')),
        iconv.encode(block(200000, '洗面奶'), 'gbk'),
        Buffer.from(block(300000, '连衣裙女装')),
        iconv.encode(block(400000, '男士衬衫'), 'gbk'),
      ];
      const p = file(Buffer.concat(parts));
      const firstGbk = parts[0]!.length;
      // Chunk sizes that cut lines and characters anywhere, one ending exactly where the first
      // GBK line starts, and one ending a byte into it.
      for (const chunkSize of [7, 64, 100, 257, 4096, firstGbk, firstGbk + 1, 1 << 20]) {
        const src = await openCsv(p, { chunkSize });
        expect(src.encoding).toBe('utf8');
        const out: CsvRecord[] = [];
        for await (const b of src.batches()) out.push(...b);
        expect(src.encoding).toBe('gb18030');
        expect(src.encodingChanges).toEqual([
          { row: 302, from: 'utf8', to: 'gb18030' },
          { row: 602, from: 'gb18030', to: 'utf8' },
          { row: 902, from: 'utf8', to: 'gb18030' },
        ]);
        expect(out).toHaveLength(1201);
        expect(out.every((r, i) => r.row === i + 1)).toBe(true);
        expect(out[0]!.fields).toEqual(['订单编号', '商品', '金额']);
        expect(out[300]!.fields).toEqual(['100299', '保湿面霜 299', '19.90']);
        expect(out[301]!.fields).toEqual(['200000', '洗面奶 0', '19.90']);
        expect(out[600]!.fields).toEqual(['200299', '洗面奶 299', '19.90']);
        expect(out[601]!.fields).toEqual(['300000', '连衣裙女装 0', '19.90']);
        expect(out[900]!.fields).toEqual(['300299', '连衣裙女装 299', '19.90']);
        expect(out[901]!.fields).toEqual(['400000', '男士衬衫 0', '19.90']);
        expect(out[1200]!.fields).toEqual(['400299', '男士衬衫 299', '19.90']);
        // Nothing read in the wrong encoding anywhere.
        expect(out.some((r) => r.fields.some((f) => f.includes('\ufffd')))).toBe(false);
      }
    }
  });

  it('finds GBK whose first lines read as half UTF-8, whatever a chunk holds of them', async () => {
    // 防晒霜 in GBK is B7C0 C9B9 CBAA: as UTF-8 two bad bytes and two good two-byte characters,
    // so a line or two of it alone do not look GBK; the lines after them do. CRLF, and the
    // line breaks fall across chunks at the small sizes.
    const rows = (names: string[]) => names.map((n) => `270720,${n},9.90\r\n`).join('');
    const p = file(Buffer.concat([Buffer.from(rows(Array(60).fill('保湿面霜'))), iconv.encode(rows(['防晒霜', '防晒霜', ...Array(60).fill('保湿面霜')]), 'gbk')]));
    for (const chunkSize of [1, 2, 3, 5, 1 << 20]) {
      const src = await openCsv(p, { chunkSize });
      const out: CsvRecord[] = [];
      for await (const b of src.batches()) out.push(...b);
      expect(src.encodingChanges).toEqual([{ row: 61, from: 'utf8', to: 'gb18030' }]);
      expect(out.slice(59, 63).map((r) => r.fields[1])).toEqual(['保湿面霜', '防晒霜', '防晒霜', '保湿面霜']);
    }
  });

  it('keeps a UTF-8 file with a stray bad byte as UTF-8', async () => {
    // One byte that starts no UTF-8 character amid UTF-8 Chinese: damage, not GBK.
    const before = Array.from({ length: 20 }, (_, i) => `${i + 10},保湿面霜\n`).join('');
    const p = file(Buffer.concat([Buffer.from(`id,name\n${before}1,保湿面霜\n2,洗`), Buffer.from([0xff]), Buffer.from('面奶\n3,面霜\n')]));
    const src = await openCsv(p);
    const out: CsvRecord[] = [];
    for await (const b of src.batches()) out.push(...b);
    expect(src.encoding).toBe('utf8');
    expect(src.encodingChanges).toEqual([]);
    expect(out.slice(-3).map((r) => r.fields[1])).toEqual(['保湿面霜', '洗\ufffd面奶', '面霜']);
  });

  it('keeps a UTF-8 file whose Chinese starts after the first MiB as UTF-8', async () => {
    const ascii = Array.from({ length: 60_000 }, (_, i) => `${100000 + i},Serum,59.90`).join('\n');
    const p = file('order_id,product,amount\n' + ascii + '\n200001,保湿面霜,129.00\n');
    const src = await openCsv(p);
    const out: CsvRecord[] = [];
    for await (const b of src.batches()) out.push(...b);
    expect(src.encoding).toBe('utf8');
    expect(out[out.length - 1]!.fields).toEqual(['200001', '保湿面霜', '129.00']);
  });

  it('strips a UTF-8 BOM', async () => {
    const p = file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,name\n1,x\n')]));
    const src = await openCsv(p);
    expect(src.encoding).toBe('utf8-bom');
    for (const chunkSize of [1, 2, 3, 4, 1 << 20]) {
      expect(rows(await readAll(p, { chunkSize }))).toEqual([
        [1, 'id', 'name'],
        [2, '1', 'x'],
      ]);
    }
    // Forcing utf8 on a file with a BOM still strips it, and says so.
    expect((await openCsv(p, { encoding: 'utf8' })).encoding).toBe('utf8-bom');
    expect((await readAll(p, { encoding: 'utf8' }))[0]!.fields[0]).toBe('id');
  });

  it('reads CRLF, LF and CR files with the same records and row numbers, at any chunk size', async () => {
    const lines = ['a,b', '1,"x\ny"', '', '2,z'];
    const expected = [
      [1, 'a', 'b'],
      [2, '1', 'x\ny'],
      [4, ''],
      [5, '2', 'z'],
    ];
    for (const eol of ['\n', '\r\n', '\r']) {
      // The quoted line break is written with the file's own line ending.
      const text = lines.join(eol).replace('x\ny', `x${eol}y`) + eol;
      const p = file(text);
      for (const chunkSize of [1, 2, 3, 5, 64]) {
        const recs = await readAll(p, { chunkSize });
        expect(rows(recs)).toEqual(expected.map((r) => (r[2] === 'x\ny' ? [r[0], r[1], `x${eol}y`] : r)));
      }
    }
  });

  it('counts a CRLF split across two chunks as one line break', async () => {
    const p = file('a\r\nb\r\n"c\r\nd"\r\ne\r\n');
    for (const chunkSize of [1, 2, 3, 4]) {
      expect(rows(await readAll(p, { chunkSize }))).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c\r\nd'],
        [5, 'e'],
      ]);
    }
  });

  it('reads UTF-16LE with a BOM', async () => {
    const text = '订单号\t金额\n1\t"9,9"\n2\t😀\n';
    const p = file(Buffer.from('\uFEFF' + text, 'utf16le'));
    const src = await openCsv(p);
    expect(src.encoding).toBe('utf16le');
    expect(src.delimiter).toBe('\t');
    for (const chunkSize of [1, 3, 1 << 20]) {
      expect(rows(await readAll(p, { chunkSize }))).toEqual([
        [1, '订单号', '金额'],
        [2, '1', '9,9'],
        [3, '2', '😀'],
      ]);
    }
  });

  it('reads UTF-16BE with a BOM', async () => {
    const le = Buffer.from('\uFEFF名称;数量\n面霜;2\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    const p = file(be);
    const src = await openCsv(p);
    expect(src.encoding).toBe('utf16be');
    expect(src.delimiter).toBe(';');
    expect(rows(await readAll(p, { chunkSize: 3 }))).toEqual([
      [1, '名称', '数量'],
      [2, '面霜', '2'],
    ]);
  });

  it('reads GBK bytes, with multi-byte characters split across chunks', async () => {
    const text = '订单号,商品名称,收货地址\n10001,"保湿面霜, 50ml",浙江省杭州市\n10002,洗面奶,广东省深圳市\n';
    const bytes = iconv.encode(text, 'gbk');
    // Sanity check of the fixture itself: GBK is two bytes per Chinese character.
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text, 'utf8'));
    const p = file(bytes);
    const src = await openCsv(p);
    expect(src.encoding).toBe('gb18030');
    expect(src.delimiter).toBe(',');
    const expected = [
      [1, '订单号', '商品名称', '收货地址'],
      [2, '10001', '保湿面霜, 50ml', '浙江省杭州市'],
      [3, '10002', '洗面奶', '广东省深圳市'],
    ];
    // Chunk sizes 1 and 3 cut inside two-byte characters at odd offsets; 2 at even ones.
    for (const chunkSize of [1, 2, 3, 7, 1 << 20]) {
      expect(rows(await readAll(p, { chunkSize }))).toEqual(expected);
    }
  });

  it('reads GB18030 four-byte sequences split across chunks', async () => {
    // 𠀀 (U+20000) is 95 32 82 36 in GB18030; ¤ (U+00A4) is A1 E8; € (U+20AC) is A2 E3.
    const bytes = Buffer.from([0x61, 0x2c, 0x95, 0x32, 0x82, 0x36, 0x0a, 0xa1, 0xe8, 0x2c, 0xa2, 0xe3, 0x0a]);
    const p = file(bytes);
    for (const chunkSize of [1, 2, 3]) {
      expect(rows(await readAll(p, { chunkSize, encoding: 'gb18030' }))).toEqual([
        [1, 'a', '\u{20000}'],
        [2, '¤', '€'],
      ]);
    }
  });

  it('detects semicolon and tab delimiters from the file', async () => {
    const semi = file('Bestellnummer;Betrag;Notiz\n1;12,50;"a;b"\n2;3,00;c\n');
    const src = await openCsv(semi);
    expect(src.delimiter).toBe(';');
    expect(rows(await readAll(semi))).toEqual([
      [1, 'Bestellnummer', 'Betrag', 'Notiz'],
      [2, '1', '12,50', 'a;b'],
      [3, '2', '3,00', 'c'],
    ]);
    const tab = file('order_id\tname\n1\tGift set, 3 pcs\n');
    expect((await openCsv(tab)).delimiter).toBe('\t');
    expect(rows(await readAll(tab))).toEqual([
      [1, 'order_id', 'name'],
      [2, '1', 'Gift set, 3 pcs'],
    ]);
    // An explicit delimiter wins over detection.
    expect(rows(await readAll(tab, { delimiter: ',' }))).toEqual([
      [1, 'order_id\tname'],
      [2, '1\tGift set', ' 3 pcs'],
    ]);
  });

  it('reads a last line without a newline, and empty lines, at any chunk size', async () => {
    const p = file('a,b\n\n1,2\n\n\n3,4');
    for (const chunkSize of [1, 2, 4, 100]) {
      expect(rows(await readAll(p, { chunkSize }))).toEqual([
        [1, 'a', 'b'],
        [2, ''],
        [3, '1', '2'],
        [4, ''],
        [5, ''],
        [6, '3', '4'],
      ]);
    }
  });

  it('flags an unterminated quote at the end of the file', async () => {
    const p = file('a,b\n1,"never closed\n2,x\n');
    for (const chunkSize of [1, 5, 1000]) {
      const recs = await readAll(p, { chunkSize });
      expect(rows(recs)).toEqual([
        [1, 'a', 'b'],
        [2, '1', 'never closed\n2,x\n'],
      ]);
      expect(recs[1]!.unterminatedQuote).toBe(true);
      expect(recs[0]!).not.toHaveProperty('unterminatedQuote');
    }
  });

  it('yields nothing for an empty file or a file holding only a BOM', async () => {
    expect(await readAll(file(''))).toEqual([]);
    expect(await readAll(file(Buffer.from([0xef, 0xbb, 0xbf])))).toEqual([]);
  });

  it('yields batches of at most batchSize records, in order, and can be read twice', async () => {
    const text = 'h\n' + Array.from({ length: 10 }, (_, i) => `r${i}`).join('\n') + '\n';
    // One chunk: batches are cut at batchSize only.
    const whole: number[] = [];
    for await (const b of (await openCsv(file(text), { batchSize: 4 })).batches()) whole.push(b.length);
    expect(whole).toEqual([4, 4, 3]);
    // 3-byte chunks: a batch also ends where the records of one chunk's text end.
    const src = await openCsv(file(text), { batchSize: 4, chunkSize: 3 });
    const sizes: number[] = [];
    const all: string[] = [];
    for await (const b of src.batches()) {
      sizes.push(b.length);
      all.push(...b.map((r) => r.fields[0]!));
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(11);
    expect(all).toEqual(['h', 'r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
    let again = 0;
    for await (const b of src.batches()) again += b.length;
    expect(again).toBe(11);
  });

  it('reports progress at most every ~1 MiB, ending with the total', async () => {
    const line = '1234567890,abcdefghij,"quoted, field"\n'; // 38 bytes
    const text = line.repeat(70_000); // 2.66 MB
    const p = file(text);
    const calls: Array<[number, number]> = [];
    await readAll(p, { chunkSize: 64 * 1024, onProgress: (read, total) => calls.push([read, total]) });
    const size = Buffer.byteLength(text);
    expect(calls.length).toBe(3); // ~1 MiB, ~2 MiB, end
    expect(calls.every(([, total]) => total === size)).toBe(true);
    expect(calls[0]![0]).toBeGreaterThanOrEqual(1 << 20);
    expect(calls[1]![0] - calls[0]![0]).toBeGreaterThanOrEqual(1 << 20);
    expect(calls[2]![0]).toBe(size);
  });

  it('stops reading when the consumer stops early', async () => {
    const p = file('h\n' + 'x\n'.repeat(1000));
    const src = await openCsv(p, { batchSize: 10, chunkSize: 64 });
    let seen = 0;
    for await (const b of src.batches()) {
      seen += b.length;
      break;
    }
    expect(seen).toBe(10);
  });

  it('gives up with a UserError on a quoted field that stays open too long', async () => {
    const p = file('a,b\n1,2\n3,"stray quote' + ',x\n'.repeat(100));
    const err = await readAll(p, { chunkSize: 16, maxPendingBytes: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('a quoted field is still open after 100 bytes');
    expect((err as UserError).location).toEqual({ file: p, row: 3 });
    // Under the limit, the same file yields the open field, flagged.
    const recs = await readAll(p, { chunkSize: 16 });
    expect(recs.length).toBe(3);
    expect(recs[2]!.unterminatedQuote).toBe(true);
  });

  it('gives up with a UserError on a line that never ends', async () => {
    const p = file('a\nb\n' + 'y'.repeat(300));
    const err = await readAll(p, { chunkSize: 16, maxPendingBytes: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('a line is longer than 100 bytes');
    expect((err as UserError).location).toEqual({ file: p, row: 3 });
  });

  it('rejects a missing file', async () => {
    await expect(openCsv(join(dir, 'missing.csv'))).rejects.toThrow(/ENOENT/);
  });
});

// ---------------------------------------------------------------------------------------
// Property tests against an independent, deliberately naive reference parser.

interface RefRecord {
  row: number;
  fields: string[];
  unterminated: boolean;
}

/** Character-at-a-time reading of the rules in csv.ts's header comment. */
function reference(text: string, d: string): RefRecord[] {
  const out: RefRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const row = line;
    const fields: string[] = [];
    let unterminated = false;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) {
            unterminated = true;
            break;
          }
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' && text[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            line++;
            continue;
          }
          if (c === '\r' || c === '\n') line++;
          field += c;
          i++;
        }
      }
      while (i < n && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      fields.push(field);
      if (i < n && text[i] === d) {
        i++;
        if (i >= n) {
          fields.push('');
          break;
        }
        continue;
      }
      if (i < n) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    out.push({ row, fields, unterminated });
  }
  return out;
}

const asRef = (recs: CsvRecord[]): RefRecord[] =>
  recs.map((r) => ({ row: r.row, fields: r.fields, unterminated: r.unterminatedQuote === true }));

const csvish = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 80 }).map((a) => a.join(''));

describe('property: agrees with a naive reference parser', () => {
  it('the reference parser itself follows the hand-written examples', () => {
    expect(reference('a,"b\r\nc"\r\n\n"x""y"z,"open', ',')).toEqual([
      { row: 1, fields: ['a', 'b\r\nc'], unterminated: false },
      { row: 3, fields: [''], unterminated: false },
      { row: 4, fields: ['x"yz', 'open'], unterminated: true },
    ]);
  });

  it('parseCsvText, on arbitrary text', () => {
    fc.assert(
      fc.property(csvish(['a', 'b', ',', ';', '"', '\r', '\n', ' ', '中']), fc.constantFrom<',' | ';'>(',', ';'), (text, d) => {
        expect(asRef(parseCsvText(text, d))).toEqual(reference(text, d));
      }),
      { numRuns: 3000 },
    );
  });

  it('parseCsvText, on longer lines with few quotes (fast path)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('abc', 'de', ',', ',', '\n', '\r\n', '\r', '"', '""', 'x'), { maxLength: 200 }).map((a) => a.join('')),
        (text) => {
          expect(asRef(parseCsvText(text, ','))).toEqual(reference(text, ','));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('openCsv, at any chunk and batch size, in UTF-8, UTF-16LE and GB18030', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvish(['a', ',', '"', '\r', '\n', '中', '😀', '\t']),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('utf8', 'utf16le', 'gb18030'),
        async (text, chunkSize, batchSize, enc) => {
          const bytes =
            enc === 'utf8'
              ? Buffer.from(text, 'utf8')
              : enc === 'utf16le'
                ? Buffer.from('\uFEFF' + text, 'utf16le')
                : iconv.encode(text, 'gb18030');
          const p = file(bytes);
          const recs = await readAll(p, { chunkSize, batchSize, delimiter: ',', encoding: enc === 'utf16le' ? 'auto' : enc });
          expect(asRef(recs)).toEqual(reference(text, ','));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('openCsv, on exports in UTF-8 and GBK joined in any order, at any chunk size', async () => {
    // Each part at least 60 lines (over 1 KiB, so a part in the middle of a chunk is looked at;
    // see PROBE_STRIDE in encoding-reader.ts), every line with Chinese in it.
    const names = ['保湿面霜', '洗面奶', '连衣裙女装', '男士衬衫', '防晒霜', '口红套装'];
    for (const n of names) expect(isUtf8(iconv.encode(n, 'gbk'))).toBe(false);
    const part = fc.record({
      lines: fc.array(fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(...names), fc.boolean()), { minLength: 60, maxLength: 90 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { minLength: 2, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        // (Small chunks, a byte or a few at a time, are a fifth of the runs: they are slow.)
        fc.oneof({ arbitrary: fc.integer({ min: 1, max: 8 }), weight: 1 }, { arbitrary: fc.integer({ min: 9, max: 5000 }), weight: 4 }),
        async (parts, gbkFirst, eol, chunkSize) => {
          const texts = parts.map((pt) => pt.lines.map(([id, name, quoted]) => (quoted ? `${id},"${name}, 50ml",9.90` : `${id},${name},9.90`)).join(eol) + eol);
          const encodingOf = (i: number) => ((i % 2 === 0) === gbkFirst ? 'gb18030' : 'utf8');
          const p = file(Buffer.concat(texts.map((t, i) => (encodingOf(i) === 'gb18030' ? iconv.encode(t, 'gbk') : Buffer.from(t)))));
          const src = await openCsv(p, { chunkSize, batchSize: 7, delimiter: ',' });
          const recs: CsvRecord[] = [];
          for await (const b of src.batches()) recs.push(...b);
          expect(asRef(recs)).toEqual(reference(texts.join(''), ','));
          let row = 1;
          const changes = texts.slice(0, -1).map((t, i) => {
            row += t.split(eol).length - 1;
            return { row, from: encodingOf(i), to: encodingOf(i + 1) };
          });
          expect(src.encodingChanges).toEqual(changes);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
