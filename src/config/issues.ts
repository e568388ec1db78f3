// Turns zod issues into one readable line each: `file: path.to.field: message (did you mean …?)`.
import type { z } from 'zod';
import { nearest } from './suggest.js';

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out ? '.' : '') + String(part);
  }
  return out || '(top level)';
}

/** Known keys at a path of a zod object schema, for suggestions on unknown keys. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // zod v4 exposes object shapes via `.shape`; arrays via `.element`. Walk as far as we can.
  let current: unknown = schema;
  for (const part of path) {
    current = unwrap(current);
    if (typeof part === 'number') {
      current = (current as { element?: unknown }).element;
    } else {
      const shape = (current as { shape?: Record<string, unknown> }).shape;
      current = shape?.[String(part)];
    }
    if (!current) return [];
  }
  const shape = (unwrap(current) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { innerType?: unknown; in?: unknown; type?: string } } | undefined;
  for (let i = 0; i < 10 && s?.def; i++) {
    if (s.def.innerType) s = s.def.innerType as typeof s;
    else if (s.def.type === 'pipe' && s.def.in) s = s.def.in as typeof s;
    else break;
  }
  return s;
}

/** `tmall` for `tmall-orders`: the one allowed value that holds what was written, if only one does. */
function onlyContaining(written: string, allowed: readonly string[]): string | undefined {
  if (written.length < 2) return undefined;
  const hits = allowed.filter((a) => a.toLowerCase().includes(written.toLowerCase()));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The value the user wrote at a path of the parsed yaml, if it is there. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** What a type is called in a message (zod's own names are a programmer's). */
const TYPE_NAMES: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  date: 'a date',
};

/** A value from the yaml as it was written, near enough, for "expected …, not …". */
function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 39) + '…' : value}'`;
  if (typeof value === 'number') return Number.isNaN(value) ? '.nan (not a number)' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf';
  if (value === null) return 'nothing (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * One line per issue. `input`, the parsed yaml, lets a wrong choice name what was written and
 * the closest allowed value: `'shopfiy-orders' is not one of … (did you mean 'shopify-orders'?)`.
 */
export function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input?: unknown): string[] {
  return issueLines(schema, issues, input).map((l) => l.text);
}

/** The same lines, each with the path it is about (to find its line in the yaml text). */
export function issueLines(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], input?: unknown): Array<{ path: PropertyKey[]; text: string }> {
  const lines: Array<{ path: PropertyKey[]; text: string }> = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) {
        const guess = nearest(key, known);
        const path = formatPath([...issue.path, key]);
        lines.push({ path: [...issue.path, key], text: `${path}: unknown key '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}` });
      }
      continue;
    }
    if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
      const allowed = issue.values.map(String);
      const written = valueAt(input, issue.path);
      if (typeof written === 'string' || typeof written === 'number') {
        const guess = nearest(String(written), allowed) ?? onlyContaining(String(written), allowed);
        lines.push({ path: [...issue.path], text: `${formatPath(issue.path)}: '${written}' is not one of ${allowed.join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}` });
      } else if (written !== undefined) {
        lines.push({ path: [...issue.path], text: `${formatPath(issue.path)}: expected one of ${allowed.join(', ')}, not ${shown(written)}` });
      } else {
        lines.push({ path: [...issue.path], text: `${formatPath(issue.path)}: expected one of ${allowed.join(', ')}` });
      }
      continue;
    }
    if (issue.code === 'invalid_type') {
      const written = valueAt(input, issue.path);
      const expected = `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      // (A value the schema reshaped, a lone join turned into a list of one, is not at its path.)
      const text = written !== undefined ? `${expected}, not ${shown(written)}` : issue.message.includes('received undefined') ? 'is required' : expected;
      lines.push({ path: [...issue.path], text: `${formatPath(issue.path)}: ${text}` });
      continue;
    }
    lines.push({ path: [...issue.path], text: `${formatPath(issue.path)}: ${issue.message}` });
  }
  return lines;
}
