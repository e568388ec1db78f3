// The data-health slide: what the deck was built from. Rows read, kept and skipped (by reason)
// per file; the dates each platform's orders (and each side table) cover against the report
// quarter and its two comparison periods; and which inputs were not provided at all.
import { TABLE_NAMES, type TableName } from '../../canonical.js';
import { spanCoverage } from '../../ingest/coverage.js';
import { periodNote, platformName, sourceNote, type DataHealthFile, type SectionContext, type SlideDef } from '../context.js';
import { formatCount } from '../format.js';
import type { Component, ContentSlide, TableBlock } from '../model.js';

interface CoverageRow {
  /** Platform of order lines, or a side table. */
  label: string;
  first: string | null;
  last: string | null;
}

/** Order lines by platform, then each side table, with the span of dates they hold. */
export function coverageRows(ctx: SectionContext, files: readonly DataHealthFile[]): CoverageRow[] {
  const groups = new Map<string, CoverageRow>();
  const add = (key: string, label: string, f: DataHealthFile) => {
    const g = groups.get(key) ?? { label, first: null, last: null };
    if (f.firstDay !== null && (g.first === null || f.firstDay < g.first)) g.first = f.firstDay;
    if (f.lastDay !== null && (g.last === null || f.lastDay > g.last)) g.last = f.lastDay;
    groups.set(key, g);
  };
  for (const f of files) {
    if (f.table === 'order_lines') add(`o:${f.platform}`, platformName(f.platform, ctx.s), f);
  }
  for (const f of files) {
    if (f.table !== 'order_lines') add(`t:${f.table}`, ctx.s.t(`tables.${f.table}`), f);
  }
  return [...groups.values()];
}

function healthSlide(ctx: SectionContext): ContentSlide[] {
  const { s, m } = ctx;
  const health = ctx.input.dataHealth;
  if (!health) return [];
  const p = m.periods;
  const na = s.t('health.none');
  const sep = s.t('health.listSeparator');

  const fileTable: TableBlock = {
    type: 'table',
    header: [s.t('health.files.file'), s.t('health.files.platform'), s.t('health.files.table'), s.t('health.files.read'), s.t('health.files.kept'), s.t('health.files.skipped')],
    align: ['left', 'left', 'left', 'right', 'right', 'left'],
    rows: health.files.map((f) => {
      const skipped = Object.entries(f.skipped)
        .filter(([, n]) => n > 0)
        .map(([why, n]) => s.t('health.skip', { reason: s.has(`health.skipReasons.${why}`) ? s.t(`health.skipReasons.${why}`) : why, rows: formatCount(n, ctx.locale) }));
      return [
        f.file,
        f.platform === 'all' ? s.t('platforms.all') : platformName(f.platform, s),
        s.t(`tables.${f.table}`),
        formatCount(f.rowsRead, ctx.locale),
        formatCount(f.rowsKept, ctx.locale),
        skipped.length > 0 ? skipped.join(sep) : na,
      ];
    }),
    tones: health.files.map((f) => [null, null, null, null, null, f.skipped['invalid'] ? 'negative' : null]),
  };

  const coverage = coverageRows(ctx, health.files);
  const periods = [p.current, p.previous, p.yearAgo];
  const marks = coverage.map((row) => periods.map((period) => spanCoverage(row.first, row.last, period.start, period.end)));
  const coverageTable: TableBlock = {
    type: 'table',
    header: [s.t('health.coverage.source'), s.t('health.coverage.first'), s.t('health.coverage.last'), s.t('health.coverage.current'), s.t('health.coverage.previous'), s.t('health.coverage.yearAgo')],
    // Dates align right like numbers, so they keep their width and never wrap.
    align: ['left', 'right', 'right', 'left', 'left', 'left'],
    rows: coverage.map((row, i) => [row.label, row.first ?? na, row.last ?? na, ...marks[i]!.map((c) => s.t(`health.cover.${c}`))]),
    tones: marks.map((ms) => [null, null, null, ...ms.map((c, k) => (c === 'full' ? 'positive' : c === 'none' && k === 0 ? 'negative' : 'neutral'))]),
  };

  const provided = new Set(health.files.map((f) => f.table));
  const missing = TABLE_NAMES.filter((t: TableName) => !provided.has(t));
  const gaps = coverage.filter((_, i) => marks[i]![0] !== 'full').map((r) => r.label);
  const missingText = missing.length > 0 ? s.t('health.missingSome', { tables: missing.map((t) => s.t(`tables.${t}`)).join(sep) }) : s.t('health.missingNone');
  const headline =
    gaps.length === 0
      ? s.t('health.headline.ok', { missing: missingText })
      : s.t('health.headline.gaps', { sources: gaps.join(sep), missing: missingText });

  const components: Component[] = [fileTable, coverageTable];
  for (const t of missing) components.push({ type: 'notice', text: s.t('health.notice', { table: s.t(`tables.${t}`) }) });
  if (health.errors > 0 || health.warnings > 0) {
    components.push({ type: 'notice', text: s.t('health.problems') });
  }
  return [
    {
      kind: 'content',
      id: 'data.health',
      title: s.t('health.title'),
      headline,
      layout: 'table',
      components,
      notes: [
        s.t('notes.shows', { what: s.t('health.title') }),
        s.t('health.notes.rows'),
        s.t('health.notes.coverage'),
        periodNote(ctx),
        sourceNote(ctx, TABLE_NAMES),
      ],
    },
  ];
}

export const HEALTH_SLIDE: SlideDef = { id: 'data.health', build: healthSlide };
