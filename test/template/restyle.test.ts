// The three worked examples of docs/restyle.md, taken from the page itself (so the page and the
// code cannot drift apart) and built on the demo workspace: new palette and logo, a dropped
// slide, and an added slide charting an existing figure — in both languages.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeTrees } from '../../src/template/load.js';
import type { LocaleTree } from '../../src/template/schema.js';
import { openDeck, type SlideInfo } from '../helpers/pptx.js';
import { runCli } from '../helpers/run-cli.js';

const root = path.resolve(__dirname, '../..');

/** `templates/brand/<file>` → the yaml blocks the page gives for it, merged in order. */
function examples(): Map<string, LocaleTree> {
  const md = readFileSync(path.join(root, 'docs/restyle.md'), 'utf8');
  const out = new Map<string, LocaleTree>();
  for (const m of md.matchAll(/`templates\/brand\/([^`]+)`[^\n]*\n+```yaml\n([\s\S]*?)```/g)) {
    out.set(m[1]!, mergeTrees(out.get(m[1]!), parse(m[2]!) as LocaleTree));
  }
  return out;
}

function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(h * (1 + 3 * w)))), chunk('IEND', Buffer.alloc(0))]);
}

describe('docs/restyle.md worked examples', () => {
  const files = examples();
  let ws: string;
  const decks: Record<string, { slides: SlideInfo[]; xml: string[]; media: string[] }> = {};

  beforeAll(async () => {
    ws = mkdtempSync(path.join(tmpdir(), 'restyle-'));
    cpSync(path.join(root, 'fixtures/demo'), ws, { recursive: true });
    const brand = path.join(ws, 'templates', 'brand');
    for (const [file, tree] of files) {
      mkdirSync(path.dirname(path.join(brand, file)), { recursive: true });
      writeFileSync(path.join(brand, file), stringify(tree));
    }
    writeFileSync(path.join(brand, 'logo.png'), png(300, 100));
    for (const locale of ['zh-CN', 'en']) {
      const r = await runCli(['build', '--quarter', '2026Q3', '--config', 'ecom-report.yaml', '--template', 'templates/brand', '--locale', locale, '--out', `${locale}.pptx`], { cwd: ws });
      expect(r.stderr).toContain(`wrote ${locale}.pptx`);
      const { zip, slides } = await openDeck(readFileSync(path.join(ws, `${locale}.pptx`)));
      const xml = await Promise.all(slides.map((s) => zip.file(s.part)!.async('string')));
      decks[locale] = { slides, xml, media: Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/')) };
    }
  }, 180_000);

  it('the page gives a theme, a deck and both locale files for the brand template', () => {
    expect([...files.keys()].sort()).toEqual(['deck.yaml', 'locales/en.yaml', 'locales/zh-CN.yaml', 'theme.yaml']);
  });

  it('example 1: the new primary and accent colours and the logo are on the slides', () => {
    const { xml, media } = decks['zh-CN']!;
    const theme = files.get('theme.yaml') as { colors: { primary: string; accent: string } };
    expect(xml[0]).toContain(`<a:srgbClr val="${theme.colors.primary}"/>`); // cover background
    expect(xml.slice(3).some((x) => x.includes(`<a:srgbClr val="${theme.colors.accent}"/>`))).toBe(true);
    expect(xml.join('')).not.toContain('<a:srgbClr val="2A9D8F"/>'); // the default accent is gone
    expect(media.length).toBeGreaterThan(0);
    // On the cover and on every content slide.
    const withPicture = xml.filter((x) => x.includes('<p:pic>')).length;
    expect(withPicture).toBeGreaterThan(30);
  });

  it('example 2: the dropped slide is gone, its neighbours stay', () => {
    const titles = decks['zh-CN']!.slides.map((s) => s.texts[0]);
    expect(titles).not.toContain('类目结构：各类目 GMV 占比');
    expect(titles).toContain('平台结构：各平台 GMV');
  });

  it('example 3: the new doughnut slide follows the platform slide, titled in each language', () => {
    for (const [locale, before, title] of [
      ['zh-CN', '平台结构：各平台 GMV', '平台结构：GMV 占比'],
      ['en', 'Platform mix: GMV by platform', 'Platform mix: share of GMV'],
    ] as const) {
      const slides = decks[locale]!.slides;
      const at = slides.findIndex((s) => s.texts[0] === before);
      expect(at, locale).toBeGreaterThan(0);
      const added = slides[at + 1]!;
      expect(added.texts[0]).toBe(title);
      expect(added.charts.map((c) => c.kind)).toEqual(['doughnutChart']);
      expect(added.notes.length).toBeGreaterThan(0);
    }
  });
});
