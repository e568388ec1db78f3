import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../../src/ingest/record-batch.js';

/** A batch whose source holds `texts` one after another, and where each lies. */
function batchOf(texts: string[]): { batch: RecordBatch; at: [number, number][] } {
  const bytes = Buffer.from(texts.join(''), 'utf8');
  const at: [number, number][] = [];
  let p = 0;
  for (const t of texts) {
    const n = Buffer.byteLength(t, 'utf8');
    at.push([p, p + n]);
    p += n;
  }
  const batch = new RecordBatch();
  batch.setSource(bytes.toString('latin1'), 0, bytes);
  return { batch, at };
}

describe('the text cache of a file', () => {
  it('gives each text back as written, past the first table size (30,000 distinct SKUs, read three times)', () => {
    const texts = Array.from({ length: 30_000 }, (_, i) => `货号-${String(i).padStart(5, '0')}`);
    const { batch, at } = batchOf(texts);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < texts.length; i++) {
        const [s, e] = at[i]!;
        expect(batch.sharedText(s, e)).toBe(texts[i]);
      }
    }
    expect(batch.invalidTexts).toBe(0);
    // Each text once: a repeat found after the table grew would otherwise be cached again.
    expect(batch.cachedTexts).toBe(30_000);
  });

  it('stops taking new texts at its cap (a column of free text), still giving each back', () => {
    const texts = Array.from({ length: 120_000 }, (_, i) => `备注${i}`);
    const { batch, at } = batchOf(texts);
    for (let i = 0; i < texts.length; i++) expect(batch.sharedText(...at[i]!)).toBe(texts[i]);
    expect(batch.cachedTexts).toBe(98_304); // 3/4 of 2^17 slots
    expect(batch.sharedText(...at[119_999]!)).toBe(texts[119_999]);
    expect(batch.sharedText(...at[0]!)).toBe(texts[0]);
  });

  it('keeps counting a cached text that is not UTF-8 each time it is read, after the table grows', () => {
    const texts = Array.from({ length: 10_000 }, (_, i) => `品类${i}`);
    const good = Buffer.from(texts.join(''), 'utf8');
    const bad = Buffer.from([0xe5, 0x93]); // a cut-off three-byte character
    const bytes = Buffer.concat([bad, good]);
    const batch = new RecordBatch();
    batch.setSource(bytes.toString('latin1'), 0, bytes);
    batch.sharedText(0, 2);
    expect(batch.invalidTexts).toBe(1);
    let p = 2;
    for (const t of texts) {
      const n = Buffer.byteLength(t, 'utf8');
      expect(batch.sharedText(p, p + n)).toBe(t);
      p += n;
    }
    batch.sharedText(0, 2);
    expect(batch.invalidTexts).toBe(2);
  });
});
