import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { countUtf8Sequences, createDecoder, createIconvDecoder, detectEncoding, type CsvEncoding, type StreamDecoder } from '../../src/ingest/encoding.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);

/** Decode `input` through `dec` in pieces of `size` bytes. */
function decodeIn(dec: StreamDecoder, input: Uint8Array, size: number): string {
  let s = '';
  for (let i = 0; i < input.length; i += size) s += dec.write(input.subarray(i, i + size));
  return s + dec.end();
}

describe('detectEncoding', () => {
  it('recognises byte-order marks first', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('utf8-bom');
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0x00))).toBe('utf16le');
    expect(detectEncoding(bytes(0xfe, 0xff, 0x00, 0x61))).toBe('utf16be');
    // A UTF-8 BOM followed by GBK bytes is still UTF-8 with BOM (the BOM is explicit).
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0xd6, 0xd0))).toBe('utf8-bom');
  });

  it('takes ASCII and valid UTF-8 as utf8', () => {
    expect(detectEncoding(new TextEncoder().encode('id,amount\n1,2\n'))).toBe('utf8');
    expect(detectEncoding(new TextEncoder().encode('订单号,金额\n1,2\n'))).toBe('utf8');
    expect(detectEncoding(bytes())).toBe('utf8');
  });

  it('takes GBK bytes as gb18030', () => {
    // 订单号 in GBK: B6A9 B5A5 BAC5 — not valid UTF-8.
    expect(detectEncoding(bytes(0xb6, 0xa9, 0xb5, 0xa5, 0xba, 0xc5, 0x2c, 0x31, 0x0a))).toBe('gb18030');
    expect(detectEncoding(iconv.encode('商品名称,收货地址\n面霜,浙江\n', 'gbk'))).toBe('gb18030');
  });

  it('a UTF-8 file with one row pasted in from a GBK export stays UTF-8', () => {
    const utf8 = Buffer.from('订单号,类目,金额\n' + '1,连衣裙,100.00\n'.repeat(200), 'utf8');
    const sample = Buffer.concat([utf8, iconv.encode('2,口红,50.00\n', 'gbk')]);
    expect(detectEncoding(sample, true)).toBe('utf8');
    // 7 header characters and 3 × 200 in the rows; 口红 in GBK is C2 DA BA EC: C2 and EC start
    // nothing valid, while DA BA happens to be a well-formed two-byte sequence.
    expect(countUtf8Sequences(sample)).toEqual({ valid: 7 + 600 + 1, invalid: 2 });
  });

  it('long GBK text is GBK, though some of its byte pairs happen to be valid UTF-8', () => {
    const names = '连衣裙口红面霜眼霜防晒乳浙江省杭州市西湖区广东省深圳市南山区北京市朝阳区上海市浦东新区江苏省南京市鼓楼区';
    const gbk = iconv.encode(('订单号,商品名称,收货地址\n' + `1,${names},${names}\n`).repeat(100), 'gbk');
    const counts = countUtf8Sequences(gbk);
    expect(counts.valid).toBeGreaterThan(0);
    expect(detectEncoding(gbk, true)).toBe('gb18030');
  });

  it('recognises UTF-16 without a byte-order mark by its zero bytes', () => {
    const text = '订单号,商品名称,金额\n4012345678901234567,面霜 50ml,128.00\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(le)).toBe('utf16le');
    expect(detectEncoding(be)).toBe('utf16be');
    // Even a line of Chinese only has its delimiters and line break in ASCII.
    expect(detectEncoding(Buffer.from('订单,商品\n', 'utf16le'))).toBe('utf16le');
    // UTF-8 and GBK hold no zero bytes: unchanged.
    expect(detectEncoding(Buffer.from(text, 'utf8'))).toBe('utf8');
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030');
    // A stray zero byte or two in UTF-8 is not UTF-16.
    expect(detectEncoding(Buffer.concat([Buffer.from(text, 'utf8'), bytes(0, 0x41, 0)]))).toBe('utf8');
  });

  it('does not count a UTF-8 character cut at the end of the sample against it', () => {
    const full = new TextEncoder().encode('a,中'); // 61 2C E4 B8 AD
    expect(detectEncoding(full.subarray(0, 3))).toBe('utf8');
    expect(detectEncoding(full.subarray(0, 4))).toBe('utf8');
    // ...unless the sample is the whole file: then the file really ends mid-character.
    expect(detectEncoding(full.subarray(0, 4), true)).toBe('gb18030');
    // Invalid bytes before the cut still count.
    expect(detectEncoding(bytes(0xb6, 0xa9, 0x2c, 0xe4, 0xb8))).toBe('gb18030');
  });
});

describe('createDecoder', () => {
  const cases: Array<[CsvEncoding, Uint8Array, string]> = [
    // 中文,€😀 written out by hand in each encoding.
    ['utf8', bytes(0xe4, 0xb8, 0xad, 0xe6, 0x96, 0x87, 0x2c, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80), '中文,€😀'],
    ['utf8-bom', bytes(0xef, 0xbb, 0xbf, 0xe4, 0xb8, 0xad, 0x2c, 0x61), '中,a'],
    ['utf16le', bytes(0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65, 0x2c, 0x00, 0x3d, 0xd8, 0x00, 0xde), '中文,😀'],
    ['utf16be', bytes(0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87, 0x00, 0x2c, 0xd8, 0x3d, 0xde, 0x00), '中文,😀'],
    // GBK two-byte (中 D6D0, 文 CEC4) and GB18030 four-byte (😀 9439FC36).
    ['gb18030', bytes(0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x94, 0x39, 0xfc, 0x36), '中文,😀'],
  ];

  for (const [enc, input, expected] of cases) {
    it(`${enc}: decodes whole and in every chunk size, stripping the BOM`, () => {
      for (let size = 1; size <= input.length; size++) {
        expect(decodeIn(createDecoder(enc), input, size)).toBe(expected);
      }
    });
  }

  it('gb18030: decodes text encoded by iconv-lite as GBK and as GB18030', () => {
    const text = '订单号,商品名称,实付金额,收货地址\n2026070100001,"保湿面霜, 50ml",￥129.00,浙江省杭州市西湖区\n';
    for (const target of ['gbk', 'gb18030']) {
      const input = iconv.encode(text, target);
      for (const size of [1, 2, 3, 5, 1024]) expect(decodeIn(createDecoder('gb18030'), input, size)).toBe(text);
    }
  });

  it('gb18030: the fast (ICU) decoder and the iconv-lite fallback agree on GBK text', () => {
    // Every character of GB2312's hanzi rows (B0A1–F7FE) plus some symbols.
    const parts: number[] = [];
    for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) parts.push(hi, lo, 0x2c);
    const input = Uint8Array.from(parts);
    const a = decodeIn(createDecoder('gb18030'), input, 4093);
    const b = decodeIn(createIconvDecoder('gb18030'), input, 4093);
    expect(a).toBe(b);
    expect(a.startsWith('啊,阿,埃,')).toBe(true);
  });

  it('strips a BOM only at the start', () => {
    const input = new TextEncoder().encode('\uFEFFa\uFEFFb');
    expect(decodeIn(createDecoder('utf8-bom'), input, 1)).toBe('a\uFEFFb');
    expect(decodeIn(createDecoder('gb18030'), iconv.encode('\uFEFFa', 'gb18030'), 1)).toBe('a');
  });

  it('replaces malformed bytes and a character cut off at the end with U+FFFD', () => {
    expect(decodeIn(createDecoder('utf8'), bytes(0x61, 0xff, 0x62, 0xe4, 0xb8), 1)).toBe('a\uFFFDb\uFFFD');
  });
});
