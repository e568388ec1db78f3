// The diagnosis contract: what a rule reads, what it found, and the figures it found it with.
// Findings carry raw numbers with units; the report formats them into the locale's evidence
// sentence (`diagnosis.rules.<id>.evidence`) and action.
import type { Unit } from '../figure.js';
import type { BreakdownRow } from '../overview.js';
import type { OperationsMetrics } from '../operations.js';
import type { Figure } from '../figure.js';
import type { RuleId, Severity, Thresholds } from './thresholds.js';

/** A number with its unit, as shown in an evidence sentence. */
export interface Fact {
  value: number;
  unit: Unit;
}

export interface Finding {
  ruleId: RuleId;
  /** What the finding is about when a rule checks many things: a region, supplier, category … */
  subject: string | null;
  severity: Severity;
  /** The number that triggered the rule, and the threshold it crossed. */
  observed: Fact;
  threshold: Fact;
  /** What the problem is worth in the quarter, by the rule's stated formula; null when an input
   * of the formula (not of the check) is unknown. */
  moneyAtStakeMinor: number | null;
  /** Further numbers for the evidence sentence, by placeholder name. */
  facts: Record<string, Fact>;
}

export type RuleStatus = 'fired' | 'passed' | 'notChecked';

export interface RuleResult {
  id: RuleId;
  /** Figure ids the rule reads. */
  reads: string[];
  status: RuleStatus;
  severity: Severity;
  /** Inputs that were absent or null (status notChecked). */
  missing: string[];
  /** The figure checked (for a rule over many subjects, the worst one) and the threshold. */
  observed: Fact | null;
  threshold: Fact;
  /** Further numbers the check depended on (e.g. visitors' growth for conversionDrop), so a
   * pass whose observed value is past the threshold can say why. */
  context: Record<string, Fact>;
  findings: Finding[];
  /** Σ money at stake of the findings whose money is known; null without such a finding. */
  moneyAtStakeMinor: number | null;
}

export interface DiagnosisMetrics {
  rules: RuleResult[];
  /** Every finding of every fired rule, ranked by money at stake. */
  findings: Finding[];
  /** Σ money at stake over the findings whose money is known. */
  moneyAtStakeMinor: number;
}

// --- The figures rules read: a typed view of the metrics document -------------------------

export interface RefundReasonRow {
  reason: string;
  amountMinor: number;
  lines: number;
  share: number;
  cumulativeShare: number;
}

export interface FirstResponseView {
  median?: Figure;
  p90?: Figure;
  slaSeconds?: number;
  withinSlaShare?: Figure;
}

export interface DiagnosisView {
  overview: {
    gmv?: Figure;
    orders?: Figure;
    buyers?: Figure;
    visitors?: Figure;
    byPlatform?: BreakdownRow[];
  };
  core: {
    conversion?: Figure;
    aov?: Figure;
    repurchaseRate?: Figure;
    refundReasons?: RefundReasonRow[];
    firstResponse?: FirstResponseView;
  };
  operations?: OperationsMetrics;
}

/** What a rule's check returns before the engine adds id, severity and status. */
export type RuleOutcome =
  | { checked: false; missing: string[] }
  | {
      checked: true;
      observed: Fact | null;
      threshold: Fact;
      context?: Record<string, Fact>;
      /** Each finding crosses the outcome's threshold unless it names its own. */
      findings: (Omit<Finding, 'ruleId' | 'severity' | 'threshold'> & { threshold?: Fact })[];
    };

export interface Rule {
  id: RuleId;
  reads: string[];
  /** The threshold as a fact, from the rule's settings, shown even when the rule is not checked. */
  threshold: (t: Thresholds) => Fact;
  check: (view: DiagnosisView, t: Thresholds) => RuleOutcome;
}
