// `ecom-report validate`: read every input, list every problem, summarise every file.
import { ExitCode } from '../../errors.js';
import type { CommandContext } from '../context.js';
import { loadAndCompute } from '../pipeline.js';
import { printFileSummary, printProblems } from '../report-problems.js';

export interface ValidateOptions {
  quarter?: string;
  config?: string;
  json?: boolean;
}

export async function validateCommand(options: ValidateOptions, ctx: CommandContext): Promise<number> {
  const { ingest, workspace } = await loadAndCompute(options, ctx);
  printProblems(ingest, ctx);
  printFileSummary(ingest, ctx, workspace.config.timezone);
  const errors = ingest.problems.errorCount;
  ctx.stderr.write(errors > 0 ? `ecom-report: ${errors} error(s) in the inputs\n` : 'ecom-report: inputs OK\n');
  if (options.json) {
    ctx.stdout.write(JSON.stringify({ ok: errors === 0, files: ingest.files, problems: ingest.problems.list() }, null, 2) + '\n');
  }
  return errors > 0 ? ExitCode.input : ExitCode.ok;
}
