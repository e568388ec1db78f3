// Reads the figures the rules need out of a metrics document (or a literal fragment of one),
// checking each shape: a figure that is absent or malformed is simply missing, and the rule
// reading it reports "not checked".
import type { Figure } from '../figure.js';
import type { OperationsMetrics } from '../operations.js';
import type { BreakdownRow } from '../overview.js';
import { isFigure } from '../projects.js';
import type { DiagnosisView, FirstResponseView, RefundReasonRow } from './types.js';

type Loose = Record<string, unknown>;

const obj = (v: unknown): Loose | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : undefined);
const fig = (v: unknown): Figure | undefined => (isFigure(v) ? v : undefined);

function breakdown(v: unknown): BreakdownRow[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter((r): r is BreakdownRow => {
    const o = obj(r);
    return o !== undefined && typeof o['key'] === 'string' && isFigure(o['gmv']) && isFigure(o['orders']);
  });
}

function refundReasons(v: unknown): RefundReasonRow[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter((r): r is RefundReasonRow => {
    const o = obj(r);
    return o !== undefined && typeof o['reason'] === 'string' && typeof o['amountMinor'] === 'number' && typeof o['share'] === 'number';
  });
}

function firstResponse(v: unknown): FirstResponseView | undefined {
  const o = obj(v);
  if (!o) return undefined;
  return {
    median: fig(o['median']),
    p90: fig(o['p90']),
    slaSeconds: typeof o['slaSeconds'] === 'number' ? o['slaSeconds'] : undefined,
    withinSlaShare: fig(o['withinSlaShare']),
  };
}

/** The rules' view of `doc`; `operations` overrides the document's own when given. */
export function diagnosisView(doc: unknown, operations?: OperationsMetrics): DiagnosisView {
  const d = obj(doc) ?? {};
  const overview = obj(d['overview']) ?? {};
  const core = obj(d['core']) ?? {};
  return {
    overview: {
      gmv: fig(overview['gmv']),
      orders: fig(overview['orders']),
      buyers: fig(overview['buyers']),
      visitors: fig(overview['visitors']),
      byPlatform: breakdown(overview['byPlatform']),
    },
    core: {
      conversion: fig(core['conversion']),
      aov: fig(core['aov']),
      repurchaseRate: fig(core['repurchaseRate']),
      refundReasons: refundReasons(core['refundReasons']),
      firstResponse: firstResponse(core['firstResponse']),
    },
    operations: operations ?? (obj(d['operations']) as OperationsMetrics | undefined),
  };
}

/** Ids of the inputs that are absent, or figures without a value. */
export function missing(inputs: [string, unknown][]): string[] {
  return inputs.filter(([, v]) => v === undefined || v === null || (isFigure(v) && v.value === null)).map(([id]) => id);
}
