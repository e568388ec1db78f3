// The e-mail's words: both languages have the same keys, and a template overrides any of them
// from its own locale file.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadEmailWords } from '../../src/deliver/email-words.js';
import { loadTemplate } from '../../src/template/load.js';

const root = path.resolve(__dirname, '../..');

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

describe('e-mail words', () => {
  it('zh-CN and en have the same keys', () => {
    const read = (lang: string) => parse(readFileSync(path.join(root, 'templates/default/email', `${lang}.yaml`), 'utf8'));
    expect(keys(read('en'))).toEqual(keys(read('zh-CN')));
    expect(keys(read('en'))).toContain('email.intro');
  });

  it('a template overrides one sentence in its locale file; the rest comes from the package', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-email-words-'));
    mkdirSync(path.join(dir, 'locales'));
    writeFileSync(path.join(dir, 'locales', 'en.yaml'), 'email:\n  intro: "Hello team, here is {quarter}."\n');
    const template = await loadTemplate(dir, dir, 'en');
    const words = await loadEmailWords(template.layers, 'en', template.strings);
    expect(words.t('email.intro', { quarter: 'Q3 2026', company: 'X' })).toBe('Hello team, here is Q3 2026.');
    expect(words.t('email.kpiHeading')).toBe('Headline figures');
    // The deck's own words stay reachable: the KPI columns are named with them.
    expect(words.t('comparisons.qoq')).toBe('QoQ');
  });
});
