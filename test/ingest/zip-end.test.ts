import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardZipEnd, holdEndForQueuedEntries } from '../../src/ingest/zip-end.js';

// The same unzipper exceljs loads; its lib/parse module is the bare Parse, which the guard leaves alone.
const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
type Parse = (options: unknown) => Readable;
const unzipper = fromExceljs('unzipper') as { Parse: Parse };
const bareParse = fromExceljs('unzipper/lib/parse') as Parse;

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zip-end-'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Orders').addRow(['order_id', 'paid']);
  wb.addWorksheet('Returns').addRow(['order_id']);
  file = path.join(dir, 'w.xlsx');
  await wb.xlsx.writeFile(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the whole package into a parse stream nobody reads yet; resolves once it is written. */
async function parsedButUnread(parse: Readable): Promise<{ ends: number }> {
  const seen = { ends: 0 };
  parse.on('end', () => seen.ends++);
  createReadStream(file).pipe(parse as unknown as NodeJS.WritableStream);
  await new Promise((resolve) => parse.once('finish', resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return seen;
}

async function entryPaths(parse: Readable): Promise<string[]> {
  const paths: string[] = [];
  for await (const entry of parse) {
    paths.push((entry as { path: string }).path);
    (entry as { autodrain(): void }).autodrain();
  }
  return paths;
}

describe('zip end guard', () => {
  it('without it, the parse stream says end while entries are still queued (the race it closes)', async () => {
    const parse = bareParse({ forceStream: true });
    const seen = await parsedButUnread(parse);
    expect(seen.ends).toBe(1);
    expect(parse.readableLength).toBeGreaterThan(0);
  });

  it('holds the end until every entry, xl/workbook.xml last, has been read', async () => {
    const parse = holdEndForQueuedEntries(bareParse({ forceStream: true }));
    const seen = await parsedButUnread(parse);
    expect(seen.ends).toBe(0);
    const paths = await entryPaths(parse);
    expect(paths.at(-1)).toBe('xl/workbook.xml');
    expect(paths).toContain('xl/worksheets/sheet2.xml');
    expect(seen.ends).toBe(1);
  });

  it('lets a destroyed stream close with entries still queued (nothing will drain them)', async () => {
    const parse = holdEndForQueuedEntries(bareParse({ forceStream: true }));
    await parsedButUnread(parse);
    expect(parse.readableLength).toBeGreaterThan(0);
    const closed = new Promise((resolve) => parse.once('close', resolve));
    parse.destroy();
    await expect(closed).resolves.toBeUndefined();
  });

  it('is installed on the unzipper exceljs uses, once', async () => {
    guardZipEnd();
    guardZipEnd();
    const parse = unzipper.Parse({ forceStream: true });
    const seen = await parsedButUnread(parse);
    expect(seen.ends).toBe(0);
    expect((await entryPaths(parse)).at(-1)).toBe('xl/workbook.xml');
    expect(seen.ends).toBe(1);
  });
});
