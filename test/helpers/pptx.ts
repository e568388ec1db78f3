// Reading a generated .pptx by meaning: slides in order, their text, notes and charts.
import path from 'node:path/posix';
import JSZip from 'jszip';

export interface ChartInfo {
  part: string;
  kind: string;
  series: { name: string; values: (number | null)[]; categories: string[] }[];
  axisTitle: string;
}

export interface SlideInfo {
  part: string;
  texts: string[];
  notes: string;
  charts: ChartInfo[];
}

export async function openDeck(bytes: Uint8Array): Promise<{ zip: JSZip; slides: SlideInfo[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const slideParts = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => num(a) - num(b));
  const slides: SlideInfo[] = [];
  for (const part of slideParts) {
    const xml = await zip.file(part)!.async('string');
    const rels = await relsOf(zip, part);
    const charts: ChartInfo[] = [];
    let notes = '';
    for (const target of rels) {
      if (/charts\/chart\d+\.xml$/.test(target)) charts.push(await readChart(zip, target));
      if (/notesSlides\/notesSlide\d+\.xml$/.test(target)) {
        notes = paragraphs(await zip.file(target)!.async('string')).join('\n');
      }
    }
    slides.push({ part, texts: paragraphs(xml), notes, charts });
  }
  return { zip, slides };
}

function num(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)![1]);
}

export async function relsOf(zip: JSZip, part: string): Promise<string[]> {
  const relsPath = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
  const file = zip.file(relsPath);
  if (!file) return [];
  const xml = await file.async('string');
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)]
    .filter((m) => !/TargetMode="External"/.test(m[0]))
    .map((m) => {
      const target = /Target="([^"]+)"/.exec(m[0])![1]!;
      return target.startsWith('/') ? target.slice(1) : path.normalize(path.join(path.dirname(part), target));
    });
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Text of each paragraph (<a:p>), runs joined. */
export function paragraphs(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
    const text = [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join('');
    if (text.trim()) out.push(text);
  }
  return out;
}

async function readChart(zip: JSZip, part: string): Promise<ChartInfo> {
  const xml = await zip.file(part)!.async('string');
  const kind = /<c:(barChart|lineChart|doughnutChart|pieChart|areaChart)>/.exec(xml)?.[1] ?? 'unknown';
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const ser = m[1]!;
    const name = decode(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? '');
    const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(ser)?.[1] ?? '';
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(ser)?.[1] ?? '';
    return { name, categories: points(cat).map((p) => p ?? ''), values: points(val).map((p) => (p === null || p === '' ? null : Number(p))) };
  });
  const axisTitle = paragraphs(/<c:valAx>([\s\S]*?)<\/c:valAx>/.exec(xml)?.[1] ?? '').join(' ');
  return { part, kind, series, axisTitle };
}

function points(xml: string): (string | null)[] {
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(xml)?.[1] ?? 0);
  const out: (string | null)[] = Array.from({ length: count }, () => null);
  for (const m of xml.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)) out[Number(m[1])] = decode(m[2]!);
  return out;
}

/** Problems that make PowerPoint offer to repair a file: overrides and relationships to nothing. */
export async function packageProblems(zip: JSZip): Promise<string[]> {
  const problems: string[] = [];
  const parts = new Set(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  for (const m of types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)) {
    if (!parts.has(m[1]!.replace(/^\//, ''))) problems.push(`override for missing part ${m[1]}`);
  }
  for (const relsPart of [...parts].filter((p) => p.endsWith('.rels'))) {
    const source = relsPart.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const xml = await zip.file(relsPart)!.async('string');
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])![1]!;
      const resolved = target.startsWith('/') ? target.slice(1) : path.normalize(path.join(path.dirname(source), target));
      if (!parts.has(resolved)) problems.push(`${relsPart}: relationship to missing ${resolved}`);
    }
  }
  // Every part except relationships and the types file needs a content type.
  const defaults = new Set([...types.matchAll(/<Default\b[^>]*Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()));
  const overrides = new Set([...types.matchAll(/<Override\b[^>]*PartName="([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, '')));
  for (const p of parts) {
    if (p === '[Content_Types].xml') continue;
    const ext = p.split('.').pop()!.toLowerCase();
    if (!overrides.has(p) && !defaults.has(ext)) problems.push(`no content type for ${p}`);
  }
  return problems;
}
