// Parses the text of a yaml file the user edits, turning a syntax error into one line that
// points at the file, line and column.
import { parseDocument } from 'yaml';
import { ExitCode, UserError } from '../errors.js';

export function parseYamlText(text: string, display: string): unknown {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0];
    throw new UserError(`invalid YAML: ${first.message.split('\n')[0]}`, {
      exitCode: ExitCode.usage,
      location: { file: display, row: line?.line, column: line ? String(line.col) : undefined },
      hint: 'fix the YAML syntax (indentation, quotes, colons)',
    });
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (err) {
    // The yaml library refuses a document whose aliases would blow up in memory ("billion laughs").
    throw new UserError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, {
      exitCode: ExitCode.usage,
      location: { file: display },
      hint: 'write the values out instead of nesting anchors (&name) and aliases (*name)',
    });
  }
}
