// Makes the package pptxgenjs writes consistent and reproducible:
//  - drops [Content_Types].xml overrides for parts that do not exist (pptxgenjs 4.0.1 lists
//    slideMaster2/3.xml it never writes — its issue #1444 — and PowerPoint then offers to
//    "repair" the file);
//  - pins docProps dates and zip entry dates to a fixed instant (it stamps the clock);
//  - renumbers charts from 1 (pptxgenjs numbers them with a counter shared by every deck made
//    in the same process, so a second build would name its parts chart4.xml, chart5.xml …);
//  - adds the East Asian font slot next to every Latin one (it writes only `<a:latin>`, so
//    Chinese text would fall back to whatever font the viewer picks; its issues #1288, #1420).
import JSZip from 'jszip';

export interface FinishOptions {
  fixedDate: Date;
  eastAsianFont: string;
  lang: string;
  /** Rewrites chart part `chartN.xml` (N after renumbering, from 1) before the font and language pass. */
  transformChart?: (n: number, xml: string) => string;
}

export async function finishPackage(raw: Buffer | Uint8Array, options: FinishOptions): Promise<Buffer> {
  const zip = await JSZip.loadAsync(raw);
  const originalNames = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const renumber = chartRenumbering(originalNames);
  const names = originalNames.map(renumber);
  const present = new Set(names.map((n) => `/${n}`));
  const out = new Map<string, string | Uint8Array>();

  for (const [i, original] of originalNames.entries()) {
    const name = names[i]!;
    const file = zip.files[original]!;
    if (/\.xlsx$/.test(name)) {
      // Chart data workbooks are zips of their own, stamped with the clock as well.
      out.set(name, await repackFixed(await file.async('uint8array'), options.fixedDate));
      continue;
    }
    if (!/\.(xml|rels)$/.test(name)) {
      out.set(name, await file.async('uint8array'));
      continue;
    }
    let xml = renumber(await file.async('string'));
    if (name === '[Content_Types].xml') xml = dropMissingOverrides(xml, present);
    else if (name === 'docProps/core.xml') xml = pinCoreDates(xml, options.fixedDate);
    else if (/^ppt\/(slides|charts|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name)) {
      const chart = /^ppt\/charts\/chart(\d+)\.xml$/.exec(name);
      if (chart) {
        xml = dropEmptyPoints(xml);
        if (options.transformChart) xml = options.transformChart(Number(chart[1]), xml);
      }
      xml = setRunLanguage(addEastAsianFont(xml, options.eastAsianFont), options.lang);
    } else if (/^ppt\/theme\/theme\d+\.xml$/.test(name)) {
      xml = xml.replace(/<a:ea typeface="[^"]*"\s*\/>/g, `<a:ea typeface="${escapeAttr(options.eastAsianFont)}"/>`);
    }
    out.set(name, xml);
  }

  const fixed = new JSZip();
  // [Content_Types].xml first, then the rest in a stable order.
  const ordered = [...out.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of ordered) {
    fixed.file(name, out.get(name)!, { date: options.fixedDate, createFolders: false });
  }
  return fixed.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

/**
 * A function that rewrites chart part names (`chartN.xml`, `Microsoft_Excel_WorksheetN.xlsx`)
 * so the charts of this deck are numbered 1, 2, 3 … in their original order.
 */
export function chartRenumbering(names: readonly string[]): (text: string) => string {
  const ids = names
    .map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const map = new Map(ids.map((id, i) => [String(id), String(i + 1)]));
  return (text) =>
    text.replace(/(charts\/(?:_rels\/)?chart|Microsoft_Excel_Worksheet)(\d+)(\.x)/g, (all, head: string, id: string, tail: string) => {
      const to = map.get(id);
      return to === undefined ? all : `${head}${to}${tail}`;
    });
}

/** Re-zips a nested package with every entry dated `date` and its core dates pinned. */
async function repackFixed(bytes: Uint8Array, date: Date): Promise<Buffer> {
  const inner = await JSZip.loadAsync(bytes);
  const fixed = new JSZip();
  const names = Object.keys(inner.files).filter((n) => !inner.files[n]!.dir);
  for (const name of names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))) {
    const file = inner.files[name]!;
    const data = name === 'docProps/core.xml' ? pinCoreDates(await file.async('string'), date) : await file.async('uint8array');
    fixed.file(name, data, { date, createFolders: false });
  }
  return fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name === '_rels/.rels') return 1;
  return 2;
}

export function dropMissingOverrides(xml: string, present: ReadonlySet<string>): string {
  return xml.replace(/<Override\b[^>]*\/>/g, (tag) => {
    const part = /PartName="([^"]+)"/.exec(tag)?.[1];
    return part && !present.has(part) ? '' : tag;
  });
}

export function pinCoreDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
}

/**
 * Puts the East Asian face in every run's `<a:ea>` slot: adds one after each `<a:latin>` that
 * lacks it (schema order: latin, ea, cs, sym), and replaces the Latin face that pptxgenjs
 * copies into the slot in tables.
 */
export function addEastAsianFont(xml: string, font: string): string {
  const ea = `<a:ea typeface="${escapeAttr(font)}"`;
  return xml
    .replace(/<a:ea typeface="[^"]*"/g, ea)
    .replace(/(<a:latin\b[^>]*\/>)(?!\s*<a:ea\b)/g, `$1${ea}/>`);
}

/**
 * Marks runs with the deck's language: replaces the en-US pptxgenjs writes on tables and some
 * runs, and adds the attribute to runs that have none (chart titles and axis titles).
 */
export function setRunLanguage(xml: string, lang: string): string {
  const tag = lang === 'en' ? 'en-US' : lang;
  return xml
    .replace(/(<a:(?:rPr|endParaRPr|defRPr)\b[^>]*?\blang=")[^"]*"/g, `$1${tag}"`)
    .replace(/<a:rPr\b(?![^>]*\blang=)/g, `<a:rPr lang="${tag}"`);
}

/**
 * A missing value is an absent point, not an empty one: pptxgenjs writes `<c:v></c:v>` for a
 * null, which PowerPoint reads as 0 in some places; leaving the point out keeps the gap.
 */
export function dropEmptyPoints(xml: string): string {
  return xml.replace(/<c:pt idx="\d+">\s*<c:v><\/c:v>\s*<\/c:pt>/g, '');
}

function escapeAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
