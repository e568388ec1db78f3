// `ecom-report validate`: read every input, list every problem, summarise every file.
import { ExitCode } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { NO_ORDER_LINES, loadAndCompute, loadWorkspaceTemplate, openWorkspace } from '../pipeline.js';
import { printFileSummary, printProblems } from '../report-problems.js';

export interface ValidateOptions {
  quarter?: string;
  config?: string;
  json?: boolean;
}

export async function validateCommand(options: ValidateOptions, ctx: CommandContext): Promise<number> {
  // What build would refuse, validate reports: the template first (a usage error, as there),
  // then the inputs, including a workspace whose exports hold no order line at all.
  const opened = await openWorkspace(options, ctx);
  const template = await loadWorkspaceTemplate(opened, {}, ctx);
  const { ingest, workspace, metrics } = await loadAndCompute(options, ctx, opened, template);
  if (metrics.provenance.orderLines === 0) ingest.problems.error(NO_ORDER_LINES.message, {}, NO_ORDER_LINES.hint);
  printProblems(ingest, ctx);
  printFileSummary(ingest, ctx, workspace.config.timezone);
  const errors = ingest.problems.errorCount;
  ctx.stderr.write(errors > 0 ? `ecom-report: ${errors} error(s) in the inputs\n` : 'ecom-report: inputs OK\n');
  if (options.json) {
    ctx.stdout.write(JSON.stringify({ ok: errors === 0, files: ingest.files, problems: ingest.problems.list() }, null, 2) + '\n');
  }
  return errors > 0 ? ExitCode.input : ExitCode.ok;
}
