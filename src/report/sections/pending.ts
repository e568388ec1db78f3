// The slide a section shows while it has no figures of its own yet: which inputs it reads and
// whether the workspace provides them. It states facts about the inputs, never a figure.
import type { TableName } from '../../canonical.js';
import { periodNote, type SectionContext, type SectionId } from '../context.js';
import { formatCount } from '../format.js';
import type { ContentSlide } from '../model.js';

/** The canonical tables each later section reads (DESIGN.md, "The six sections"). */
export const SECTION_INPUTS: Record<Exclude<SectionId, 'overview'>, TableName[]> = {
  core: ['order_lines', 'traffic_daily', 'service_tickets', 'reviews'],
  projects: ['order_lines', 'traffic_daily', 'service_tickets', 'inventory_snapshots'],
  diagnosis: ['order_lines', 'traffic_daily', 'service_tickets', 'inventory_snapshots', 'purchase_orders'],
  team: ['order_lines', 'service_tickets'],
  plan: ['order_lines', 'inventory_snapshots', 'purchase_orders'],
};

export function pendingSlide(ctx: SectionContext, id: Exclude<SectionId, 'overview'>): ContentSlide {
  const s = ctx.s;
  const section = s.t(`sections.${id}.title`);
  const lines: string[] = [s.t('slides.pending.intro')];
  for (const table of SECTION_INPUTS[id]) {
    const present = ctx.input.inputs[table];
    const tableName = s.t(`tables.${table}`);
    lines.push(
      present && present.files > 0
        ? s.t('slides.pending.present', { table: tableName, files: present.files, rows: formatCount(present.rows, ctx.locale) })
        : s.t('slides.pending.absent', { table: tableName }),
    );
  }
  if (id !== 'core') {
    lines.push(
      ctx.input.narrativeFile ? s.t('slides.pending.narrative', { file: ctx.input.narrativeFile }) : s.t('slides.pending.narrativeAbsent'),
    );
  }
  return {
    kind: 'content',
    id: `${id}.inputs`,
    title: s.t('slides.pending.title', { section }),
    layout: 'text',
    components: [{ type: 'text', style: 'bullets', paragraphs: lines }],
    notes: [s.t('notes.shows', { what: s.t('slides.pending.title', { section }) }), periodNote(ctx)],
  };
}
