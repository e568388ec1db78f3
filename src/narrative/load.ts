// Reads the narrative yaml named by the workspace's `narrative:` (a path relative to the
// config file) and validates it; every problem is one line `file: path: message (did you mean …?)`.
import path from 'node:path';
import { parseYamlText } from '../config/yaml-text.js';
import { describeIssues } from '../config/issues.js';
import { ExitCode, UserError } from '../errors.js';
import { narrativeSchema, type Narrative } from './schema.js';
import { readTextFile } from '../config/text-file.js';

export interface LoadedNarrative {
  narrative: Narrative;
  /** Absolute path of the file. */
  file: string;
  /** The path as the user wrote it in the workspace config, for slides and notes. */
  shown: string;
}

/** Validates already-parsed yaml; `display` names the file in messages. */
export function parseNarrative(raw: unknown, display: string): Narrative {
  const parsed = narrativeSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const lines = describeIssues(narrativeSchema, parsed.error.issues, raw);
    throw new UserError(lines.map((l) => `${display}: ${l}`).join('\n'), {
      exitCode: ExitCode.usage,
      // The file is already at the start of every line of the message.
      hint: 'docs/workspace.md lists every narrative key',
    });
  }
  return parsed.data;
}

export async function loadNarrative(relative: string, baseDir: string, cwd: string): Promise<LoadedNarrative> {
  const file = path.resolve(baseDir, relative);
  const display = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `narrative file ${display} does not exist` : `cannot read ${display}: ${(err as Error).message}`, {
      exitCode: ExitCode.usage,
      location: { path: 'narrative' },
      hint: 'the narrative: path in ecom-report.yaml is relative to that file; fix it or remove the key',
    });
  }
  return { narrative: parseNarrative(parseYamlText(text, display), display), file, shown: relative };
}
