// The example workflow must stay in step with the tool: the schedule is the day after a quarter
// ends, every SMTP variable it sets is one ecom-report reads (from secrets), and the deck is kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SMTP_ENV } from '../../src/deliver/smtp-settings.js';

const root = path.resolve(__dirname, '../..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

const workflow = parse(readFileSync(path.join(root, 'examples/github-actions/quarterly-report.yml'), 'utf8')) as {
  on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs)[0]!.steps;

describe('examples/github-actions/quarterly-report.yml', () => {
  it('runs on the first day of each quarter', () => {
    const [minute, hour, day, months, weekday] = workflow.on.schedule[0]!.cron.split(' ');
    expect(Number(minute)).toBeGreaterThanOrEqual(0);
    expect(Number(hour)).toBeLessThan(24);
    expect(day).toBe('1');
    expect(months).toBe('1,4,7,10');
    expect(weekday).toBe('*');
    expect(workflow.on.workflow_dispatch).toBeDefined();
  });

  it('installs, then builds with --pdf, --email and --json', () => {
    const names = steps.map((s) => s.run ?? s.uses ?? '');
    const install = names.findIndex((r) => r.includes('npm ci'));
    const build = names.findIndex((r) => r.includes('ecom-report build'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(install);
    for (const flag of ['--pdf', '--email', '--json']) expect(names[build]).toContain(flag);
    expect(names.some((r) => r.includes('libreoffice-impress') && r.includes('fonts-noto-cjk'))).toBe(true);
  });

  it('maps only variables ecom-report reads, each from a secret', () => {
    const env = steps.find((s) => s.run?.includes('ecom-report build'))!.env!;
    const known = new Set<string>(Object.values(SMTP_ENV));
    const smtp = Object.entries(env).filter(([k]) => k.startsWith('ECOM_REPORT_'));
    expect(smtp.length).toBeGreaterThanOrEqual(7);
    for (const [name, value] of smtp) {
      expect(known.has(name), `${name} is read by ecom-report`).toBe(true);
      expect(value).toBe(`\${{ secrets.${name} }}`);
    }
    for (const name of [SMTP_ENV.url, SMTP_ENV.host, SMTP_ENV.pass, SMTP_ENV.from]) expect(env[name], name).toBeDefined();
  });

  it('keeps the deck as an artifact even when a step failed', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
    expect(upload).toBeDefined();
    expect(upload!.if).toBe('always()');
    expect(upload!.with!['path']).toContain('out/');
  });
});
