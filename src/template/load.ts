// Finds and reads a template: the packaged default, with a user's template folder layered on
// top file by file (a user template may hold only the files it changes; locale files merge
// key by key, so overriding one sentence is one line).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describeIssues } from '../config/issues.js';
import { ExitCode, UserError } from '../errors.js';
import { themeSchema, type LocaleTree, type Theme } from './schema.js';

export const PACKAGED_TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export interface LoadedTemplate {
  name: string;
  /** Folders searched, later wins. */
  layers: string[];
  theme: Theme;
  strings: LocaleTree;
  locale: string;
}

/** `default` (or another packaged name) or a folder path relative to `baseDir`. */
export async function resolveTemplateLayers(nameOrPath: string, baseDir: string): Promise<string[]> {
  const packagedDefault = path.join(PACKAGED_TEMPLATES, 'default');
  const packaged = path.join(PACKAGED_TEMPLATES, nameOrPath);
  if (/^[\w-]+$/.test(nameOrPath) && (await isDir(packaged))) {
    return packaged === packagedDefault ? [packagedDefault] : [packagedDefault, packaged];
  }
  const folder = path.resolve(baseDir, nameOrPath);
  if (!(await isDir(folder))) {
    throw new UserError(`template '${nameOrPath}' not found`, {
      exitCode: ExitCode.usage,
      hint: `use a packaged template name (default) or a folder path; looked in ${folder}`,
    });
  }
  return [packagedDefault, folder];
}

export async function loadTemplate(nameOrPath: string, baseDir: string, locale: string): Promise<LoadedTemplate> {
  const layers = await resolveTemplateLayers(nameOrPath, baseDir);
  let themeRaw: unknown;
  let themeFile = '';
  let strings: LocaleTree = {};
  let foundLocale = false;
  for (const layer of layers) {
    const themePath = path.join(layer, 'theme.yaml');
    const theme = await readYaml(themePath);
    if (theme !== undefined) {
      themeRaw = mergeTrees(themeRaw as LocaleTree | undefined, theme as LocaleTree);
      themeFile = themePath;
    }
    const localePath = path.join(layer, 'locales', `${locale}.yaml`);
    const tree = await readYaml(localePath);
    if (tree !== undefined) {
      strings = mergeTrees(strings, tree as LocaleTree);
      foundLocale = true;
    }
  }
  if (!foundLocale) {
    throw new UserError(`the template has no strings for locale '${locale}'`, {
      exitCode: ExitCode.usage,
      hint: 'use --locale zh-CN or --locale en, or add locales/<lang>.yaml to the template',
    });
  }
  const parsed = themeSchema.safeParse(themeRaw);
  if (!parsed.success) {
    const lines = describeIssues(themeSchema, parsed.error.issues);
    throw new UserError(lines.map((l) => `${themeFile}: ${l}`).join('\n'), { exitCode: ExitCode.usage });
  }
  return { name: nameOrPath, layers, theme: parsed.data, strings, locale };
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parse(text.replace(/^\uFEFF/, '')) ?? {};
  } catch (err) {
    throw new UserError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, {
      exitCode: ExitCode.usage,
      location: { file },
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
