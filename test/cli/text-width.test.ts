// Terminal widths, so `ecom-report metrics` keeps its columns under Chinese names.
import { describe, expect, it } from 'vitest';
import { padEndTo, padStartTo, textWidth } from '../../src/cli/text-width.js';
import { runCli } from '../helpers/run-cli.js';
import path from 'node:path';

describe('textWidth', () => {
  it('counts CJK and full-width characters as two columns, ASCII as one, combining marks as none', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('女装')).toBe(4);
    expect(textWidth('overview.byCategory.女装.gmv')).toBe(28);
    expect(textWidth('￥１')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('가')).toBe(2);
  });

  it('pads to a width in columns', () => {
    expect(padEndTo('女装', 6)).toBe('女装  ');
    expect(padStartTo('女装', 6)).toBe('  女装');
    expect(padEndTo('女装女装', 6)).toBe('女装女装');
  });
});

describe('ecom-report metrics table', () => {
  it('ends every figure row in the same column, Chinese category names included', async () => {
    const r = await runCli(['metrics', '--quarter', '2026Q3', '--config', path.resolve('fixtures/demo/ecom-report.yaml')], { cwd: process.cwd() });
    expect(r.code).toBe(0);
    const figureRows = r.stdout.split('\n\n')[0]!.split('\n').slice(1).filter((l) => l !== '');
    expect(figureRows.some((l) => l.includes('美妆护肤'))).toBe(true);
    const widths = new Set(figureRows.map(textWidth));
    expect(widths.size).toBe(1);
  });
});
