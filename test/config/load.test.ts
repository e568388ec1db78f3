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
