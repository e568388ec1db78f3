// The core metrics' settings, read from the workspace's `thresholds:` record (which also holds
// the diagnosis rules' thresholds, so unknown keys are left alone). Every setting has a
// documented default; a bad value is a usage error naming `thresholds.<key>`.
import { z } from 'zod';
import { ExitCode, UserError } from '../errors.js';
import { describeIssues } from '../config/issues.js';
import { inputNumber } from '../config/input-number.js';

const positiveInt = inputNumber().int().positive();

export const metricsSettingsSchema = z
  .object({
    /** First-response service-level target in seconds. @default 60 */
    firstResponseSlaSeconds: inputNumber().positive().default(60),
    /** Minimum support (share of baskets holding both items) for a pair to be listed. @default 0.001 */
    pairMinSupport: inputNumber().gt(0).max(1).default(0.001),
    /** Minimum number of baskets holding both items for a pair to be listed. @default 5 */
    pairMinBaskets: positiveInt.default(5),
    /**
     * Price bands as ascending lower bounds in major units (元, dollars) of every band after the
     * first, e.g. [100, 300, 800] → <100, 100–300, 300–800, ≥800; the top band is the last.
     * @default quartiles of the quarter's unit prices
     */
    priceBands: z
      .array(inputNumber().positive())
      .min(1)
      .refine((xs) => xs.every((x, i) => i === 0 || x > xs[i - 1]!), 'expected ascending bounds like [100, 300, 800]')
      .nullable()
      .default(null),
    /** Dormant buyers: last order this many days before the period end, at least … @default 90 */
    dormantMinDays: positiveInt.default(90),
    /** … and at most. @default 180 */
    dormantMaxDays: positiveInt.default(180),
    /** Returning-buyer rate: bought within this many days before the period. @default 365 */
    returningLookbackDays: positiveInt.default(365),
  })
  .refine((s) => s.dormantMaxDays >= s.dormantMinDays, {
    message: 'dormantMaxDays must not be below dormantMinDays',
    path: ['dormantMaxDays'],
  });

export type MetricsSettings = z.output<typeof metricsSettingsSchema>;

export const SETTING_KEYS = [
  'firstResponseSlaSeconds',
  'pairMinSupport',
  'pairMinBaskets',
  'priceBands',
  'dormantMinDays',
  'dormantMaxDays',
  'returningLookbackDays',
] as const;

/** The defaults, as documented above. */
export const DEFAULT_SETTINGS: MetricsSettings = metricsSettingsSchema.parse({});

/**
 * Reads the settings this module owns out of `thresholds`. `where` names the config file in
 * error messages.
 */
export function readMetricsSettings(thresholds: Record<string, unknown>, where = 'ecom-report.yaml'): MetricsSettings {
  const own: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (thresholds[key] !== undefined) own[key] = thresholds[key];
  const parsed = metricsSettingsSchema.safeParse(own);
  if (parsed.success) return parsed.data;
  const lines = describeIssues(metricsSettingsSchema, parsed.error.issues, own).map((l) => `${where}: thresholds.${l}`);
  throw new UserError(lines.join('\n'), {
    exitCode: ExitCode.usage,
    // Each line of the message already starts with the file and path.
    hint:
      'docs/workspace.md lists every threshold; defaults: firstResponseSlaSeconds 60, pairMinSupport 0.001, pairMinBaskets 5, priceBands quartiles, ' +
      'dormantMinDays 90, dormantMaxDays 180, returningLookbackDays 365',
  });
}
