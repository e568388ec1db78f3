// Reads and validates the workspace config file. Paths inside it stay relative to the file;
// `resolveSourceFiles` turns the globs into concrete, sorted file lists.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, UserError } from '../errors.js';
import { TABLE_FIELDS } from '../ingest/fields.js';
import { formatPath, issueLines } from './issues.js';
import { globFiles, hasMagic } from './glob.js';
import { nearest } from './suggest.js';
import { linesOfPaths, parseYamlText } from './yaml-text.js';
import { workspaceSchema, type WorkspaceConfig } from './schema.js';
import { readTextFile } from './text-file.js';

export const DEFAULT_CONFIG_NAME = 'ecom-report.yaml';

export interface LoadedWorkspace {
  config: WorkspaceConfig;
  /** Absolute path of the config file. */
  configPath: string;
  /** Folder the config's relative paths are taken from. */
  baseDir: string;
}

/** Problems of the workspace config listed one by one; the rest are counted. */
const MAX_CONFIG_LINES = 50;

export async function loadWorkspace(configPath: string | undefined, cwd: string): Promise<LoadedWorkspace> {
  let file = path.resolve(cwd, configPath ?? DEFAULT_CONFIG_NAME);
  // `--config myshop` names the workspace folder: take the config inside it.
  if (configPath !== undefined && (await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, DEFAULT_CONFIG_NAME);
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UserError(`no workspace config at ${path.relative(cwd, file) || file}`, {
        exitCode: ExitCode.usage,
        hint: configPath
          ? 'check the --config path'
          : 'run `ecom-report init` to create a workspace, or pass --config FILE',
      });
    }
    throw new UserError(`cannot read ${file}: ${(err as Error).message}`, { exitCode: ExitCode.usage });
  }
  const display = path.relative(cwd, file) || file;
  const raw = parseYamlText(text, display);
  const parsed = workspaceSchema.safeParse(raw ?? {});
  const lineOfPath = linesOfPaths(text);
  if (!parsed.success) {
    // Every issue at once, each at its line, so one run shows all there is to fix — up to a
    // screenful: past that the same mistake is usually repeated down a long list.
    const issues = issueLines(workspaceSchema, parsed.error.issues, raw);
    const lines = issues.slice(0, MAX_CONFIG_LINES).map((l) => {
      const line = lineOfPath(l.path);
      return `${display}${line ? `:${line}` : ''}: ${l.text}`;
    });
    if (issues.length > MAX_CONFIG_LINES) lines.push(`${display}: … and ${issues.length - MAX_CONFIG_LINES} more problems like these`);
    throw new UserError(lines.join('\n'), {
      exitCode: ExitCode.usage,
      hint: 'docs/workspace.md lists every key of the workspace config',
    });
  }
  const sourceLines = sourceProblems(parsed.data).map((p) => {
    const line = lineOfPath(p.path);
    return `${display}${line ? `:${line}` : ''}: ${formatPath(p.path)}: ${p.text}`;
  });
  if (sourceLines.length > 0) {
    throw new UserError(sourceLines.join('\n'), {
      exitCode: ExitCode.usage,
      hint: 'docs/workspace.md lists each table\'s columns and how rates: convert a source\'s currency',
    });
  }
  return { config: parsed.data, configPath: file, baseDir: path.dirname(file) };
}

/**
 * What the schema cannot see in a source: a `columns:` key that is no column of its table, a
 * currency with no rate. Checked here, against the config's own lines, rather than once per
 * export file as if the data were at fault.
 */
function sourceProblems(config: WorkspaceConfig): Array<{ path: PropertyKey[]; text: string }> {
  const out: Array<{ path: PropertyKey[]; text: string }> = [];
  config.sources.forEach((source, i) => {
    const fieldNames = Object.keys(TABLE_FIELDS[source.table]);
    for (const key of Object.keys(source.columns)) {
      if (fieldNames.includes(key)) continue;
      const guess = nearest(key, fieldNames);
      out.push({ path: ['sources', i, 'columns', key], text: `'${key}' is not a column of ${source.table}${guess ? ` (did you mean '${guess}'?)` : ''}` });
    }
    if (source.currency !== undefined && source.currency !== config.currency && config.rates[source.currency] === undefined) {
      out.push({
        path: ['sources', i, 'currency'],
        text: `no rate for ${source.currency}: add rates: { ${source.currency}: <${config.currency} per ${source.currency}> }`,
      });
    }
  });
  return out;
}

export interface ExpandedGlobs {
  /** Sorted absolute paths. */
  files: string[];
  /** Patterns without a wildcard that name no file (a typo in one of several names is an error). */
  missingFiles: string[];
  /** Of those, the names that exist as something else: a folder, or a pipe, socket or device. */
  notFiles: Map<string, 'folder' | 'other'>;
  /** Patterns with a wildcard that matched nothing. */
  emptyGlobs: string[];
}

/** Excel's owner file while a workbook is open (`~$Orders.xlsx`); hidden files are left out by globFiles. */
const isExcelLock = (file: string) => path.basename(file).startsWith('~$');

/**
 * Expands a source's globs (relative to the config folder). A name that exists as a file is
 * taken as it is even when it holds glob characters (`订单[2025].csv`); a wildcard does not pick
 * up lock files or hidden files, which sit beside exports but are none.
 */
export async function expandGlobs(patterns: readonly string[], baseDir: string): Promise<ExpandedGlobs> {
  const found = new Set<string>();
  const missingFiles: string[] = [];
  const notFiles = new Map<string, 'folder' | 'other'>();
  const emptyGlobs: string[] = [];
  for (const pattern of patterns) {
    const absolute = path.resolve(baseDir, pattern);
    const entry = await stat(absolute).catch(() => null);
    if (entry?.isFile()) {
      found.add(absolute);
      continue;
    }
    if (!pattern.split(/[\\/]/).some(hasMagic)) {
      missingFiles.push(pattern);
      if (entry) notFiles.set(pattern, entry.isDirectory() ? 'folder' : 'other');
      continue;
    }
    const matched = (await globFiles(pattern, baseDir)).filter((f) => !isExcelLock(f));
    if (matched.length === 0) emptyGlobs.push(pattern);
    for (const file of matched) found.add(file);
  }
  return { files: [...found].sort(), missingFiles, notFiles, emptyGlobs };
}

