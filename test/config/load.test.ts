// The workspace config's problems are listed each at its line, up to a screenful.
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/config/load.js';
import { workspaceWith } from '../helpers/workspace.js';
import { failure } from '../helpers/user-error.js';

const config = (campaigns: string) =>
  `company: t\ntimezone: Asia/Shanghai\nsources:\n  - { platform: p, preset: generic, files: ["data/*.csv"] }\ncampaigns:\n${campaigns}`;

describe('workspace config problems', () => {
  it('are each named at their line', async () => {
    const dir = workspaceWith(config('  - { name: a, start: 2026-02-30, end: 2026-03-02 }\n  - { name: b, start: 2026-03-01, end: 2026-13-01 }\n'), {});
    const err = await failure(loadWorkspace('ecom-report.yaml', dir));
    expect(err.message.split('\n')).toEqual([
      "ecom-report.yaml:6: campaigns[0].start: '2026-02-30' is not a day of the calendar",
      "ecom-report.yaml:7: campaigns[1].end: '2026-13-01' is not a day of the calendar",
    ]);
  });

  it('past 50, are counted rather than listed', async () => {
    // 60 campaigns, each with an impossible start (lines 6–65).
    const list = Array.from({ length: 60 }, (_, i) => `  - { name: c${i}, start: 2026-02-30, end: 2026-03-02 }\n`).join('');
    const err = await failure(loadWorkspace('ecom-report.yaml', workspaceWith(config(list), {})));
    const lines = err.message.split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe("ecom-report.yaml:55: campaigns[49].start: '2026-02-30' is not a day of the calendar");
    expect(lines[50]).toBe('ecom-report.yaml: … and 10 more problems like these');
  });
});

describe('workspace config values', () => {
  const ws = (top: string, campaigns = '  - { name: "618", start: 2026-06-01, end: 2026-06-18 }\n') =>
    workspaceWith(`company: t\n${top}timezone: Asia/Shanghai\nsources:\n  - { platform: p, preset: generic, files: ["data/*.csv"] }\ncampaigns:\n${campaigns}`, {});

  it('refuses blank text', async () => {
    const err = await failure(loadWorkspace('ecom-report.yaml', ws('presenter: "  "\n')));
    expect(err.message).toBe('ecom-report.yaml:2: presenter: must not be blank');
  });

  it('keeps a whole-number campaign name as written, and asks for quotes around 10.10', async () => {
    const ok = await loadWorkspace('ecom-report.yaml', ws('', '  - { name: 618, start: 2026-06-01, end: 2026-06-18 }\n'));
    expect(ok.config.campaigns[0]!.name).toBe('618');
    const err = await failure(loadWorkspace('ecom-report.yaml', ws('', '  - { name: 10.10, start: 2026-10-01, end: 2026-10-10 }\n  - { name: "", start: 2026-10-01, end: 2026-10-10 }\n')));
    expect(err.message.split('\n')).toEqual([
      'ecom-report.yaml:6: campaigns[0].name: write the name in quotes ("…"): as a number it reads 10.1',
      'ecom-report.yaml:7: campaigns[1].name: must not be blank',
    ]);
  });

  it('refuses a campaign longer than a year: a mistyped year', async () => {
    // 1026-09-05 … 2026-09-09: 1,000 years and 5 days.
    const err = await failure(loadWorkspace('ecom-report.yaml', ws('', '  - { name: "99", start: 1026-09-05, end: 2026-09-09 }\n')));
    expect(err.message).toMatch(/^ecom-report\.yaml:6: campaigns\[0\]\.end: the campaign would last 365,\d{3} days \(1026-09-05 … 2026-09-09\); a campaign lasts at most 366 — check the years$/);
    const year = await loadWorkspace('ecom-report.yaml', ws('', '  - { name: "y", start: 2024-01-01, end: 2024-12-31 }\n'));
    expect(year.config.campaigns).toHaveLength(1); // 366 days, a leap year: allowed
  });

  it('refuses a report date the deck cannot carry', async () => {
    const err = await failure(loadWorkspace('ecom-report.yaml', ws('reportDate: 1900-01-01\n')));
    expect(err.message).toBe("ecom-report.yaml:2: reportDate: '1900-01-01' is outside 1980–2107, the years a deck's file dates can hold");
  });
});

describe('dates in the workspace config', () => {
  it('a date written as a number says what a date looks like', async () => {
    const dir = workspaceWith('company: t\nreportDate: 20261015\nsources:\n  - { platform: p, preset: generic, files: ["data/*.csv"] }\n', {});
    const err = await failure(loadWorkspace('ecom-report.yaml', dir));
    expect(err.message).toBe('ecom-report.yaml:2: reportDate: expected a date like 2026-06-01, not 20261015');
  });
});

describe('values of the wrong type', () => {
  const ws = (top: string, source = '{ platform: p, preset: generic, files: ["data/*.csv"] }') =>
    workspaceWith(`company: t\n${top}sources:\n  - ${source}\n`, { 'data/o.csv': 'order_id\n' });

  it('say what was expected and what was written, in words rather than type names', async () => {
    const cases: Array<[string, string, string]> = [
      ['rates: { USD: .nan }\n', '', 'ecom-report.yaml:2: rates.USD: expected a number, not .nan (not a number)'],
      ['rates: { USD: abc }\n', '', "ecom-report.yaml:2: rates.USD: expected a number, not 'abc'"],
      ['rates: { USD: .inf }\n', '', 'ecom-report.yaml:2: rates.USD: expected a number, not .inf'],
      ['campaigns: { a: 1 }\n', '', 'ecom-report.yaml:2: campaigns: expected a list, not a mapping'],
      ['presenter: [a, b]\n', '', 'ecom-report.yaml:2: presenter: expected text, not a list'],
      ['', '{ platform: p, files: ["data/*.csv"], rowIsOrder: "yes" }', "ecom-report.yaml:3: sources[0].rowIsOrder: expected true or false, not 'yes'"],
      ['', '{ platform: p, files: ["data/*.csv"], amountsIn: true }', 'ecom-report.yaml:3: sources[0].amountsIn: expected one of major, minor, not true'],
      ['', '{ platform: p, files: ["data/*.csv"], sheet: 1.5 }', 'ecom-report.yaml:3: sources[0].sheet: expected a sheet name, or its place counting from 1 (1 for the first sheet)'],
      ['', '{ platform: p, files: 5 }', 'ecom-report.yaml:3: sources[0].files: expected a list, not 5'],
    ];
    for (const [top, source, message] of cases) {
      const err = await failure(loadWorkspace('ecom-report.yaml', source ? ws(top, source) : ws(top)));
      expect(err.message).toBe(message);
    }
  });

  it('a missing key is required', async () => {
    const err = await failure(loadWorkspace('ecom-report.yaml', ws('', '{ preset: generic, files: ["data/*.csv"] }')));
    expect(err.message).toBe('ecom-report.yaml:3: sources[0].platform: is required');
  });

  it('one glob may stand for a list of one', async () => {
    const ok = await loadWorkspace('ecom-report.yaml', ws('', '{ platform: p, files: data/o.csv, join: { kind: returns, files: data/r.csv } }'));
    expect(ok.config.sources[0]!.files).toEqual(['data/o.csv']);
    expect(ok.config.sources[0]!.join[0]!.files).toEqual(['data/r.csv']);
  });
});
