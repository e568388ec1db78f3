// Which slides each section shows, in order, by id. Sections add their slide definitions here.
import type { SectionId, SlideDef } from '../context.js';
import { OVERVIEW_SLIDES } from './overview.js';
import { pendingSlide } from './pending.js';
import { DIAGNOSIS_SLIDES } from './diagnosis.js';
import { PLAN_SLIDES } from './plan.js';
import { PROJECT_SLIDES } from './projects.js';
import { TEAM_SLIDES } from './team.js';
import { CORE_SLIDES, OVERVIEW_EXTRA_SLIDES } from './core.js';
import { DEFINITIONS_SLIDE } from './definitions.js';

const pending = (id: Exclude<SectionId, 'overview'>): SlideDef => ({ id: `${id}.inputs`, build: (ctx) => [pendingSlide(ctx, id)] });

export const SECTION_SLIDES: Record<SectionId, SlideDef[]> = {
  overview: [...OVERVIEW_SLIDES, ...OVERVIEW_EXTRA_SLIDES],
  core: CORE_SLIDES,
  projects: PROJECT_SLIDES,
  diagnosis: DIAGNOSIS_SLIDES,
  team: TEAM_SLIDES,
  // The Definitions appendix closes the deck for now; the template's deck.yaml will place it.
  plan: [...PLAN_SLIDES, DEFINITIONS_SLIDE],
};
