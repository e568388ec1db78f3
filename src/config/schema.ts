// The workspace config (`ecom-report.yaml`) as a zod schema. The keys are the user-facing
// contract from DESIGN.md: add to them, never rename.
import { z } from 'zod';
import { TABLE_NAMES } from '../canonical.js';
import { isValidTimeZone } from '../time/zone.js';
import { inputNumber } from './input-number.js';

export const PRESET_NAMES = [
  'tmall-orders',
  'jd-orders',
  'douyin-orders',
  'pdd-orders',
  'shopify-orders',
  'amazon-orders',
  'woocommerce-orders',
  'generic',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** A calendar day that exists: 2026-02-30 would otherwise roll over to March wherever it is used. */
function isCalendarDay(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const isoDay = z
  .unknown()
  .transform((v, ctx) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'string') return v;
    ctx.addIssue({ code: 'custom', message: v === undefined ? 'is required' : `expected a date like 2026-06-01, not ${v === null ? 'nothing' : JSON.stringify(v)}` });
    return z.NEVER;
  })
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-06-01')
      .refine(isCalendarDay, { error: (iss) => `'${String(iss.input)}' is not a day of the calendar` }),
  );

const timeZone = z.string().refine(isValidTimeZone, {
  error: (iss) => `'${String(iss.input)}' is not a known time zone; use an IANA name such as Asia/Shanghai or America/New_York`,
});

/** One glob or a list of them: `files: data/tmall.csv` is read as `files: [data/tmall.csv]`. */
const globs = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().min(1)).min(1));

/** A workbook's sheet: its name, or its place counting from 1. */
const sheet = z.union([z.string(), inputNumber().int().positive()], {
  error: 'expected a sheet name, or its place counting from 1 (1 for the first sheet)',
});

/**
 * A second file or sheet joined onto a source's rows by order id. `items`: one row per item of
 * an order (Tmall 宝贝报表), which splits the order into lines; `returns`: a list of order ids
 * (Superstore's Returns sheet) whose orders are refunded in full. Without `files:`, `sheet:`
 * names another sheet of the same workbook.
 */
export const joinSchema = z
  .object({
    kind: z.enum(['items', 'returns']),
    files: globs.optional(),
    sheet: sheet.optional(),
    encoding: z.enum(['auto', 'utf8', 'gb18030', 'utf16le', 'utf16be']).default('auto'),
    /** The key's header in both files, or in each; default the order id column of each. */
    on: z.union([z.string().min(1), z.object({ left: z.string().min(1), right: z.string().min(1) }).strict()]).optional(),
    columns: z.record(z.string(), z.string()).default({}),
  })
  .strict()
  .refine((j) => j.files !== undefined || j.sheet !== undefined, {
    message: 'a join needs files: (another export) or sheet: (another sheet of the same workbook)',
  });

export const sourceSchema = z
  .object({
    platform: z.string().min(1),
    preset: z.enum(PRESET_NAMES).default('generic'),
    table: z.enum(TABLE_NAMES).default('order_lines'),
    files: globs,
    sheet: sheet.optional(),
    encoding: z.enum(['auto', 'utf8', 'gb18030', 'utf16le', 'utf16be']).default('auto'),
    dateOrder: z.enum(['DMY', 'MDY']).optional(),
    amountsIn: z.enum(['major', 'minor']).default('major'),
    /** The currency of this source's amounts, when it is not the report currency (see `rates:`). */
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code like USD').optional(),
    timezone: timeZone.optional(),
    columns: z.record(z.string(), z.string()).default({}),
    /** One join or a list of them. */
    join: z
      .preprocess((v) => (v !== undefined && v !== null && !Array.isArray(v) ? [v] : v), z.array(joinSchema))
      .optional()
      .transform((v) => v ?? []),
    /** The export has no order number: each row is one order, numbered by file and row. */
    rowIsOrder: z.boolean().default(false),
  })
  .strict();

/** Text that is not blank (a company of spaces would show as nothing on the cover). */
const text = z.string().refine((v) => v.trim().length > 0, 'must not be blank');

/**
 * A campaign's name: text, or a whole number (`618` reads as "618"). A number such as 10.10
 * would read as "10.1", so it must be quoted.
 */
const campaignName = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && v.trim().length > 0) return v;
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 1e12) return String(v);
  ctx.addIssue({
    code: 'custom',
    message:
      typeof v === 'number'
        ? `write the name in quotes ("…"): as a number it reads ${String(v)}`
        : typeof v === 'string'
          ? 'must not be blank'
          : 'expected the name as text, e.g. "618"',
  });
  return z.NEVER;
});

/** Longest campaign, in days: longer is a mistyped year (a campaign is watched day by day). */
const CAMPAIGN_MAX_DAYS = 366;
const daysBetween = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 + 1;

export const campaignSchema = z
  .object({ name: campaignName, start: isoDay, end: isoDay })
  .strict()
  .refine((c) => c.start <= c.end, { path: ['end'], error: (iss) => `ends before it starts (${(iss.input as { start: string }).start})` })
  // (Days that are not days of the calendar are reported as such, not as a length.)
  .refine((c) => c.start > c.end || !(daysBetween(c.start, c.end) > CAMPAIGN_MAX_DAYS), {
    path: ['end'],
    error: (iss) => {
      const c = iss.input as { start: string; end: string };
      return `the campaign would last ${daysBetween(c.start, c.end).toLocaleString('en')} days (${c.start} … ${c.end}); a campaign lasts at most ${CAMPAIGN_MAX_DAYS} — check the years`;
    },
  });

/** The report date stamps the deck's files, whose zip dates hold the years 1980–2107. */
const reportDay = isoDay.refine((d) => d >= '1980-01-01' && d <= '2107-12-31', {
  error: (iss) => `'${String(iss.input)}' is outside 1980–2107, the years a deck's file dates can hold`,
});

export const workspaceSchema = z
  .object({
    company: text,
    presenter: text.optional(),
    reportDate: reportDay.optional(),
    locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO currency code like CNY').default('CNY'),
    rates: z.record(z.string(), inputNumber().positive()).default({}),
    timezone: timeZone.default('Asia/Shanghai'),
    fiscalYearStartMonth: inputNumber().int().min(1).max(12).default(1),
    template: z.string().default('default'),
    sources: z.array(sourceSchema).min(1),
    campaigns: z.array(campaignSchema).default([]),
    thresholds: z.record(z.string(), z.unknown()).default({}),
    targets: z.record(z.string(), z.unknown()).default({}),
    narrative: z.string().optional(),
  })
  .strict();

export type WorkspaceConfigInput = z.input<typeof workspaceSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type JoinConfig = z.output<typeof joinSchema>;
export type Campaign = z.output<typeof campaignSchema>;
/** The parsed config; paths are still as written (relative to the config file). */
export type WorkspaceConfig = z.output<typeof workspaceSchema>;
