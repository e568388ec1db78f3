// Finds and reads a template: the packaged default, with a user's template folder layered on
// top file by file (a user template may hold only the files it changes; locale files and
// theme.yaml merge key by key, deck.yaml merges as described in deck.ts).
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describeIssues } from '../config/issues.js';
import { ExitCode, UserError } from '../errors.js';
import { nearest } from '../config/suggest.js';
import { mergeDeckLayers, type DeckLayer, type ResolvedDeck } from './deck.js';
import { checkLocaleTree } from './locale-check.js';
import { themeSchema, type LocaleTree, type Theme } from './schema.js';
import { readTextFile } from '../config/text-file.js';

export const PACKAGED_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export interface TemplateLogo {
  /** `image/png;base64,…` as pptxgenjs takes it. */
  data: string;
  /** Pixel size, for keeping the aspect ratio. */
  width: number;
  height: number;
}

export interface LoadedTemplate {
  name: string;
  /** Folders searched, later wins. */
  layers: string[];
  theme: Theme;
  strings: LocaleTree;
  locale: string;
  deck: ResolvedDeck;
  logo?: TemplateLogo;
}

/**
 * `default` (or another packaged name), the name of a folder in `<baseDir>/templates/` (as
 * `template list` shows it), or a folder path relative to `baseDir`. Packaged names come first.
 */
export async function resolveTemplateLayers(nameOrPath: string, baseDir: string): Promise<string[]> {
  const packagedDefault = path.join(PACKAGED_TEMPLATES, 'default');
  const bareName = /^[\w-]+$/.test(nameOrPath);
  if (bareName) {
    const packaged = path.join(PACKAGED_TEMPLATES, nameOrPath);
    if (await isDir(packaged)) return packaged === packagedDefault ? [packagedDefault] : [packagedDefault, packaged];
    const own = path.join(baseDir, 'templates', nameOrPath);
    if (await isDir(own)) return [packagedDefault, await templateFolder(own, nameOrPath)];
  }
  const folder = path.resolve(baseDir, nameOrPath);
  if (!(await isDir(folder))) {
    const all = await listTemplates(baseDir);
    const packagedNames = all.filter((t) => t.packaged).map((t) => t.name);
    const ownNames = all.filter((t) => !t.packaged).map((t) => t.name);
    const guess = nearest(nameOrPath, [...packagedNames, ...ownNames]);
    const looked = bareName ? `${path.join(baseDir, 'templates', nameOrPath)} and ${folder}` : folder;
    throw new UserError(`template '${nameOrPath}' not found${guess ? ` (did you mean '${guess}'?)` : ''}`, {
      exitCode: ExitCode.usage,
      hint:
        `use a packaged template (${packagedNames.join(', ')})` +
        (ownNames.length > 0 ? `, one in ${path.join(baseDir, 'templates')} (${ownNames.join(', ')})` : '') +
        ` or a folder path; looked in ${looked}. Create one with: ecom-report template init NAME`,
    });
  }
  return [packagedDefault, await templateFolder(folder, nameOrPath)];
}

/** What a template folder holds at least one of. */
const TEMPLATE_PARTS = ['deck.yaml', 'theme.yaml', 'locales', 'email'];

/**
 * `folder`, when it looks like a template: a folder with none of its parts (the data folder,
 * the workspace itself, an empty name) is a mistyped name, not the default's look unchanged.
 */
async function templateFolder(folder: string, nameOrPath: string): Promise<string> {
  const held = await readdir(folder).catch(() => [] as string[]);
  if (TEMPLATE_PARTS.some((part) => held.includes(part))) return folder;
  throw new UserError(`template '${nameOrPath}' is the folder ${folder}, which holds none of ${TEMPLATE_PARTS.join(', ')}`, {
    exitCode: ExitCode.usage,
    hint: 'name a template folder (ecom-report template list shows them), or create one with: ecom-report template init NAME',
  });
}

/** `cwd` is only for showing file names in messages relative to where the command runs. */
export async function loadTemplate(nameOrPath: string, baseDir: string, locale: string, cwd = process.cwd()): Promise<LoadedTemplate> {
  const displayPath = (file: string) => shownPath(file, cwd);
  const layers = await resolveTemplateLayers(nameOrPath, baseDir);
  let themeRaw: unknown;
  let themeFile = '';
  let logoFrom = '';
  let strings: LocaleTree = {};
  let foundLocale = false;
  const deckLayers: DeckLayer[] = [];
  for (const layer of layers) {
    const themePath = path.join(layer, 'theme.yaml');
    const theme = await readYaml(themePath, displayPath);
    if (theme !== undefined) {
      themeRaw = mergeTrees(themeRaw as LocaleTree | undefined, theme as LocaleTree);
      themeFile = themePath;
      // A logo path is relative to the theme.yaml that names it.
      if (typeof theme === 'object' && theme !== null && 'logo' in theme) logoFrom = layer;
    }
    const localePath = path.join(layer, 'locales', `${locale}.yaml`);
    const tree = await readYaml(localePath, displayPath);
    if (tree !== undefined) {
      strings = mergeTrees(strings, tree as LocaleTree);
      foundLocale = true;
    }
    const deckPath = path.join(layer, 'deck.yaml');
    const deck = await readYaml(deckPath, displayPath);
    if (deck !== undefined) deckLayers.push({ file: displayPath(deckPath), raw: deck });
  }
  if (!foundLocale) {
    throw new UserError(`the template has no strings for locale '${locale}'`, {
      exitCode: ExitCode.usage,
      hint: 'use --locale zh-CN or --locale en, or add locales/<lang>.yaml to the template',
    });
  }
  const parsed = themeSchema.safeParse(themeRaw);
  if (!parsed.success) {
    const lines = describeIssues(themeSchema, parsed.error.issues, themeRaw);
    throw new UserError(lines.map((l) => `${displayPath(themeFile)}: ${l}`).join('\n'), {
      exitCode: ExitCode.usage,
      hint: 'see docs/restyle.md for the theme.yaml keys',
    });
  }
  const deck = mergeDeckLayers(deckLayers);
  const wordProblems = await checkTemplateWords(layers, deck, displayPath);
  if (wordProblems.length > 0) {
    throw new UserError(wordProblems.join('\n'), {
      exitCode: ExitCode.usage,
      hint: `templates/default/locales/<lang>.yaml and templates/default/email/<lang>.yaml hold every key and the placeholders each string takes (docs/restyle.md)`,
    });
  }
  const theme = parsed.data;
  const logo = theme.logo ? await readLogo(path.resolve(logoFrom, theme.logo), displayPath(themeFile)) : undefined;
  return { name: nameOrPath, layers, theme, strings, locale, deck, logo };
}

/** The keys deck.yaml names as slide and chart titles: the template's own words may add them. */
function deckTitleKeys(deck: ResolvedDeck): Set<string> {
  const keys = new Set<string>();
  const chartTitle = (c: unknown) => {
    if (typeof c === 'object' && c !== null && typeof (c as { title?: unknown }).title === 'string') keys.add((c as { title: string }).title);
  };
  for (const section of deck.sections) {
    for (const slide of section.slides) {
      if (slide.title) keys.add(slide.title);
      chartTitle(slide.chart);
      slide.charts?.forEach(chartTitle);
      slide.add?.forEach((c) => Object.values(c).forEach(chartTitle));
    }
  }
  return keys;
}

/**
 * Every word file of the template layers above the packaged default (locales/<lang>.yaml,
 * email/<lang>.yaml, in every language the layer has) against the default's words: unknown
 * keys, a string or a map where the other belongs, and placeholders the string does not take.
 */
async function checkTemplateWords(layers: readonly string[], deck: ResolvedDeck, show: (file: string) => string): Promise<string[]> {
  const base = path.join(PACKAGED_TEMPLATES, 'default');
  const defaults = { locales: new Map<string, LocaleTree>(), email: new Map<string, LocaleTree>() };
  for (const kind of ['locales', 'email'] as const) {
    for (const lang of await yamlNames(path.join(base, kind))) {
      const tree = await readYaml(path.join(base, kind, `${lang}.yaml`));
      if (isTree(tree)) defaults[kind].set(lang, tree);
    }
  }
  /** The same language first, then the others (they only widen what is allowed). */
  const inOrder = (m: Map<string, LocaleTree>, lang: string) => [...(m.has(lang) ? [m.get(lang)!] : []), ...[...m].filter(([l]) => l !== lang).map(([, t]) => t)];
  // A locale file may carry an `email:` section over the e-mail's words.
  const words = new Map<string, LocaleTree>();
  for (const lang of new Set([...defaults.locales.keys(), ...defaults.email.keys()])) {
    words.set(lang, mergeTrees(defaults.locales.get(lang) ?? {}, defaults.email.get(lang) ?? {}));
  }
  const ownKeys = deckTitleKeys(deck);
  const problems: string[] = [];
  for (const layer of layers) {
    if (path.resolve(layer) === path.resolve(base)) continue;
    for (const kind of ['locales', 'email'] as const) {
      for (const lang of await yamlNames(path.join(layer, kind))) {
        const file = path.join(layer, kind, `${lang}.yaml`);
        const tree = await readYaml(file, show);
        const against = inOrder(kind === 'email' ? defaults.email : words, lang);
        problems.push(...checkLocaleTree(tree, against, show(file), { ownKeys }));
      }
    }
  }
  return problems;
}

async function yamlNames(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((f) => f.endsWith('.yaml')).sort().map((f) => f.slice(0, -'.yaml'.length));
  } catch {
    return [];
  }
}

/** Shows a file relative to the working folder when it is inside it. */
export function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

async function readLogo(file: string, themeFile: string): Promise<TemplateLogo> {
  // themeFile is already shown relative to the working folder.
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UserError(`logo: cannot read ${file}`, {
      exitCode: ExitCode.usage,
      location: { file: themeFile, path: 'logo' },
      hint: 'the logo path is relative to the theme.yaml that names it; use a PNG or JPEG',
    });
  }
  const size = imageSize(bytes);
  if (!size) {
    throw new UserError(`logo: ${file} is not a PNG or JPEG image`, {
      exitCode: ExitCode.usage,
      location: { file: themeFile, path: 'logo' },
      hint: 'save the logo as .png (preferably with a transparent background) or .jpg',
    });
  }
  return { data: `${size.mime};base64,${bytes.toString('base64')}`, width: size.width, height: size.height };
}

/** Pixel size and type of a PNG or JPEG from its header. */
export function imageSize(bytes: Uint8Array): { mime: string; width: number; height: number } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47) {
    return { mime: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const len = b.readUInt16BE(i + 2);
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { mime: 'image/jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      }
      i += 2 + len;
    }
  }
  return undefined;
}

export interface TemplateListing {
  name: string;
  /** Where it lives. */
  folder: string;
  packaged: boolean;
  /** The files it holds (theme.yaml, deck.yaml, locales/…). */
  files: string[];
}

/** The packaged templates, then the ones in `<workspace>/templates/`. */
export async function listTemplates(workspaceDir: string): Promise<TemplateListing[]> {
  const out: TemplateListing[] = [];
  for (const [root, packaged] of [
    [PACKAGED_TEMPLATES, true],
    [path.join(workspaceDir, 'templates'), false],
  ] as const) {
    if (!packaged && path.resolve(root) === path.resolve(PACKAGED_TEMPLATES)) continue;
    let names: string[];
    try {
      names = (await readdir(root)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const folder = path.join(root, name);
      if (!(await isDir(folder))) continue;
      const files = await templateFiles(folder);
      if (files.length > 0) out.push({ name, folder, packaged, files });
    }
  }
  return out;
}

/** The template files in a folder, relative to it. */
export async function templateFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const f of ['theme.yaml', 'deck.yaml']) if (await isFile(path.join(folder, f))) files.push(f);
  try {
    for (const f of (await readdir(path.join(folder, 'locales'))).sort()) if (f.endsWith('.yaml')) files.push(`locales/${f}`);
  } catch {
    // no locales folder: the template changes only the look or the slides
  }
  return files;
}

async function readYaml(file: string, show: (file: string) => string = (f) => f): Promise<unknown> {
  let text: string;
  try {
    text = await readTextFile(file);
  } catch {
    return undefined;
  }
  try {
    return parse(text.replace(/^\uFEFF/, '')) ?? {};
  } catch (err) {
    throw new UserError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, {
      exitCode: ExitCode.usage,
      location: { file: show(file) },
    });
  }
}

/** Deep merge of plain objects; arrays and scalars from `over` replace those in `base`. */
export function mergeTrees(base: LocaleTree | undefined, over: LocaleTree): LocaleTree {
  const out: LocaleTree = { ...(base ?? {}) };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    if (isTree(prev) && isTree(value)) out[key] = mergeTrees(prev, value);
    else out[key] = value;
  }
  return out;
}

function isTree(v: unknown): v is LocaleTree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
