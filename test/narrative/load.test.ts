// The narrative yaml and the workspace's thresholds/targets blocks: valid files parse, and every
// mistake is one line naming the file, the path inside it and the nearest valid key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadNarrative, parseNarrative } from '../../src/narrative/load.js';
import { parseReportSettings } from '../../src/narrative/settings.js';

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

const project = { name: '自播间', owner: '王敏', status: 'on-track', goal: '提升直播占比' };

describe('parseNarrative', () => {
  it('accepts a complete narrative and fills defaults', () => {
    const n = parseNarrative(
      {
        quarter: '2026Q3',
        projects: [{ ...project, kpis: [{ name: '转化率', figure: 'core.conversion' }, { name: '场次', unit: 'count', before: 4, after: 10 }] }],
        team: { roles: [{ role: '客服', headcount: 8, service: true }] },
        plan: { risks: [{ risk: '断货', mitigation: '安全库存' }] },
      },
      'narrative.yaml',
    );
    expect(n.projects[0]!.kpis[0]).toEqual({ name: '转化率', figure: 'core.conversion', better: 'higher' });
    expect(n.projects[0]!.highlights).toEqual([]);
    expect(n.team!.roles[0]).toEqual({ role: '客服', headcount: 8, trainingHours: 0, certified: 0, service: true });
    expect(n.plan.risks[0]).toEqual({ risk: '断货', impact: 'medium', mitigation: '安全库存' });
    expect(parseNarrative(null, 'n.yaml')).toEqual({ projects: [], plan: { directions: [], resources: [], risks: [] } });
  });
  it('names an unknown key with its path and the nearest valid key', () => {
    expect(messageOf(() => parseNarrative({ projects: [{ ...project, owners: 'x' }] }, 'narrative.yaml'))).toBe(
      "narrative.yaml: projects[0].owners: unknown key 'owners' (did you mean 'owner'?)",
    );
    expect(messageOf(() => parseNarrative({ team: { roles: [{ role: 'a', headcount: 1, trainingHour: 3 }] } }, 'n.yaml'))).toBe(
      "n.yaml: team.roles[0].trainingHour: unknown key 'trainingHour' (did you mean 'trainingHours'?)",
    );
    expect(messageOf(() => parseNarrative({ projets: [] }, 'n.yaml'))).toBe("n.yaml: projets: unknown key 'projets' (did you mean 'projects'?)");
  });
  it('names a wrong type or value at its path', () => {
    expect(messageOf(() => parseNarrative({ team: { roles: [{ role: 'a', headcount: '3' }] } }, 'n.yaml'))).toMatch(/^n\.yaml: team\.roles\[0\]\.headcount: /);
    expect(messageOf(() => parseNarrative({ projects: [{ ...project, status: 'ontrack' }] }, 'n.yaml'))).toBe(
      "n.yaml: projects[0].status: 'ontrack' is not one of done, on-track, at-risk, late (did you mean 'on-track'?)",
    );
    expect(messageOf(() => parseNarrative({ projects: [{ ...project, goal: undefined }] }, 'n.yaml'))).toBe('n.yaml: projects[0].goal: is required');
  });
  it('checks that a KPI has either a figure or typed values', () => {
    expect(messageOf(() => parseNarrative({ projects: [{ ...project, kpis: [{ name: 'k', before: 1 }] }] }, 'n.yaml')).split('\n')).toEqual([
      'n.yaml: projects[0].kpis[0].after: is required when the KPI names no figure: (give before, after and unit, or figure:)',
      'n.yaml: projects[0].kpis[0].unit: is required when the KPI names no figure: (give before, after and unit, or figure:)',
    ]);
    expect(messageOf(() => parseNarrative({ projects: [{ ...project, kpis: [{ name: 'k', figure: 'core.aov', after: 3 }] }] }, 'n.yaml'))).toContain(
      'projects[0].kpis[0].after: a KPI with figure: takes its after value from the data',
    );
    expect(messageOf(() => parseNarrative({ projects: [{ ...project, kpis: [{ name: 'k', figure: 'conversion' }] }] }, 'n.yaml'))).toContain(
      'projects[0].kpis[0].figure: expected a figure id like core.conversion',
    );
  });
  it('refuses numbers too large for any figure, at their path', () => {
    // 1e308 would show as Infinity once a change is worked out from it; 1e12 is the bound.
    const kpi = (before: number) => ({ projects: [{ ...project, kpis: [{ name: 'k', unit: 'count', before, after: 1 }] }] });
    expect(messageOf(() => parseNarrative(kpi(1e308), 'n.yaml'))).toBe(
      'n.yaml: projects[0].kpis[0].before: too large for a figure of a report (at most 1,000,000,000,000 either way)',
    );
    expect(messageOf(() => parseNarrative(kpi(-2e12), 'n.yaml'))).toContain('projects[0].kpis[0].before: too large');
    expect(() => parseNarrative(kpi(1e12), 'n.yaml')).not.toThrow();
    expect(messageOf(() => parseNarrative({ team: { roles: [{ role: 'a', headcount: 2, trainingHours: 1e300 }] } }, 'n.yaml'))).toBe(
      'n.yaml: team.roles[0].trainingHours: too large for a figure of a report (at most 1,000,000,000,000 either way)',
    );
  });
  it('refuses more certified people than heads', () => {
    expect(messageOf(() => parseNarrative({ team: { roles: [{ role: 'a', headcount: 2, certified: 3 }] } }, 'n.yaml'))).toBe(
      'n.yaml: team.roles[0].certified: certified cannot exceed headcount',
    );
  });
});

describe('loadNarrative', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-narrative-'));
  it('reads a file relative to the workspace folder', async () => {
    writeFileSync(path.join(dir, 'narrative.yaml'), '\uFEFFquarter: 2026Q3\nprojects:\n  - { name: p, owner: o, status: done, goal: g }\n');
    const loaded = await loadNarrative('narrative.yaml', dir, dir);
    expect(loaded.narrative.projects[0]!.status).toBe('done');
    expect(loaded.file).toBe(path.join(dir, 'narrative.yaml'));
    expect(loaded.shown).toBe('narrative.yaml');
  });
  it('reads a narrative saved as UTF-16 with a BOM or as GBK, as editors on Windows do', async () => {
    const text = 'quarter: 2026Q3\nprojects:\n  - { name: 抖音自播间搭建, owner: 王敏, status: on-track, goal: 直播 GMV 占比提升 }\n';
    writeFileSync(path.join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(path.join(dir, 'gbk.yaml'), iconv.encode(text, 'gbk'));
    for (const file of ['utf16.yaml', 'gbk.yaml']) {
      const p = (await loadNarrative(file, dir, dir)).narrative.projects[0]!;
      expect([p.name, p.owner, p.goal], file).toEqual(['抖音自播间搭建', '王敏', '直播 GMV 占比提升']);
    }
  });
  it('points at the line of a yaml syntax error', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'projects:\n  - name: [unclosed\n');
    const err = await loadNarrative('bad.yaml', dir, dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).location.file).toBe('bad.yaml');
    expect((err as UserError).location.row).toBeGreaterThan(0);
  });
  it('says when the file does not exist', async () => {
    const err = (await loadNarrative('missing.yaml', dir, dir).catch((e: unknown) => e)) as UserError;
    expect(err.message).toBe('narrative file missing.yaml does not exist');
    expect(err.hint).toContain('relative to that file');
  });
});

describe('parseReportSettings (thresholds: and targets: of the workspace)', () => {
  it('fills every documented default', () => {
    const { thresholds, targets } = parseReportSettings({ thresholds: {}, targets: {} }, 'ecom-report.yaml');
    expect(thresholds.campaignBaseline).toEqual({ weeks: 4, sameWeekday: true });
    expect(thresholds.inventoryTurnover).toEqual({ min: 4, holdingCostRate: 0.2, severity: 'medium' });
    expect(thresholds.slowMoving).toEqual({ days: 60, maxShare: 0.1, clearanceLossRate: 0.3, severity: 'medium' });
    expect(thresholds.lateDelivery).toEqual({ shipSlaHours: 48, maxRate: 0.05, minOrders: 30, lossRate: 0.1, severity: 'medium' });
    expect(thresholds.supplierLeadTime).toMatchObject({ standardDays: 15, suppliers: {}, minPurchaseOrders: 3 });
    expect(thresholds.conversionDrop).toEqual({ maxDrop: 0.05, severity: 'high' });
    expect(targets).toEqual({});
  });
  it('keeps what the workspace sets', () => {
    const { thresholds, targets } = parseReportSettings(
      { thresholds: { slowMoving: { days: 90 } }, targets: { gmvGrowth: 0.15, incrementByCategory: { core: ['女装'] } } },
      'ecom-report.yaml',
    );
    expect(thresholds.slowMoving.days).toBe(90);
    expect(thresholds.slowMoving.maxShare).toBe(0.1);
    expect(targets).toEqual({ gmvGrowth: 0.15, incrementByCategory: { core: ['女装'], minShare: 0.6 } });
  });
  it('refuses a threshold or target too large for any figure', () => {
    const message = messageOf(() =>
      parseReportSettings({ thresholds: { supplierLeadTime: { standardDays: 1e308 } }, targets: { gmvGrowth: 1e20 } }, 'ecom-report.yaml'),
    );
    expect(message.split('\n')).toEqual([
      'ecom-report.yaml: thresholds.supplierLeadTime.standardDays: too large for a figure of a report (at most 1,000,000,000,000 either way)',
      'ecom-report.yaml: targets.gmvGrowth: too large for a figure of a report (at most 1,000,000,000,000 either way)',
    ]);
  });
  it('reports every mistake in both blocks, with the key path and a suggestion', () => {
    const message = messageOf(() =>
      parseReportSettings(
        { thresholds: { slowMoving: { dayz: 90 }, lateDelivry: {}, firstResponse: { minWithinSla: 2 } }, targets: { gmvGrowht: 0.1, gmv: 1, gmvGrowth: 0.1 } },
        'ecom-report.yaml',
      ),
    );
    expect(message.split('\n')).toEqual([
      "ecom-report.yaml: thresholds.lateDelivry: unknown key 'lateDelivry' (did you mean 'lateDelivery'?)",
      "ecom-report.yaml: thresholds.slowMoving.dayz: unknown key 'dayz' (did you mean 'days'?)",
      expect.stringMatching(/^ecom-report\.yaml: thresholds\.firstResponse\.minWithinSla: /),
      "ecom-report.yaml: targets.gmvGrowht: unknown key 'gmvGrowht' (did you mean 'gmvGrowth'?)",
      'ecom-report.yaml: targets.gmv: give gmv or gmvGrowth, not both',
    ]);
  });
  it('suggests a key another reader of thresholds: owns', () => {
    expect(messageOf(() => parseReportSettings({ thresholds: { dormantMinDay: 90 }, targets: {} }, 'w.yaml', ['dormantMinDays']))).toBe(
      "w.yaml: thresholds.dormantMinDay: unknown key 'dormantMinDay' (did you mean 'dormantMinDays'?)",
    );
  });
  it('refuses a GMV target given both ways', () => {
    expect(messageOf(() => parseReportSettings({ thresholds: {}, targets: { gmv: 1, gmvGrowth: 0.1 } }, 'w.yaml'))).toBe('w.yaml: targets.gmv: give gmv or gmvGrowth, not both');
  });
});
