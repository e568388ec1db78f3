// A template's words are checked against the packaged default's when the template is loaded:
// unknown keys (with the nearest one), a string where a map belongs and the other way round,
// and placeholders the default's string of that key does not take — in locales/<lang>.yaml,
// in its `email:` section and in email/<lang>.yaml. Also: a deck.yaml override that hides a
// misspelt slide id is reported.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserError } from '../../src/errors.js';
import { loadTemplate } from '../../src/template/load.js';
import { checkLocaleTree } from '../../src/template/locale-check.js';
import { mergeDeckLayers, validateDeck } from '../../src/template/deck.js';
import { runCli } from '../helpers/run-cli.js';
import { failure } from '../helpers/user-error.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-locale-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** Loads a workspace template `templates/x` holding these files; the message lines. */
async function problemsOf(files: Record<string, string>, locale = 'zh-CN'): Promise<{ lines: string[]; err: UserError }> {
  const ws = folder(Object.fromEntries(Object.entries(files).map(([rel, text]) => [`templates/x/${rel}`, text])));
  const err = await failure(loadTemplate('templates/x', ws, locale, ws));
  return { lines: err.message.split('\n'), err };
}

describe('template locale files are checked at load', () => {
  it('names a misspelt placeholder with the nearest one the string takes', async () => {
    const { lines, err } = await problemsOf({ 'locales/zh-CN.yaml': 'core:\n  slides:\n    weekly:\n      headline: "最好 {weak}，GMV {gmv}"\n' });
    expect(err.exitCode).toBe(2);
    expect(lines).toEqual([
      'templates/x/locales/zh-CN.yaml: core.slides.weekly.headline: unknown placeholder {weak} (did you mean {week}?); this string can use {week}, {gmv}',
    ]);
    expect(err.hint).toContain('templates/default/locales/<lang>.yaml');
  });

  it('names an unknown key with the nearest key of that map', async () => {
    const { lines } = await problemsOf({ 'locales/zh-CN.yaml': 'core:\n  slides:\n    weekly:\n      titel: 周度\n' });
    expect(lines).toEqual(["templates/x/locales/zh-CN.yaml: core.slides.weekly.titel: unknown key (did you mean 'title'?)"]);
  });

  it('a number where a string belongs and a string where a map belongs are refused', async () => {
    const { lines } = await problemsOf({ 'locales/zh-CN.yaml': 'deck:\n  title: 42\ncore: { slides: "oops" }\n' });
    expect(lines[0]).toBe('templates/x/locales/zh-CN.yaml: deck.title: expected a string, not the number 42 (quote it: "42")');
    expect(lines[1]).toMatch(/^templates\/x\/locales\/zh-CN\.yaml: core\.slides: expected a map of keys \(.+\), not a string$/);
    expect(lines).toHaveLength(2);
  });

  it('checks every language file of the template, not only the one being built', async () => {
    const { lines } = await problemsOf({ 'locales/en.yaml': 'deck:\n  date: "{monthName} {day}, {yaer}"\n' }, 'zh-CN');
    expect(lines).toEqual(['templates/x/locales/en.yaml: deck.date: unknown placeholder {yaer} (did you mean {year}?); this string can use {monthName}, {day}, {year}, {month}']);
  });

  it('accepts a valid override, the words of an added slide and a new platform name', async () => {
    const ws = folder({
      'templates/x/locales/zh-CN.yaml':
        'core:\n  slides:\n    weekly:\n      headline: "{week} 最好，GMV {gmv}"\nbrand:\n  share: { title: 平台结构 }\nplatforms:\n  kuaishou: 快手\nemail:\n  intro: "{company} 的 {quarter} 汇报"\n',
      'templates/x/deck.yaml':
        'slides:\n  brand.share:\n    after: overview.byPlatform\n    kind: chart\n    title: brand.share.title\n    chart: { type: doughnut, figure: overview.byPlatform }\n',
    });
    const t = await loadTemplate('templates/x', ws, 'zh-CN', ws);
    expect((t.strings['brand'] as Record<string, Record<string, string>>)['share']!['title']).toBe('平台结构');
  });

  it('words no slide names, under a key the default does not have, are an unknown key', async () => {
    const { lines } = await problemsOf({ 'locales/zh-CN.yaml': 'corr:\n  slides: {}\n' });
    expect(lines).toEqual(["templates/x/locales/zh-CN.yaml: corr: unknown key (did you mean 'core'?)"]);
  });

  it('a list stays a list of strings', () => {
    const base = { months: { names: ['Jan', 'Feb'] } };
    expect(checkLocaleTree({ months: { names: 'Jan' } }, base, 'f.yaml')).toEqual(['f.yaml: months.names: expected a list of 2 strings, not a string']);
    expect(checkLocaleTree({ months: { names: ['Jan', 'Feb'] } }, base, 'f.yaml')).toEqual([]);
  });
});

describe('template e-mail words are checked at load', () => {
  it('an `email:` section in a locale file: misspelt placeholder and misspelt key', async () => {
    const { lines } = await problemsOf({ 'locales/en.yaml': 'email:\n  intro: "The {quater} report"\n  kpiHeadin: Figures\n' });
    expect(lines).toEqual([
      'templates/x/locales/en.yaml: email.intro: unknown placeholder {quater} (did you mean {quarter}?); this string can use {quarter}, {company}',
      "templates/x/locales/en.yaml: email.kpiHeadin: unknown key (did you mean 'kpiHeading'?)",
    ]);
  });

  it('a template email/<lang>.yaml file is checked against the default e-mail words', async () => {
    const { lines } = await problemsOf({ 'email/zh-CN.yaml': 'email:\n  footer: "{compny}"\n' });
    expect(lines).toEqual(['templates/x/email/zh-CN.yaml: email.footer: unknown placeholder {compny} (this string takes no placeholders)']);
  });
});

describe('a broken template stops build before any export is read', () => {
  it('exits 2 naming the file and the key, not 70 with a stack trace', async () => {
    const ws = folder({
      'ecom-report.yaml': 'company: X\ntemplate: templates/x\nsources:\n  - platform: tmall\n    preset: tmall-orders\n    files: ["data/*.csv"]\n',
      'templates/x/locales/zh-CN.yaml': 'core:\n  slides:\n    weekly:\n      headline: "最好 {weak}，GMV {gmv}"\n',
    });
    for (const argv of [['build', '--quarter', '2026Q3'], ['validate', '--quarter', '2026Q3']]) {
      const r = await runCli(argv, { cwd: ws });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('templates/x/locales/zh-CN.yaml: core.slides.weekly.headline: unknown placeholder {weak}');
      expect(r.stderr).not.toContain('data/*.csv');
    }
  });
});

describe('deck.yaml: hiding a slide by id', () => {
  const names = { sectionIds: ['overview'], slideIds: ['overview.kpis', 'overview.byCategory', 'overview.buyerMix'] };
  const base = { file: 'default/deck.yaml', raw: { sections: [{ id: 'overview', slides: ['overview.kpis', 'overview.buyerMix'] }] } };

  it('a misspelt id is reported with the nearest slide id', () => {
    const deck = mergeDeckLayers([base, { file: 'templates/x/deck.yaml', raw: { slides: { 'overview.byCategori': { show: false } } } }]);
    expect(validateDeck(deck, names)).toEqual(["templates/x/deck.yaml: slides.overview.byCategori: unknown slide 'overview.byCategori' — did you mean 'overview.byCategory'?"]);
  });

  it('a real slide id the sections do not list is quietly skipped', () => {
    const deck = mergeDeckLayers([base, { file: 'templates/x/deck.yaml', raw: { slides: { 'overview.byCategory': { show: false } } } }]);
    expect(validateDeck(deck, names)).toEqual([]);
    expect(deck.sections[0]!.slides.map((s) => s.id)).toEqual(['overview.kpis', 'overview.buyerMix']);
  });
});
