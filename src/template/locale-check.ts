// Checks a template's word files (locales/<lang>.yaml, email/<lang>.yaml) against the packaged
// default's tree when the template is loaded, so a misspelt key, a number where a sentence
// belongs, a section replaced by one string or a misspelt {placeholder} stops the run before
// any export is read — rather than as a crash half-way through drawing the deck.
import { nearest } from '../config/suggest.js';
import type { LocaleTree } from './schema.js';

/**
 * Maps whose entries are looked up only when present (a platform a custom source names, a
 * figure's own caption): a template may add entries there — plain words, no placeholders.
 */
export const OPEN_MAPS: readonly string[] = ['platforms', 'figureNames'];

export interface LocaleCheckOptions {
  /** Keys the template's deck.yaml names (slide and chart titles): new words it may add. */
  ownKeys?: ReadonlySet<string>;
}

/** The `{name}` placeholders of a pattern, as strings.ts fills them. */
export function placeholders(pattern: string): string[] {
  return [...new Set([...pattern.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
}

function isTree(v: unknown): v is LocaleTree {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map of keys';
  if (typeof v === 'string') return 'a string';
  return `${typeof v === 'number' ? 'the number' : typeof v} ${String(v)}`;
}

/**
 * Every problem in `over` (one template file) measured against `base` (the default's words:
 * the same language first, then others), as `file: key.path: message` lines.
 */
export function checkLocaleTree(
  over: unknown,
  base: LocaleTree | readonly LocaleTree[],
  file: string,
  options: LocaleCheckOptions = {},
): string[] {
  const problems: string[] = [];
  // The same language's default first; the others only widen the keys and placeholders allowed.
  const bases: readonly LocaleTree[] = Array.isArray(base) ? base : [base as LocaleTree];
  const ownKeys = options.ownKeys ?? new Set<string>();
  const isOwn = (p: string) => ownKeys.has(p) || [...ownKeys].some((k) => k.startsWith(`${p}.`));
  const inOpenMap = (p: string) => OPEN_MAPS.some((m) => p.startsWith(`${m}.`));
  const say = (p: string, message: string) => problems.push(`${file}: ${p}: ${message}`);

  if (over === null || over === undefined) return problems;
  if (!isTree(over)) {
    problems.push(`${file}: expected a map of keys (${Object.keys(bases[0] ?? {}).slice(0, 4).join(', ')}, …), not ${describeValue(over)}`);
    return problems;
  }

  /** New words (no default to measure against): strings without placeholders, or maps of them. */
  const checkNew = (value: unknown, p: string) => {
    if (isTree(value)) {
      for (const [k, v] of Object.entries(value)) checkNew(v, `${p}.${k}`);
    } else if (typeof value === 'string') {
      const used = placeholders(value);
      if (used.length > 0) say(p, `unknown placeholder {${used[0]}} (this string takes no placeholders)`);
    } else {
      say(p, `expected a string, not ${describeValue(value)}`);
    }
  };

  const walk = (node: LocaleTree, baseNodes: readonly LocaleTree[], prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const p = prefix ? `${prefix}.${key}` : key;
      const found = baseNodes.map((n) => n[key]).filter((v) => v !== undefined);
      if (found.length === 0) {
        if (isOwn(p) || inOpenMap(p)) {
          checkNew(value, p);
          continue;
        }
        const guess = nearest(key, [...new Set(baseNodes.flatMap((n) => Object.keys(n)))]);
        say(p, `unknown key${guess ? ` (did you mean '${guess}'?)` : ''}`);
        continue;
      }
      const b = found[0];
      if (isTree(b)) {
        if (!isTree(value)) {
          const keys = Object.keys(b);
          say(p, `expected a map of keys (${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}), not ${describeValue(value)}`);
          continue;
        }
        walk(value, found.filter(isTree), p);
      } else if (Array.isArray(b)) {
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          say(p, `expected a list of ${b.length} strings, not ${Array.isArray(value) ? 'a list holding other values' : describeValue(value)}`);
          continue;
        }
        const allowed = allowedIn(found);
        value.forEach((v, i) => checkPlaceholders(v as string, allowed, `${p}[${i}]`));
      } else {
        // A string (or, in the default, an empty value standing for one).
        if (typeof value !== 'string' && !(value === null && b === null)) {
          say(p, `expected a string, not ${describeValue(value)}${typeof value === 'number' || typeof value === 'boolean' ? ` (quote it: "${String(value)}")` : ''}`);
          continue;
        }
        if (typeof value === 'string') checkPlaceholders(value, allowedIn(found), p);
      }
    }
  };

  /** The placeholders the default's strings at one key use (in any of the default's languages). */
  const allowedIn = (found: readonly unknown[]): string[] => [
    ...new Set(found.flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])).flatMap(placeholders)),
  ];

  const checkPlaceholders = (value: string, allowed: readonly string[], p: string) => {
    for (const name of placeholders(value)) {
      if (allowed.includes(name)) continue;
      if (allowed.length === 0) {
        say(p, `unknown placeholder {${name}} (this string takes no placeholders)`);
        continue;
      }
      const guess = nearest(name, allowed);
      say(p, `unknown placeholder {${name}}${guess ? ` (did you mean {${guess}}?)` : ''}; this string can use ${allowed.map((a) => `{${a}}`).join(', ')}`);
    }
  };

  walk(over, bases, '');
  return problems;
}
