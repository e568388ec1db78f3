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
    stdout: pipeSafe(process.stdout),
    stderr: pipeSafe(process.stderr),
    interactive: Boolean(process.stderr.isTTY),
    now: () => Date.now(),
    env: process.env,
  };
}

/**
 * A stream that stops quietly when its reader goes away (`ecom-report metrics --json | head`):
 * a closed pipe is the reader's choice, not an error worth a stack trace.
 */
function pipeSafe(stream: NodeJS.WriteStream): Output {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else throw err;
  });
  return { write: (t) => void (closed || stream.write(t)) };
}
