// Runs the CLI in-process with captured output and a fixed clock.
import { run } from '../../src/cli/index.js';
import type { CommandContext } from '../../src/cli/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], opts: { cwd: string; now?: number; env?: Record<string, string> }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    cwd: opts.cwd,
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    interactive: false,
    now: () => opts.now ?? Date.UTC(2026, 10, 24, 12),
    env: opts.env ?? {},
  };
  const code = await run(argv, ctx);
  return { code, stdout, stderr };
}
