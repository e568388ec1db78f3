import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandGlobs } from '../../src/config/load.js';

/** A folder holding `files` (paths relative to it), named `name` inside a fresh temp folder. */
function tree(files: string[], name = 'ws'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'glob-')), name);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), 'x');
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function found(patterns: string[], dir: string) {
  const r = await expandGlobs(patterns, dir);
  return { files: r.files.map((f) => relative(dir, f)), missing: r.missingFiles, empty: r.emptyGlobs };
}

describe('source globs', () => {
  const files = ['data/a.csv', 'data/b.csv', 'data/b.xlsx', 'data/old/c.csv', 'data/old/deep/d.csv', 'data/.hidden.csv', 'data/~$e.csv', 'top.csv', 'x1.csv', 'x2.csv', 'xa.csv'];

  it('* stays inside its folder; ** reaches every folder below', async () => {
    const dir = tree(files);
    expect((await found(['data/*.csv'], dir)).files).toEqual(['data/a.csv', 'data/b.csv']);
    expect((await found(['data/**/*.csv'], dir)).files).toEqual(['data/a.csv', 'data/b.csv', 'data/old/c.csv', 'data/old/deep/d.csv']);
    expect((await found(['data/**'], dir)).files).toEqual(['data/a.csv', 'data/b.csv', 'data/b.xlsx', 'data/old/c.csv', 'data/old/deep/d.csv']);
    expect((await found(['*/old/*.csv'], dir)).files).toEqual(['data/old/c.csv']);
    expect((await found(['data/b.*'], dir)).files).toEqual(['data/b.csv', 'data/b.xlsx']);
  });

  it('? is one character and [..] a class (ranges and ! for not)', async () => {
    const dir = tree(files);
    expect((await found(['x?.csv'], dir)).files).toEqual(['x1.csv', 'x2.csv', 'xa.csv']);
    expect((await found(['x[0-9].csv'], dir)).files).toEqual(['x1.csv', 'x2.csv']);
    expect((await found(['x[!0-9].csv'], dir)).files).toEqual(['xa.csv']);
    expect((await found(['x[2a].csv'], dir)).files).toEqual(['x2.csv', 'xa.csv']);
  });

  it('a workspace folder whose name holds [ ] is taken as it is written', async () => {
    const dir = tree(['data/2026-q3.csv'], 'ws[1]');
    expect((await found(['data/*.csv'], dir)).files).toEqual(['data/2026-q3.csv']);
    const other = tree(['data/2026-q3.csv'], 'ws[x');
    expect((await found(['data/*.csv'], other)).files).toEqual(['data/2026-q3.csv']);
  });

  it('a lone [ is a character, not an error: the name is simply not there', async () => {
    const dir = tree(files);
    expect(await found(['data/['], dir)).toEqual({ files: [], missing: ['data/['], empty: [] });
    expect((await found(['data/[*.csv'], dir)).empty).toEqual(['data/[*.csv']);
  });

  it('many stars in one name match at once (no long backtracking)', async () => {
    const dir = tree(['data/' + 'a'.repeat(60) + '.csv']);
    const started = Date.now();
    expect((await found(['data/' + '*a'.repeat(30) + '*x.csv'], dir)).files).toEqual([]);
    expect((await found(['data/' + '*'.repeat(40) + 'a.csv'], dir)).files).toEqual(['data/' + 'a'.repeat(60) + '.csv']);
    // A backtracking matcher takes minutes here; this one well under a second.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('hidden files and Excel lock files are not picked up; a link to a file is', async () => {
    const dir = tree(files);
    symlinkSync(join(dir, 'top.csv'), join(dir, 'data', 'linked.csv'));
    expect((await found(['data/*.csv'], dir)).files).toEqual(['data/a.csv', 'data/b.csv', 'data/linked.csv']);
  });

  it('an absolute pattern and one reaching above the workspace', async () => {
    const dir = tree(files);
    expect((await found([join(dir, 'data', '*.csv')], dir)).files).toEqual(['data/a.csv', 'data/b.csv']);
    expect((await found(['../x[12].csv'], join(dir, 'data'))).files.map((f) => f.replace(/^\.\.\//, ''))).toEqual(['x1.csv', 'x2.csv']);
  });
});
