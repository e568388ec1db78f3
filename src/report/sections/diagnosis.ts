// Section 4, problem diagnosis: the findings as insight cards ranked by money at stake (each
// shows the number that triggered it, the evidence sentence and the action from the locale),
// then every rule with its status — fired, passed or not checked for lack of inputs.
import type { Fact, Finding, RuleResult } from '../../metrics/diagnosis/types.js';
import { money, platformName, type SectionContext, type SlideDef } from '../context.js';
import { formatGrowth } from '../format.js';
import type { ContentSlide, InsightCard, TableBlock } from '../model.js';
import { factText, pointsText, reviewNotes, turnoverText } from './review-common.js';

const DIAGNOSIS_TABLES = ['order_lines', 'traffic_daily', 'service_tickets', 'inventory_snapshots', 'purchase_orders'] as const;

type Style = 'growth' | 'points' | 'turnover';

/** How a rule's observed value reads: relative changes as "+x%", share losses in points. */
const OBSERVED_STYLE: Partial<Record<RuleResult['id'], Style>> = {
  inventoryTurnover: 'turnover',
  conversionDrop: 'growth',
  repurchaseDrop: 'growth',
  platformAov: 'growth',
  categoryShare: 'points',
};

function styled(ctx: SectionContext, fact: Fact, style: Style | undefined): string {
  if (style === 'growth') return formatGrowth(fact.value);
  if (style === 'turnover') return turnoverText(ctx, fact.value);
  if (style === 'points') return pointsText(ctx, fact.value);
  return factText(ctx, fact);
}

/** The size of a signed change, for sentences that say "down 5.0%". */
function size(ctx: SectionContext, fact: Fact, style: Style | undefined): string {
  if (style === 'growth') return formatGrowth(fact.value, true);
  if (style === 'points') return pointsText(ctx, fact.value, true);
  return styled(ctx, fact, style);
}

function subjectText(ctx: SectionContext, ruleId: RuleResult['id'], subject: string | null): string {
  if (subject === null) return '';
  if (subject === '(none)') {
    // Rows without the subject's column, named for what is missing: a supplier or a region.
    // (Category and refund-reason rules leave such rows out.)
    if (ruleId === 'supplierLeadTime') return ctx.s.t('diagnosis.unknownSupplier');
    return ctx.s.t('diagnosis.unknownSubject');
  }
  return ruleId === 'platformAov' ? platformName(subject, ctx.s) : subject;
}

function moneyText(ctx: SectionContext, minor: number | null): string {
  return minor === null ? ctx.s.t('diagnosis.moneyUnknown') : money(ctx, minor);
}

/** The evidence sentence of a finding, every placeholder filled from its numbers. */
export function evidenceSentence(ctx: SectionContext, f: Finding): string {
  const style = OBSERVED_STYLE[f.ruleId];
  const vars: Record<string, string> = {
    subject: subjectText(ctx, f.ruleId, f.subject),
    observed: styled(ctx, f.observed, style),
    threshold: styled(ctx, f.threshold, style),
    observedSize: size(ctx, f.observed, style),
    limit: size(ctx, f.threshold, style),
    money: moneyText(ctx, f.moneyAtStakeMinor),
  };
  for (const [name, fact] of Object.entries(f.facts)) vars[name] = name.endsWith('Growth') ? formatGrowth(fact.value) : factText(ctx, fact);
  return ctx.s.t(`diagnosis.rule.${f.ruleId}.evidence`, vars);
}

export function findingCard(ctx: SectionContext, f: Finding): InsightCard {
  const s = ctx.s;
  const rule = s.t(`diagnosis.rule.${f.ruleId}.name`);
  const subject = subjectText(ctx, f.ruleId, f.subject);
  return {
    type: 'insight',
    headline: s.t(subject ? 'diagnosis.findings.cardHeadlineSubject' : 'diagnosis.findings.cardHeadline', {
      rule,
      subject,
      severity: s.t(`diagnosis.severity.${f.severity}`),
    }),
    value: styled(ctx, f.observed, OBSERVED_STYLE[f.ruleId]),
    sentence: s.t('diagnosis.findings.cardSentence', {
      evidence: evidenceSentence(ctx, f),
      money: moneyText(ctx, f.moneyAtStakeMinor),
      action: s.t(`diagnosis.rule.${f.ruleId}.action`),
    }),
    tone: f.severity === 'low' ? 'neutral' : 'negative',
  };
}

function ruleNotes(ctx: SectionContext, rules: readonly RuleResult[]): string[] {
  const s = ctx.s;
  return rules.map((r) =>
    s.t('diagnosis.notes.rule', {
      rule: s.t(`diagnosis.rule.${r.id}.name`),
      id: r.id,
      reads: r.reads.join(', '),
      threshold: styled(ctx, r.threshold, OBSERVED_STYLE[r.id]),
      severity: s.t(`diagnosis.severity.${r.severity}`),
      formula: s.t(`diagnosis.rule.${r.id}.formula`),
    }),
  );
}

/** Fired / passed / not checked (with what is missing); a pass that depended on another figure says so. */
function statusText(ctx: SectionContext, r: RuleResult): string {
  const s = ctx.s;
  if (r.status === 'notChecked') return s.t('diagnosis.rules.missing', { inputs: r.missing.join(', ') });
  const note = `diagnosis.rule.${r.id}.passedNote`;
  if (r.status === 'passed' && Object.keys(r.context).length > 0 && s.has(note)) {
    const vars: Record<string, string> = {};
    for (const [name, fact] of Object.entries(r.context)) vars[name] = name.endsWith('Growth') ? formatGrowth(fact.value) : factText(ctx, fact);
    return s.t(note, vars);
  }
  return s.t(`diagnosis.rules.status.${r.status}`);
}

function findingsSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const d = ctx.m.diagnosis;
  const title = s.t('diagnosis.findings.title');
  const rules = d?.rules ?? [];
  const count = (status: RuleResult['status']) => rules.filter((r) => r.status === status).length;
  const findings = d?.findings ?? [];
  const total = d?.moneyAtStakeMinor ?? 0;
  const notes = [
    ...reviewNotes(ctx, title, [s.t('diagnosis.definitions.ranking'), s.t('diagnosis.definitions.money')], DIAGNOSIS_TABLES),
    ...findings.map((f, i) =>
      s.t('diagnosis.notes.finding', {
        rank: i + 1,
        rule: s.t(`diagnosis.rule.${f.ruleId}.name`),
        subject: subjectText(ctx, f.ruleId, f.subject) || '—',
        observed: styled(ctx, f.observed, OBSERVED_STYLE[f.ruleId]),
        threshold: styled(ctx, f.threshold, OBSERVED_STYLE[f.ruleId]),
        money: moneyText(ctx, f.moneyAtStakeMinor),
        formula: s.t(`diagnosis.rule.${f.ruleId}.formula`),
      }),
    ),
  ];
  if (findings.length === 0) {
    return {
      kind: 'content',
      id: 'diagnosis.findings',
      title,
      headline:
        rules.length === 0
          ? undefined
          : s.t(count('notChecked') > 0 ? 'diagnosis.findings.noneHeadline' : 'diagnosis.findings.noneHeadlineAllChecked', {
              checked: count('fired') + count('passed'),
              notChecked: count('notChecked'),
            }),
      layout: 'cards',
      components: [{ type: 'notice', text: s.t('diagnosis.findings.none') }],
      notes,
    };
  }
  return {
    kind: 'content',
    id: 'diagnosis.findings',
    title,
    headline: s.t(count('notChecked') > 0 ? 'diagnosis.findings.headline' : 'diagnosis.findings.headlineAllChecked', {
      fired: count('fired'),
      count: findings.length,
      money: money(ctx, total),
      notChecked: count('notChecked'),
    }),
    layout: 'cards',
    components: findings.map((f) => findingCard(ctx, f)),
    notes,
  };
}

function rulesSlide(ctx: SectionContext): ContentSlide {
  const s = ctx.s;
  const rules = ctx.m.diagnosis?.rules ?? [];
  const title = s.t('diagnosis.rules.title');
  const count = (status: RuleResult['status']) => rules.filter((r) => r.status === status).length;
  const table: TableBlock = {
    type: 'table',
    header: [
      s.t('diagnosis.rules.columns.rule'),
      s.t('diagnosis.rules.columns.status'),
      s.t('diagnosis.rules.columns.observed'),
      s.t('diagnosis.rules.columns.threshold'),
      s.t('diagnosis.rules.columns.findings'),
      s.t('diagnosis.rules.columns.money'),
    ],
    align: ['left', 'left', 'right', 'right', 'right', 'right'],
    columnWeights: [2.4, 2.6, 1.2, 1.2, 0.8, 1.2],
    rows: rules.map((r) => {
      const style = OBSERVED_STYLE[r.id];
      return [
        s.t(`diagnosis.rule.${r.id}.name`),
        statusText(ctx, r),
        r.observed === null ? s.t('review.cellNa') : styled(ctx, r.observed, style),
        styled(ctx, r.threshold, style),
        r.status === 'notChecked' ? s.t('review.cellNa') : String(r.findings.length),
        r.status === 'fired' ? moneyText(ctx, r.moneyAtStakeMinor) : s.t('review.cellNa'),
      ];
    }),
    tones: rules.map((r) => [null, r.status === 'fired' ? 'negative' : r.status === 'passed' ? 'positive' : 'neutral', null, null, null, null]),
  };
  return {
    kind: 'content',
    id: 'diagnosis.rules',
    title,
    headline:
      rules.length === 0
        ? undefined
        : s.t(count('notChecked') > 0 ? 'diagnosis.rules.headline' : 'diagnosis.rules.headlineAllChecked', {
            count: rules.length,
            fired: count('fired'),
            passed: count('passed'),
            notChecked: count('notChecked'),
          }),
    layout: 'table',
    components: rules.length > 0 ? [table] : [{ type: 'notice', text: s.t('diagnosis.rules.none') }],
    notes: [
      ...reviewNotes(
        ctx,
        title,
        ['status', 'turnover', 'slowMoving', 'topSellerStockOut', 'lateDelivery', 'leadTime', 'categoryShare'].map((k) => s.t(`diagnosis.definitions.${k}`)),
        DIAGNOSIS_TABLES,
      ),
      ...ruleNotes(ctx, rules),
      ...rules.filter((r) => r.status === 'notChecked').map((r) => s.t('diagnosis.notes.notChecked', { rule: s.t(`diagnosis.rule.${r.id}.name`), inputs: r.missing.join(', ') })),
    ],
  };
}

export const DIAGNOSIS_SLIDES: SlideDef[] = [
  { id: 'diagnosis.findings', build: (ctx) => [findingsSlide(ctx)] },
  { id: 'diagnosis.rules', build: (ctx) => [rulesSlide(ctx)] },
];
