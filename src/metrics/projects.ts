// Section 3, key-project review: the campaign lifts (campaigns.ts) and the key projects from
// the narrative yaml, each KPI with its before and after value. A KPI that names a figure
// (`figure: core.conversion`) takes its numbers from the metrics document: after = this
// quarter's value, before = the previous quarter's unless the yaml types a baseline.
//
// Figure ids are dot paths into the metrics document; a list of rows is addressed by each
// row's `key` (`overview.byPlatform.douyin.gmv`).
import { nearest } from '../config/suggest.js';
import type { KpiUnit, Narrative, ProjectStatus } from '../narrative/schema.js';
import type { CampaignMetrics } from './campaigns.js';
import { growth, type Figure, type Unit } from './figure.js';

export interface ProjectKpi {
  name: string;
  /** The figure id the numbers come from, when the yaml names one. */
  figure: string | null;
  unit: Unit;
  before: number | null;
  after: number | null;
  /** after − before, in the KPI's unit. */
  difference: number | null;
  /** Relative change (after − before) ÷ |before|; null on a zero or missing base. */
  change: number | null;
  better: 'higher' | 'lower';
  /** Whether the KPI moved the right way; null when unknown or unchanged. */
  improved: boolean | null;
  reason?: string;
}

export interface ProjectResult {
  name: string;
  owner: string;
  status: ProjectStatus;
  goal: string;
  kpis: ProjectKpi[];
  highlights: string[];
  problems: string[];
}

export interface ProjectsMetrics {
  campaigns: CampaignMetrics;
  projects: ProjectResult[];
  /** The narrative file as the workspace names it; null without one. */
  narrativeFile: string | null;
}

/** A problem with a KPI's figure reference, at its path inside the narrative yaml. */
export interface FigureReferenceProblem {
  path: string;
  message: string;
  /** The figure id named. */
  figure: string;
  suggestion?: string;
}

const UNIT_OF: Record<KpiUnit, Unit> = {
  count: 'count',
  ratio: 'ratio',
  money: 'minor',
  days: 'days',
  hours: 'hours',
  seconds: 'seconds',
  score: 'score',
  multiple: 'multiple',
};

export function isFigure(v: unknown): v is Figure {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o['unit'] === 'string' && (o['value'] === null || typeof o['value'] === 'number') && 'previous' in o && 'yearAgo' in o;
}

/** The figure at `id`, or undefined when the path leads nowhere or to something else. */
export function resolveFigure(doc: unknown, id: string): Figure | undefined {
  let node: unknown = doc;
  for (const part of id.split('.')) {
    if (Array.isArray(node)) {
      node = node.find((row) => typeof row === 'object' && row !== null && (row as { key?: unknown }).key === part);
    } else if (typeof node === 'object' && node !== null) {
      node = (node as Record<string, unknown>)[part];
    } else return undefined;
    if (node === undefined) return undefined;
  }
  return isFigure(node) ? node : undefined;
}

/** Every figure id in the document (for "did you mean"). */
export function figureIds(doc: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (depth > 8 || typeof node !== 'object' || node === null) return;
    if (isFigure(node)) {
      out.push(path);
      return;
    }
    if (Array.isArray(node)) {
      for (const row of node) {
        const key = typeof row === 'object' && row !== null ? (row as { key?: unknown }).key : undefined;
        if (typeof key === 'string') walk(row, `${path}.${key}`, depth + 1);
      }
      return;
    }
    for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k, depth + 1);
  };
  walk(doc, '', 0);
  return out;
}

/** Sections the document has or will have; a KPI naming one that this build lacks is n/a, not an error. */
const KNOWN_SECTIONS = ['overview', 'core', 'operations', 'projects', 'diagnosis', 'team', 'plan'];

export function buildProjects(args: {
  narrative: Narrative | null;
  /** The metrics document so far (overview, core, operations …). */
  doc: object;
  /** Minor units per major unit of the report currency (typed money KPIs are major). */
  minorPerMajor: number;
}): { projects: ProjectResult[]; problems: FigureReferenceProblem[] } {
  const problems: FigureReferenceProblem[] = [];
  const ids = figureIds(args.doc);
  const projects = (args.narrative?.projects ?? []).map((p, pi): ProjectResult => ({
    name: p.name,
    owner: p.owner,
    status: p.status,
    goal: p.goal,
    highlights: p.highlights,
    problems: p.problems,
    kpis: p.kpis.map((k, ki): ProjectKpi => {
      const at = `projects[${pi}].kpis[${ki}].figure`;
      if (k.figure === undefined) {
        const unit = UNIT_OF[k.unit ?? 'count'];
        const scale = unit === 'minor' ? args.minorPerMajor : 1;
        return kpiOf(k.name, null, unit, toUnit(k.before, scale), toUnit(k.after, scale), k.better);
      }
      const f = resolveFigure(args.doc, k.figure);
      if (!f) {
        const section = k.figure.split('.')[0]!;
        if (KNOWN_SECTIONS.includes(section) && !(section in args.doc)) {
          const unit = k.unit ? UNIT_OF[k.unit] : 'count';
          return { ...kpiOf(k.name, k.figure, unit, null, null, k.better), reason: `${section} figures are not computed in this build` };
        }
        const guess = nearest(k.figure, ids);
        problems.push({ path: at, message: `unknown figure '${k.figure}'`, figure: k.figure, ...(guess ? { suggestion: guess } : {}) });
        return kpiOf(k.name, k.figure, 'count', null, null, k.better);
      }
      const scale = f.unit === 'minor' ? args.minorPerMajor : 1;
      const before = k.before !== undefined ? toUnit(k.before, scale) : f.previous;
      const kpi = kpiOf(k.name, k.figure, f.unit, before, f.value, k.better);
      return f.value === null && f.reason ? { ...kpi, reason: f.reason } : kpi;
    }),
  }));
  return { projects, problems };
}

function toUnit(v: number | undefined, scale: number): number | null {
  if (v === undefined) return null;
  return scale === 1 ? v : Math.round(v * scale);
}

function kpiOf(name: string, fig: string | null, unit: Unit, before: number | null, after: number | null, better: 'higher' | 'lower'): ProjectKpi {
  const difference = before === null || after === null ? null : after - before;
  const improved = difference === null || difference === 0 ? null : better === 'higher' ? difference > 0 : difference < 0;
  return { name, figure: fig, unit, before, after, difference, change: growth(after, before), better, improved };
}
