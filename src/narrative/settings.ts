// Validates the workspace's `thresholds:` and `targets:` blocks (free-form in the workspace
// schema) against their own schemas, so a typo reads
// `ecom-report.yaml: thresholds.slowMoving.dayz: unknown key 'dayz' (did you mean 'days'?)`.
import type { z } from 'zod';
import { describeIssues } from '../config/issues.js';
import { nearest } from '../config/suggest.js';
import { ExitCode, UserError } from '../errors.js';
import { thresholdsSchema, type Thresholds } from '../metrics/diagnosis/thresholds.js';
import { targetsSchema, type Targets } from '../metrics/plan.js';

export interface ReportSettings {
  thresholds: Thresholds;
  targets: Targets;
}

/**
 * `otherThresholdKeys`: keys of `thresholds:` that other readers own (the core metrics'
 * settings); the caller leaves them out, and a misspelt key may be near one of them.
 */
export function parseReportSettings(
  config: { thresholds: unknown; targets: unknown },
  display: string,
  otherThresholdKeys: readonly string[] = [],
): ReportSettings {
  const lines: string[] = [];
  const check = <S extends z.ZodType>(schema: S, value: unknown, key: string, otherKeys: readonly string[] = []): z.output<S> | undefined => {
    const parsed = schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const topLevelUnknown = parsed.error.issues.filter((i) => i.code === 'unrecognized_keys' && i.path.length === 0);
    const rest = parsed.error.issues.filter((i) => !topLevelUnknown.includes(i));
    const known = [...Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {}), ...otherKeys];
    for (const issue of topLevelUnknown) {
      for (const k of issue.code === 'unrecognized_keys' ? issue.keys : []) {
        const guess = nearest(k, known);
        lines.push(`${display}: ${key}.${k}: unknown key '${k}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
      }
    }
    for (const line of describeIssues(schema, rest, value)) {
      lines.push(`${display}: ${key}${line.startsWith('(top level)') ? line.slice('(top level)'.length) : line.startsWith('[') ? line : `.${line}`}`);
    }
    return undefined;
  };
  const thresholds = check(thresholdsSchema, config.thresholds, 'thresholds', otherThresholdKeys);
  const targets = check(targetsSchema, config.targets, 'targets');
  if (lines.length > 0 || !thresholds || !targets) {
    throw new UserError(lines.join('\n'), {
      exitCode: ExitCode.usage,
      hint: 'docs/workspace.md lists every threshold and target with its default',
    });
  }
  return { thresholds, targets };
}
