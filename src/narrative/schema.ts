// The narrative yaml (`narrative:` in the workspace): what no export holds — key projects with
// their KPIs, the team, and next quarter's directions, resources and risks. Pure zod schema;
// load.ts reads the file and turns issues into `file: path: message (did you mean …?)`.
import { z } from 'zod';
import { inputNumber } from '../config/input-number.js';

export const PROJECT_STATUSES = ['done', 'on-track', 'at-risk', 'late'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * Units a typed KPI value may carry. `ratio` is a fraction (0.034 = 3.4%); `money` is in the
 * report currency's major unit (元, dollars) and becomes minor units in the metrics.
 */
export const KPI_UNITS = ['count', 'ratio', 'money', 'days', 'hours', 'seconds', 'score', 'multiple'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

const text = z.string().trim().min(1);

/**
 * A before/after KPI. Either both values are typed (`before`, `after`, `unit`), or `figure`
 * names a computed figure (e.g. `core.conversion`): then `after` is this quarter's value and
 * `before` the previous quarter's, unless `before` is typed (the baseline from before the
 * project started, in the figure's unit).
 */
export const kpiSchema = z
  .object({
    name: text,
    figure: z.string().regex(/^[A-Za-z][\w]*(\.[^.\s]+)+$/, 'expected a figure id like core.conversion').optional(),
    unit: z.enum(KPI_UNITS).optional(),
    before: inputNumber().finite().optional(),
    after: inputNumber().finite().optional(),
    better: z.enum(['higher', 'lower']).default('higher'),
  })
  .strict()
  .superRefine((kpi, ctx) => {
    if (kpi.figure !== undefined) {
      if (kpi.after !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['after'], message: 'a KPI with figure: takes its after value from the data; remove after:' });
      }
      if (kpi.unit !== undefined && kpi.before === undefined) {
        ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a KPI with figure: takes its unit from the figure; remove unit:' });
      }
      return;
    }
    for (const key of ['before', 'after', 'unit'] as const) {
      if (kpi[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `is required when the KPI names no figure: (give before, after and unit, or figure:)` });
      }
    }
  });
export type KpiInput = z.output<typeof kpiSchema>;

export const projectSchema = z
  .object({
    name: text,
    owner: text,
    status: z.enum(PROJECT_STATUSES),
    goal: text,
    kpis: z.array(kpiSchema).default([]),
    highlights: z.array(text).default([]),
    problems: z.array(text).default([]),
  })
  .strict();
export type ProjectInput = z.output<typeof projectSchema>;

export const roleSchema = z
  .object({
    role: text,
    headcount: inputNumber().int().min(0),
    /** Training hours of the whole role in the quarter. */
    trainingHours: inputNumber().min(0).default(0),
    /** People in the role holding at least one of the certifications the team counts. */
    certified: inputNumber().int().min(0).default(0),
    /** Customer-service agents: tickets per agent are counted over these roles. */
    service: z.boolean().default(false),
  })
  .strict()
  .refine((r) => r.certified <= r.headcount, { message: 'certified cannot exceed headcount', path: ['certified'] });
export type RoleInput = z.output<typeof roleSchema>;

export const certificationSchema = z.object({ name: text, holders: inputNumber().int().min(0) }).strict();

export const initiativeSchema = z
  .object({ name: text, owner: text.optional(), description: text })
  .strict();

/** A quarter's team, as the previous quarter's block repeats it for QoQ. */
const teamCore = {
  roles: z.array(roleSchema).min(1),
  certifications: z.array(certificationSchema).default([]),
};

export const previousTeamSchema = z.object({ quarter: z.string().optional(), ...teamCore }).strict();

export const teamSchema = z
  .object({
    ...teamCore,
    initiatives: z.array(initiativeSchema).default([]),
    /** Last quarter's team (roles, training, certifications), for QoQ. */
    previous: previousTeamSchema.optional(),
  })
  .strict();
export type TeamInput = z.output<typeof teamSchema>;
export type PreviousTeamInput = z.output<typeof previousTeamSchema>;

export const directionSchema = z.object({ title: text, detail: text.optional() }).strict();
export const resourceSchema = z
  .object({
    item: text,
    detail: text.optional(),
    /** Budget in the report currency's major unit. */
    budget: inputNumber().min(0).optional(),
  })
  .strict();
export const riskSchema = z
  .object({
    risk: text,
    impact: z.enum(['high', 'medium', 'low']).default('medium'),
    mitigation: text,
    owner: text.optional(),
  })
  .strict();

export const planSchema = z
  .object({
    directions: z.array(directionSchema).default([]),
    resources: z.array(resourceSchema).default([]),
    risks: z.array(riskSchema).default([]),
  })
  .strict();
export type PlanInput = z.output<typeof planSchema>;

export const narrativeSchema = z
  .object({
    /** The quarter this narrative is written for (e.g. 2026Q3); checked against --quarter. */
    quarter: z.string().optional(),
    projects: z.array(projectSchema).default([]),
    team: teamSchema.optional(),
    plan: planSchema.default({ directions: [], resources: [], risks: [] }),
  })
  .strict();

export type NarrativeInput = z.input<typeof narrativeSchema>;
export type Narrative = z.output<typeof narrativeSchema>;
