// The report e-mail's words: the packaged `email/<locale>.yaml` of each template layer, with the
// template's own locale strings on top. Kept apart from email.ts so a build without --email
// does not load the SMTP client.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ExitCode, UserError } from '../errors.js';
import { Strings } from '../report/strings.js';
import { mergeTrees } from '../template/load.js';
import type { LocaleTree } from '../template/schema.js';

/**
 * The e-mail's words: each template layer's `email/<locale>.yaml`, then the template's locale
 * strings on top (so a template can override `email.*` keys in its own locale file).
 */
export async function loadEmailWords(layers: readonly string[], locale: string, templateStrings: LocaleTree): Promise<Strings> {
  let tree: LocaleTree = {};
  for (const layer of layers) {
    const file = path.join(layer, 'email', `${locale}.yaml`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    try {
      tree = mergeTrees(tree, (parse(text.replace(/^\uFEFF/, '')) ?? {}) as LocaleTree);
    } catch (err) {
      throw new UserError(`invalid YAML: ${(err as Error).message.split('\n')[0]}`, { exitCode: ExitCode.usage, location: { file } });
    }
  }
  return new Strings(mergeTrees(tree, templateStrings), locale);
}
