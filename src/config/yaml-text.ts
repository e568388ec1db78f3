// Parses the text of a yaml file the user edits, turning a syntax error into one line that
// points at the file, line and column.
import { LineCounter, isNode, parseDocument } from 'yaml';
import { ExitCode, UserError } from '../errors.js';

/** A document nested so deep that the parser ran out of stack, named as such. */
const tooDeep = (display: string, row?: number) =>
  new UserError('invalid YAML: values nested too deeply (lists or maps hundreds of levels inside each other)', {
    exitCode: ExitCode.usage,
    location: { file: display, row },
    hint: 'write the values at a few levels of indentation',
  });
const isStackOverflow = (err: unknown) => err instanceof RangeError || (err instanceof Error && /Maximum call stack/.test(err.message));

export function parseYamlText(text: string, display: string): unknown {
  let doc;
  try {
    doc = parseDocument(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    throw tooDeep(display);
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0];
    // The parser's own words, without the position it appends (the location says it).
    const said = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (/Maximum call stack/.test(said)) throw tooDeep(display, line?.line);
    throw new UserError(`invalid YAML: ${said}`, {
      exitCode: ExitCode.usage,
      location: { file: display, row: line?.line, column: line ? String(line.col) : undefined },
      hint: 'fix the YAML syntax (indentation, quotes, colons)',
    });
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    if (isStackOverflow(err)) throw tooDeep(display);
    // The yaml library refuses a document whose aliases would blow up in memory ("billion laughs").
    throw new UserError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, {
      exitCode: ExitCode.usage,
      location: { file: display },
      hint: 'write the values out instead of nesting anchors (&name) and aliases (*name)',
    });
  }
}

/**
 * Where values are written in the yaml text: a function from a path to the 1-based line of the
 * value there (or, when it is missing, of the nearest enclosing value that is), so a config
 * error can point at its line. The text is parsed once, however many errors it has.
 */
export function linesOfPaths(text: string): (path: readonly PropertyKey[]) => number | undefined {
  let parsed: { counter: LineCounter; doc: ReturnType<typeof parseDocument> } | undefined;
  return (path) => {
    // Parsed on the first error only: a config without errors is not parsed twice.
    if (!parsed) {
      const counter = new LineCounter();
      parsed = { counter, doc: parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: counter }) };
    }
    const { counter, doc } = parsed;
    if (doc.errors.length > 0) return undefined;
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    }
    return undefined;
  };
}
