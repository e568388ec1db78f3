// User-facing failures. Anything the user can fix is a UserError with an exit code and,
// where known, the file/row/column it points at; anything else is a bug and keeps its stack.

export const ExitCode = {
  ok: 0,
  input: 1,
  usage: 2,
  delivery: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Location {
  file?: string;
  /** 1-based row as a spreadsheet shows it (the header is row 1). */
  row?: number;
  column?: string;
  /** A dot-path inside a yaml file, e.g. `sources[0].files`. */
  path?: string;
}

export class UserError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  readonly location: Location;

  constructor(message: string, opts: { exitCode?: ExitCode; hint?: string; location?: Location } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = opts.exitCode ?? ExitCode.input;
    this.hint = opts.hint;
    this.location = opts.location ?? {};
  }
}

/** `file:row:column` or `file: path`, whichever parts are known. */
export function formatLocation(loc: Location): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.row !== undefined) parts.push(String(loc.row));
  if (loc.column !== undefined) parts.push(loc.column);
  let text = parts.join(':');
  if (loc.path) text += (text ? ': ' : '') + loc.path;
  return text;
}

export function formatUserError(err: UserError): string {
  const where = formatLocation(err.location);
  const head = where ? `${where}: ${err.message}` : err.message;
  return err.hint ? `${head} — ${err.hint}` : head;
}
