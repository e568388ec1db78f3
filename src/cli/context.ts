// What a command needs from the outside world, passed in so tests can run commands in a temp
// folder with captured output and a fixed clock.
export interface Output {
  write(text: string): void;
}

export interface CommandContext {
  cwd: string;
  stdout: Output;
  stderr: Output;
  /** Whether stderr is a terminal: progress is shown only then. */
  interactive: boolean;
  /** The clock, read only here at the edge. */
  now: () => number;
  env: Record<string, string | undefined>;
}

export function processContext(): CommandContext {
  return {
    cwd: process.cwd(),
    stdout: { write: (t) => void process.stdout.write(t) },
    stderr: { write: (t) => void process.stderr.write(t) },
    interactive: Boolean(process.stderr.isTTY),
    now: () => Date.now(),
    env: process.env,
  };
}
