// `ecom-report send DECK --to …`: e-mails a deck that was built before (and its PDF with --pdf).
// The message's figures and charts are computed again from the workspace, for the quarter in
// the deck's file name unless --quarter says otherwise.
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { deliverReport, prepareDelivery, type DeliveryLog, type Tone } from '../../deliver/deliver-report.js';
import { loadEmailWords } from '../../deliver/email-words.js';
import { ExitCode, UserError, formatUserError } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { loadAndCompute, loadWorkspaceTemplate, openWorkspace } from '../pipeline.js';
import { printProblems } from '../report-problems.js';
import { deckModel, jsonResult } from './build.js';

export interface SendOptions {
  to: string[];
  quarter?: string;
  config?: string;
  template?: string;
  locale?: 'zh-CN' | 'en';
  pdf?: boolean;
  allowPartial?: boolean;
  json?: boolean;
}

const COLOURS: Record<Tone, string | null> = { info: null, ok: '32', warn: '33', fail: '31' };

/**
 * Delivery lines on stderr, coloured only on a terminal and never when NO_COLOR is set
 * (https://no-color.org: any non-empty value) or TERM is dumb.
 */
export function deliveryLog(ctx: CommandContext): DeliveryLog {
  const noColor = (ctx.env['NO_COLOR'] ?? '') !== '' || ctx.env['TERM'] === 'dumb';
  const colour = ctx.interactive && !noColor;
  return (text, tone) => {
    const code = COLOURS[tone];
    const line = `ecom-report: ${text}`;
    ctx.stderr.write(colour && code ? `\x1b[${code}m${line}\x1b[0m\n` : `${line}\n`);
  };
}

/** A path as messages show it: relative to the working folder when inside it. */
export function shownPath(ctx: CommandContext): (file: string) => string {
  return (file) => {
    const relative = path.relative(ctx.cwd, file);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
}

/** A .pptx is a zip package: its first bytes are PK\x03\x04. */
async function isZipPackage(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    await handle.close();
  }
}

/** `ecom-report-2026Q3.pptx` → `2026Q3`; also 2026-Q3 and 2026_q3. */
export function quarterFromFileName(file: string): string | undefined {
  const m = /(\d{4})[-_ ]?Q([1-4])/i.exec(path.basename(file));
  return m ? `${m[1]}Q${m[2]}` : undefined;
}

export async function sendCommand(deckArg: string, options: SendOptions, ctx: CommandContext): Promise<number> {
  const started = ctx.now();
  const deckPath = path.resolve(ctx.cwd, deckArg);
  try {
    if (!(await stat(deckPath)).isFile()) throw new Error('not a file');
  } catch {
    throw new UserError(`no deck at ${deckArg}`, {
      exitCode: ExitCode.usage,
      hint: 'build it first with `ecom-report build --quarter 2026Q3`, or check the path',
    });
  }
  // A slip of tab completion must not mail the config or an export full of customer ids.
  if (path.extname(deckPath).toLowerCase() !== '.pptx' || !(await isZipPackage(deckPath))) {
    throw new UserError(`${deckArg} is not a deck: send e-mails a .pptx built by ecom-report build`, {
      exitCode: ExitCode.usage,
      hint: 'give the .pptx path, e.g. out/ecom-report-2026Q3.pptx',
    });
  }
  const quarter = options.quarter ?? quarterFromFileName(deckPath);
  if (quarter === undefined) {
    throw new UserError(`cannot tell which quarter ${deckArg} covers`, {
      exitCode: ExitCode.usage,
      hint: 'pass --quarter 2026Q3 (the e-mail shows that quarter\'s figures)',
    });
  }
  const plan = await prepareDelivery({ pdf: options.pdf, to: options.to, toFlag: '--to' }, ctx.env);
  // The template (and its e-mail words) before the exports: a typo in it fails in a second.
  const workspace = await openWorkspace({ config: options.config, quarter }, ctx);
  const template = await loadWorkspaceTemplate(workspace, options, ctx);
  const computed = await loadAndCompute({ config: options.config, quarter }, ctx, workspace, template);
  const { ingest, metrics } = computed;
  const readMs = ctx.now() - started;
  printProblems(ingest, ctx);
  if (ingest.problems.hasErrors && !options.allowPartial) {
    ctx.stderr.write(
      `ecom-report: ${ingest.problems.errorCount} input problem(s); nothing sent, since the e-mail's figures would not match the deck's. ` +
        'Fix them, or pass --allow-partial to send figures from the rows that could be read.\n',
    );
    if (options.json) ctx.stdout.write(JSON.stringify(jsonResult(null, null, ingest, ctx.now() - started), null, 2) + '\n');
    return ExitCode.input;
  }
  const { deck, locale } = await deckModel(options, computed, ctx, template);
  const words = await loadEmailWords(template.layers, locale, template.strings);
  const delivery = await deliverReport({ plan, deckPath, deck, theme: template.theme, words, env: ctx.env, now: ctx.now, log: deliveryLog(ctx), show: shownPath(ctx) });
  if (delivery.failure) ctx.stderr.write(`ecom-report: ${formatUserError(delivery.failure)}\n`);
  if (options.json) {
    const timings = { read: readMs, ...delivery.timingsMs };
    ctx.stdout.write(
      JSON.stringify(jsonResult(deckPath, deck.slides.length, ingest, ctx.now() - started, metrics, delivery, timings), null, 2) + '\n',
    );
  }
  return delivery.failure ? delivery.failure.exitCode : ExitCode.ok;
}
