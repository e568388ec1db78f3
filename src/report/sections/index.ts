// Which slides each section shows, in order, by id. Sections add their slide definitions here.
import type { SectionId, SlideDef } from '../context.js';
import { OVERVIEW_SLIDES } from './overview.js';
import { pendingSlide } from './pending.js';

const pending = (id: Exclude<SectionId, 'overview'>): SlideDef => ({ id: `${id}.inputs`, build: (ctx) => [pendingSlide(ctx, id)] });

export const SECTION_SLIDES: Record<SectionId, SlideDef[]> = {
  overview: OVERVIEW_SLIDES,
  core: [pending('core')],
  projects: [pending('projects')],
  diagnosis: [pending('diagnosis')],
  team: [pending('team')],
  plan: [pending('plan')],
};
