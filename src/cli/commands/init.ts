// `ecom-report init [DIR]`: writes a workspace with example data that builds as it is. It never
// overwrites: when any of its files already exists, nothing is written.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { exampleWorkspace } from '../../init/example-workspace.js';
import type { CommandContext } from '../context.js';

export interface InitOptions {
  dir?: string;
  locale?: 'zh-CN' | 'en';
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function initCommand(options: InitOptions, ctx: CommandContext): Promise<number> {
  const root = path.resolve(ctx.cwd, options.dir ?? '.');
  const relative = path.relative(ctx.cwd, root);
  const shownRoot = relative === '' ? '.' : relative.startsWith('..') ? root : relative;
  const workspace = exampleWorkspace(ctx.now(), options.locale ?? 'zh-CN');
  const targets = [...workspace.files.keys()].map((rel) => ({ rel, abs: path.join(root, ...rel.split('/')) }));

  const taken: string[] = [];
  for (const t of targets) if (await exists(t.abs)) taken.push(t.rel);
  if (taken.length > 0) {
    throw new UserError(`${shownRoot} already has ${taken.join(', ')}; nothing was written`, {
      exitCode: ExitCode.usage,
      hint: 'run init in a new or empty folder (ecom-report init DIR), or move those files away first',
    });
  }
  for (const t of targets) {
    try {
      await mkdir(path.dirname(t.abs), { recursive: true });
      // 'wx' fails instead of overwriting if the file appeared since the check above.
      await writeFile(t.abs, workspace.files.get(t.rel)!, { flag: 'wx' });
    } catch (err) {
      throw new UserError(`cannot write ${path.join(shownRoot, t.rel)}: ${(err as Error).message}`, {
        exitCode: ExitCode.delivery,
        hint: 'check that the folder is writable; files written before this one are complete and can be removed',
      });
    }
    ctx.stderr.write(`ecom-report: wrote ${path.join(shownRoot, t.rel)}\n`);
  }
  const cd = shownRoot === '.' ? '' : `cd ${shownRoot} && `;
  ctx.stderr.write(
    `ecom-report: workspace ready with example data for ${workspace.quarters[0]}–${workspace.quarter}. ` +
      `Next: ${cd}ecom-report build   (writes out/ecom-report-${workspace.quarter}.pptx)\n`,
  );
  return ExitCode.ok;
}
