// Looking up locale strings by dot path and filling `{name}` placeholders. A missing key is a
// template error, not a silent blank on a slide.
import type { LocaleTree } from '../template/schema.js';

export class Strings {
  constructor(
    private readonly tree: LocaleTree,
    readonly locale: string,
  ) {}

  /** The string at `key` with `{name}` placeholders filled from `vars`. */
  t(key: string, vars: Record<string, string | number> = {}): string {
    const value = this.lookup(key);
    if (typeof value !== 'string') throw new Error(`locale ${this.locale}: '${key}' is not a string`);
    return fill(value, vars, `${this.locale}:${key}`);
  }

  list(key: string): string[] {
    const value = this.lookup(key);
    if (!Array.isArray(value)) throw new Error(`locale ${this.locale}: '${key}' is not a list`);
    return value;
  }

  /** Whether `key` names a string (not a group of keys or a list). */
  hasText(key: string): boolean {
    return this.has(key) && typeof this.lookup(key) === 'string';
  }

  has(key: string): boolean {
    try {
      this.lookup(key);
      return true;
    } catch {
      return false;
    }
  }

  private lookup(key: string): string | string[] | LocaleTree {
    let node: string | string[] | LocaleTree | undefined = this.tree;
    for (const part of key.split('.')) {
      // Own keys only: a platform called `constructor` is not Object.prototype's.
      if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, part)) node = undefined;
      else node = node[part];
      if (node === undefined) throw new Error(`locale ${this.locale}: missing string '${key}'`);
    }
    return node;
  }
}

export function fill(pattern: string, vars: Record<string, string | number>, where = 'pattern'): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`${where}: no value for {${name}}`);
    return String(v);
  });
}
