// Text encodings of CSV exports: detection from a byte sample, and streaming decoders that
// survive multi-byte characters split across read chunks.
//
// Exports come as UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text", with a BOM, and
// now and then without one when a tool re-saves it) and GBK/GB18030 (Chinese platforms'
// defaults). GB18030 is a superset of GBK, so GBK files are decoded as GB18030.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'gb18030';

/**
 * Detect the encoding of a file from its first bytes.
 *
 * A byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); then UTF-16 without one, told by its
 * zero bytes (the high byte of every ASCII character — digits, delimiters, line breaks — is 0,
 * in the odd positions for little-endian, the even ones for big-endian; text in UTF-8 or GBK
 * holds no zero bytes at all); otherwise a sample that is valid UTF-8 is `utf8` (plain ASCII
 * included) and anything else is taken as GB18030/GBK.
 * The sample may end in the middle of a character: a truncated UTF-8 sequence at its very
 * end does not make it invalid. Pass a sample that holds the whole file when the file is
 * small, so that a truncated last character of the file itself is judged too
 * (`complete = true`).
 */
export function detectEncoding(sample: Uint8Array, complete = false): CsvEncoding {
  const n = sample.length;
  if (n >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8-bom';
  if (n >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (n >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== undefined) return utf16;
  const end = complete ? n : completeUtf8Length(sample);
  return looksUtf8(sample.subarray(0, end)) ? 'utf8' : 'gb18030';
}

/**
 * Valid UTF-8, or nearly: a UTF-8 file with a few rows pasted in from a GBK one is still UTF-8.
 * Read as GB18030 every Chinese cell of it would be garbled, while read as UTF-8 only those rows
 * show � (and are warned about). GBK text itself seldom forms valid UTF-8 sequences.
 */
export function looksUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes) || nearlyUtf8(countUtf8Sequences(bytes));
}

/** `looksUtf8` from the counts of `countUtf8Sequences` (summed over several pieces, say). */
export function nearlyUtf8({ valid, invalid }: { valid: number; invalid: number }): boolean {
  return valid >= MOSTLY_UTF8_MIN && valid >= MOSTLY_UTF8_RATIO * invalid;
}

/** Valid multi-byte UTF-8 characters a sample needs, and their lead over invalid bytes, to count as UTF-8 with a few stray bytes. */
const MOSTLY_UTF8_MIN = 32;
const MOSTLY_UTF8_RATIO = 20;

/** Well-formed multi-byte UTF-8 characters, and bytes that start no well-formed character. */
export function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  const { valid, invalid } = scanUtf8(bytes, false);
  return { valid, invalid };
}

/**
 * Where the text stops being UTF-8: the offset of the first byte that starts no well-formed
 * character (-1 when there is none), and how many multi-byte characters come before it.
 */
export function utf8Head(bytes: Uint8Array): { invalidAt: number; multibyte: number } {
  const { valid, firstInvalid } = scanUtf8(bytes, true);
  return { invalidAt: firstInvalid, multibyte: valid };
}

/** One walk over the bytes, counting multi-byte characters and bad bytes; `stop`: at the first bad one. */
function scanUtf8(bytes: Uint8Array, stop: boolean): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceAt(bytes, i);
    if (len > 0) {
      valid++;
      i += len;
      continue;
    }
    if (firstInvalid < 0) firstInvalid = i;
    invalid++;
    if (stop) break;
    i++;
  }
  return { valid, invalid, firstInvalid };
}

/**
 * Text that is more GBK than UTF-8: more bytes that start no UTF-8 character than well-formed
 * multi-byte characters. GBK's two-byte characters seldom form UTF-8 sequences (about one in
 * seven does), while UTF-8 text with a damaged byte or two has many more good ones than bad.
 */
export function mostlyNotUtf8(bytes: Uint8Array): boolean {
  const { valid, invalid } = countUtf8Sequences(bytes);
  return invalid > valid;
}

/** Length of the well-formed multi-byte UTF-8 character that starts at `i`, or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  if (len === 3 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! >= 0xa0))) return 0;
  if (len === 4 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! >= 0x90))) return 0;
  return len;
}

/** Bytes looked at for UTF-16 without a BOM. */
const UTF16_SAMPLE = 64 * 1024;

/**
 * UTF-16 without a BOM: zero bytes in at least a fifth of the code units' high-byte position
 * and almost never in the low-byte one. A CSV line has at least a delimiter or a line break in
 * ASCII, so even all-Chinese text passes the first test.
 */
function utf16WithoutBom(sample: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(sample.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  if (oddZeros >= units / 5 && evenZeros <= units / 50) return 'utf16le';
  if (evenZeros >= units / 5 && oddZeros <= units / 50) return 'utf16be';
  return undefined;
}

/**
 * Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence: a lead
 * byte in the last three bytes whose sequence runs past the end is cut off, with its
 * continuation bytes. Invalid bytes are left in place (the validator will reject them).
 */
export function completeUtf8Length(bytes: Uint8Array): number {
  return utf8Cut(bytes).whole;
}

/** That prefix's length (`whole`), and how many bytes the character cut off at the end still needs (`owed`). */
export function utf8Cut(bytes: Uint8Array): { whole: number; owed: number } {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? { whole: n - back, owed: need - back } : { whole: n, owed: 0 };
  }
  return { whole: n, owed: 0 };
}

/**
 * Streaming decoder: `write` returns the text of every complete character so far and holds
 * back the bytes of a character that the chunk cuts in two; `end` flushes what is left (an
 * incomplete character at the end of the input becomes U+FFFD). A leading BOM is removed.
 * Malformed bytes become U+FFFD; decoding never throws.
 */
export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function createDecoder(encoding: CsvEncoding): StreamDecoder {
  switch (encoding) {
    case 'utf8':
    case 'utf8-bom':
      return textDecoder('utf-8');
    case 'utf16le':
      return textDecoder('utf-16le');
    case 'utf16be':
      return textDecoder('utf-16be');
    case 'gb18030':
      // ICU's decoder (in Node's default full-ICU build) is ~3x faster than iconv-lite's
      // (~350 vs ~115 MB/s) and agrees with it on every valid GBK/GB18030 sequence except 18
      // two-byte codes (A6D9–A6F3 vertical forms, FE59–FEA0 CJK) that GB18030-2022 moved
      // from the Private Use Area to standard code points: ICU gives those, iconv-lite the
      // old PUA ones. Builds without full ICU fall back to iconv-lite.
      return HAS_ICU_GB18030 ? textDecoder('gb18030') : iconvDecoder('gb18030');
  }
}

const HAS_ICU_GB18030 = ((): boolean => {
  try {
    return new TextDecoder('gb18030').decode(new Uint8Array([0xd6, 0xd0])) === '中';
  } catch {
    return false;
  }
})();

/** @internal For tests: the iconv-lite GB18030 decoder, whichever createDecoder picks. */
export function createIconvDecoder(encoding: string): StreamDecoder {
  return iconvDecoder(encoding);
}

function textDecoder(label: string): StreamDecoder {
  // ignoreBOM keeps a BOM in the output (TextDecoder only strips it for UTF-8/16);
  // stripBom removes it so that every encoding behaves alike.
  const d = new TextDecoder(label, { ignoreBOM: true });
  return stripBom({
    write: (chunk) => d.decode(chunk, { stream: true }),
    end: () => d.decode(),
  });
}

function iconvDecoder(enc: string): StreamDecoder {
  // iconv-lite's decoder strips a leading BOM itself (stripBOM defaults to true).
  const d = iconv.getDecoder(enc);
  return {
    write: (chunk) => d.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
    end: () => d.end() ?? '',
  };
}

/** Drop one leading U+FEFF from the decoded text (which may come in later writes). */
function stripBom(inner: StreamDecoder): StreamDecoder {
  let atStart = true;
  const strip = (s: string): string => {
    if (!atStart || s.length === 0) return s;
    atStart = false;
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  return {
    write: (chunk) => strip(inner.write(chunk)),
    end: () => strip(inner.end()),
  };
}
