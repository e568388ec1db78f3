// Template lookup in layers: the packaged default under a user's folder that may hold a single
// file; theme errors with suggestions; the logo; and `template list` / `template init`.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PACKAGED_TEMPLATES, imageSize, loadTemplate } from '../../src/template/load.js';
import { runCli } from '../helpers/run-cli.js';
import { failure } from '../helpers/user-error.js';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-template-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A w×h PNG (IHDR is enough for the size; a tiny IDAT keeps it a valid image). */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc(h * (1 + 3 * w));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

describe('layered template lookup', () => {
  it('the packaged default has a theme, a deck and both locales', () => {
    const files = readdirSync(path.join(PACKAGED_TEMPLATES, 'default')).sort();
    expect(files).toEqual(expect.arrayContaining(['deck.yaml', 'locales', 'theme.yaml']));
    expect(readdirSync(path.join(PACKAGED_TEMPLATES, 'default', 'locales')).sort()).toEqual(['en.yaml', 'zh-CN.yaml']);
  });

  it('a user folder with one theme key changes that key and keeps the rest', async () => {
    const dir = folder({ 'theme.yaml': 'colors:\n  accent: "D97706"\n' });
    const t = await loadTemplate(dir, '/', 'zh-CN');
    expect(t.theme.colors.accent).toBe('D97706');
    expect(t.theme.colors.primary).toBe('1F3A5F');
    expect(t.theme.fonts.eastAsian).toBe('Microsoft YaHei');
    expect(t.layers).toEqual([path.join(PACKAGED_TEMPLATES, 'default'), dir]);
    // No deck.yaml of its own: the packaged deck stands.
    expect(t.deck.sections.map((s) => s.id)).toEqual(['overview', 'core', 'projects', 'diagnosis', 'team', 'plan', 'appendix']);
  });

  it('a user locale file overrides one sentence and keeps every other string', async () => {
    const dir = folder({ 'locales/en.yaml': 'deck:\n  title: Quarterly Review\n' });
    const t = await loadTemplate(dir, '/', 'en');
    expect((t.strings['deck'] as Record<string, string>)['title']).toBe('Quarterly Review');
    expect((t.strings['deck'] as Record<string, string>)['closing']).toBe('Thank you');
  });

  it('a user deck.yaml that drops one slide keeps the packaged list otherwise', async () => {
    const dir = folder({ 'deck.yaml': 'slides:\n  overview.byCategory: { show: false }\n' });
    const t = await loadTemplate(dir, '/', 'zh-CN');
    const overview = t.deck.sections.find((s) => s.id === 'overview')!.slides.map((s) => s.id);
    expect(overview).not.toContain('overview.byCategory');
    expect(overview).toContain('overview.byPlatform');
    expect(t.deck.problems).toEqual([]);
  });

  it('a misspelt theme colour names the file and the nearest role', async () => {
    const dir = folder({ 'theme.yaml': 'colors:\n  acent: "D97706"\n' });
    const err = await failure(loadTemplate(dir, '/', 'zh-CN', dir));
    expect(err.message).toBe("theme.yaml: colors.acent: unknown key 'acent' (did you mean 'accent'?)");
  });

  it('a size that is not 16:9 is refused with the widescreen size as the fix', async () => {
    const dir = folder({ 'theme.yaml': 'size: { width: 10, height: 7.5 }\n' });
    const err = await failure(loadTemplate(dir, '/', 'zh-CN', dir));
    expect(err.message).toBe('theme.yaml: size: the layouts are drawn for 16:9; use width 13.333 and height 7.5 (inches)');
  });

  it('reads the logo relative to the theme.yaml that names it, keeping its pixel size', async () => {
    const dir = folder({ 'theme.yaml': 'logo: brand/logo.png\n', 'brand/logo.png': png(240, 80) });
    const t = await loadTemplate(dir, '/', 'zh-CN');
    expect(t.logo).toMatchObject({ width: 240, height: 80 });
    expect(t.logo!.data.startsWith('image/png;base64,')).toBe(true);
    const missing = folder({ 'theme.yaml': 'logo: nope.png\n' });
    const err = await failure(loadTemplate(missing, '/', 'zh-CN', missing));
    expect(err.location).toEqual({ file: 'theme.yaml', path: 'logo' });
  });

  it('reads PNG and JPEG sizes from their headers', () => {
    expect(imageSize(png(3, 2))).toEqual({ mime: 'image/png', width: 3, height: 2 });
    // SOI, APP0 (length 16), SOF0 with height 0x0102 and width 0x0304.
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...Array(14).fill(0), 0xff, 0xc0, 0, 17, 8, 0x01, 0x02, 0x03, 0x04, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ mime: 'image/jpeg', width: 0x0304, height: 0x0102 });
    expect(imageSize(Buffer.from('GIF89a'))).toBeUndefined();
  });

  it('an unknown template name is a usage error that lists what exists', async () => {
    const err = await failure(loadTemplate('brnd', mkdtempSync(path.join(tmpdir(), 'ws-')), 'zh-CN'));
    expect(err.message).toBe("template 'brnd' not found");
    expect(err.hint).toContain('default');
    expect(err.hint).toContain('ecom-report template init NAME');
  });
});

describe('ecom-report template', () => {
  it('init copies the default into <workspace>/templates/NAME and list shows it', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'ws-'));
    writeFileSync(path.join(ws, 'ecom-report.yaml'), 'company: X\n');
    const init = await runCli(['template', 'init', 'brand', '--config', 'ecom-report.yaml'], { cwd: ws });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('to use it, set "template: templates/brand" in ecom-report.yaml');
    const copied = path.join(ws, 'templates', 'brand');
    expect(readFileSync(path.join(copied, 'deck.yaml'), 'utf8')).toBe(readFileSync(path.join(PACKAGED_TEMPLATES, 'default', 'deck.yaml'), 'utf8'));
    expect(readFileSync(path.join(copied, 'locales', 'zh-CN.yaml'), 'utf8')).toBe(
      readFileSync(path.join(PACKAGED_TEMPLATES, 'default', 'locales', 'zh-CN.yaml'), 'utf8'),
    );

    const list = await runCli(['template', 'list', '--config', 'ecom-report.yaml', '--json'], { cwd: ws });
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { name: string; packaged: boolean; folder: string; files: string[] }[];
    expect(rows.find((r) => r.name === 'default')).toMatchObject({ packaged: true });
    expect(rows.find((r) => r.name === 'brand')).toMatchObject({ packaged: false, folder: path.join('templates', 'brand') });
    expect(rows.find((r) => r.name === 'brand')!.files).toEqual(['theme.yaml', 'deck.yaml', 'locales/en.yaml', 'locales/zh-CN.yaml']);

    // Never over an existing folder; a misspelt source is suggested.
    const again = await runCli(['template', 'init', 'brand'], { cwd: ws });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; nothing was copied');
    const typo = await runCli(['template', 'init', 'other', '--from', 'defualt'], { cwd: ws });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--from: no template 'defualt' (did you mean 'default'?)");
  });
});

describe('a folder that is no template', () => {
  it('is an error naming the folder, not the default look unchanged', async () => {
    const ws = mkdtempSync(path.join(tmpdir(), 'ecom-notpl-'));
    mkdirSync(path.join(ws, 'data'));
    writeFileSync(path.join(ws, 'data', 'orders.csv'), 'order_id\n1\n');
    for (const name of ['data', '', '.']) {
      const err = await failure(loadTemplate(name, ws, 'zh-CN', ws));
      expect(err.exitCode).toBe(2);
      expect(err.message).toBe(`template '${name}' is the folder ${path.resolve(ws, name)}, which holds none of deck.yaml, theme.yaml, locales, email`);
    }
    // A folder with only a theme is a template.
    mkdirSync(path.join(ws, 'brand'));
    writeFileSync(path.join(ws, 'brand', 'theme.yaml'), 'colors: { accent: "E76F51" }\n');
    await expect(loadTemplate('brand', ws, 'zh-CN', ws)).resolves.toBeDefined();
  });
});
