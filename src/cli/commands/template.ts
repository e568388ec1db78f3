// `ecom-report template list` and `ecom-report template init NAME [--from default]`: the
// templates a workspace can use, and a copy of one in `<workspace>/templates/NAME/` to edit.
// init never overwrites: an existing folder of that name is an error.
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { nearest } from '../../config/suggest.js';
import { ExitCode, UserError } from '../../errors.js';
import { DEFAULT_CONFIG_NAME } from '../../config/load.js';
import { PACKAGED_TEMPLATES, listTemplates, shownPath, type TemplateListing } from '../../template/load.js';
import type { CommandContext } from '../context.js';

export interface TemplateListOptions {
  config?: string;
  json?: boolean;
}

export interface TemplateInitOptions {
  config?: string;
  from?: string;
}

/**
 * The workspace folder, found as build finds it: `--config FILE`, or `--config DIR` meaning its
 * ecom-report.yaml, else ecom-report.yaml in the working folder. With `required: false` (list)
 * a working folder without a config still lists the packaged templates.
 */
async function workspaceDir(config: string | undefined, ctx: CommandContext, required: boolean): Promise<string | undefined> {
  let file = path.resolve(ctx.cwd, config ?? DEFAULT_CONFIG_NAME);
  if (config !== undefined && (await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, DEFAULT_CONFIG_NAME);
  if ((await stat(file).catch(() => null))?.isFile()) return path.dirname(file);
  if (config === undefined && !required) return undefined;
  throw new UserError(`no workspace config at ${shownPath(file, ctx.cwd)}`, {
    exitCode: ExitCode.usage,
    hint: config !== undefined ? 'check the --config path (a workspace folder or its ecom-report.yaml)' : 'run `ecom-report init` to create a workspace, or pass --config FILE',
  });
}

export async function templateListCommand(options: TemplateListOptions, ctx: CommandContext): Promise<number> {
  const dir = await workspaceDir(options.config, ctx, false);
  const templates = dir ? await listTemplates(dir) : (await listTemplates(PACKAGED_TEMPLATES)).filter((t) => t.packaged);
  if (options.json) {
    ctx.stdout.write(JSON.stringify(templates.map((t) => ({ ...t, folder: shownPath(t.folder, ctx.cwd) })), null, 2) + '\n');
    return ExitCode.ok;
  }
  for (const t of templates) {
    const where = t.packaged ? 'packaged' : shownPath(t.folder, ctx.cwd);
    ctx.stdout.write(`${t.name.padEnd(16)} ${where.padEnd(28)} ${t.files.join(', ')}\n`);
  }
  if (!dir) {
    ctx.stderr.write('ecom-report: no ecom-report.yaml here, so only the packaged templates are listed; pass --config to list a workspace\'s\n');
  } else if (!templates.some((t) => !t.packaged)) {
    ctx.stderr.write('ecom-report: no templates in this workspace yet; make one with: ecom-report template init NAME\n');
  }
  return ExitCode.ok;
}

export async function templateInitCommand(name: string, options: TemplateInitOptions, ctx: CommandContext): Promise<number> {
  if (!/^[\w-]+$/.test(name)) {
    throw new UserError(`template name '${name}' may hold only letters, digits, - and _`, {
      exitCode: ExitCode.usage,
      hint: 'e.g. ecom-report template init brand',
    });
  }
  const dir = (await workspaceDir(options.config, ctx, true))!;
  const templates = await listTemplates(dir);
  const packagedNames = templates.filter((t) => t.packaged).map((t) => t.name);
  if (packagedNames.includes(name)) {
    throw new UserError(`'${name}' is the name of a packaged template; a workspace template of that name could not be chosen`, {
      exitCode: ExitCode.usage,
      hint: `pick a name of your own, e.g. ecom-report template init brand${name === 'default' ? '' : ` --from ${name}`}`,
    });
  }
  const fromName = options.from ?? 'default';
  const source = findSource(templates, fromName);
  const target = path.join(dir, 'templates', name);
  if (await exists(target)) {
    throw new UserError(`${shownPath(target, ctx.cwd)} already exists; nothing was copied`, {
      exitCode: ExitCode.usage,
      hint: 'pick another name, or edit the files already there',
    });
  }
  const copied = await copyTree(source.folder, target);
  const shown = shownPath(target, ctx.cwd);
  ctx.stderr.write(`ecom-report: copied ${copied} file(s) from template '${source.name}' to ${shown}\n`);
  const rel = path.relative(dir, target).split(path.sep).join('/');
  ctx.stderr.write(`ecom-report: to use it, set "template: ${rel}" in ecom-report.yaml or pass --template ${shown}\n`);
  return ExitCode.ok;
}

function findSource(templates: readonly TemplateListing[], from: string): TemplateListing {
  const hit = templates.find((t) => t.name === from) ?? templates.find((t) => path.resolve(t.folder) === path.resolve(from));
  if (hit) return hit;
  const guess = nearest(from, templates.map((t) => t.name));
  throw new UserError(`--from: no template '${from}'${guess ? ` (did you mean '${guess}'?)` : ''}`, {
    exitCode: ExitCode.usage,
    hint: `templates: ${templates.map((t) => t.name).join(', ')} (ecom-report template list)`,
  });
}

async function copyTree(from: string, to: string): Promise<number> {
  await mkdir(to, { recursive: true });
  let n = 0;
  for (const entry of (await readdir(from, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) n += await copyTree(src, dst);
    else if (entry.isFile()) {
      await copyFile(src, dst);
      n++;
    }
  }
  return n;
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
