// The package fixer: pptxgenjs's raw output lists parts it never writes; ours must not.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { PptxGenJS } from '../../src/render/pptxgen.js';
import { addEastAsianFont, finishPackage, pinCoreDates, setRunLanguage } from '../../src/render/package.js';
import { packageProblems } from '../helpers/pptx.js';

async function rawDeck(): Promise<Buffer> {
  const pptx = new PptxGenJS();
  // pptxgenjs 4.0.1 writes one slideMaster override per slide, but only slideMaster1.xml.
  for (let i = 0; i < 3; i++) pptx.addSlide().addText('季度工作汇报', { x: 1, y: 1, w: 5, h: 1, fontFace: 'Arial' });
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

describe('finishPackage', () => {
  it('raw pptxgenjs output has overrides for missing slide masters (the bug being fixed)', async () => {
    const problems = await packageProblems(await JSZip.loadAsync(await rawDeck()));
    expect(problems).toContain('override for missing part /ppt/slideMasters/slideMaster2.xml');
  });

  it('removes every dangling override, pins dates and is reproducible', async () => {
    const date = new Date('2026-09-30T00:00:00Z');
    const a = await finishPackage(await rawDeck(), { fixedDate: date, eastAsianFont: 'Microsoft YaHei', lang: 'zh-CN' });
    const zip = await JSZip.loadAsync(a);
    expect(await packageProblems(zip)).toEqual([]);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('>2026-09-30T00:00:00Z</dcterms:created>');
    expect(core).toContain('>2026-09-30T00:00:00Z</dcterms:modified>');
    for (const f of Object.values(zip.files)) expect(f.date.toISOString()).toBe('2026-09-30T00:00:00.000Z');
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide).toContain('<a:latin typeface="Arial"');
    expect(slide).toContain('<a:ea typeface="Microsoft YaHei"');
    expect(slide).not.toMatch(/<a:ea typeface="Arial"/);
    expect(slide).toContain('lang="zh-CN"');
    // A second raw deck (generated later, with other clock stamps) finishes to the same bytes.
    const b = await finishPackage(await rawDeck(), { fixedDate: date, eastAsianFont: 'Microsoft YaHei', lang: 'zh-CN' });
    expect(b.equals(a)).toBe(true);
  });
});

describe('XML touch-ups', () => {
  it('adds the East Asian slot after a Latin one and replaces a copied Latin face', () => {
    expect(addEastAsianFont('<a:rPr><a:latin typeface="Arial"/></a:rPr>', '微软雅黑')).toBe(
      '<a:rPr><a:latin typeface="Arial"/><a:ea typeface="微软雅黑"/></a:rPr>',
    );
    expect(addEastAsianFont('<a:latin typeface="Arial"/><a:ea typeface="Arial" charset="0"/>', 'Noto Sans CJK SC')).toBe(
      '<a:latin typeface="Arial"/><a:ea typeface="Noto Sans CJK SC" charset="0"/>',
    );
  });
  it('marks runs with the deck language', () => {
    expect(setRunLanguage('<a:rPr lang="en-US" sz="1200"/><a:endParaRPr lang="en-US"/>', 'zh-CN')).toBe(
      '<a:rPr lang="zh-CN" sz="1200"/><a:endParaRPr lang="zh-CN"/>',
    );
  });
  it('pins both core dates', () => {
    const xml = '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T10:11:12Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T10:11:12Z</dcterms:modified>';
    expect(pinCoreDates(xml, new Date('2026-09-30T00:00:00Z'))).toBe(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-09-30T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-09-30T00:00:00Z</dcterms:modified>',
    );
  });
});
