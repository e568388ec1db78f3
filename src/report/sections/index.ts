// Which slides each section shows, in order. Sections add their builders here.
import type { SectionId, SlideBuilder } from '../context.js';
import { overviewSlides } from './overview.js';
import { pendingSlide } from './pending.js';

export const SECTION_SLIDES: Record<SectionId, SlideBuilder[]> = {
  overview: [overviewSlides],
  core: [(ctx) => [pendingSlide(ctx, 'core')]],
  projects: [(ctx) => [pendingSlide(ctx, 'projects')]],
  diagnosis: [(ctx) => [pendingSlide(ctx, 'diagnosis')]],
  team: [(ctx) => [pendingSlide(ctx, 'team')]],
  plan: [(ctx) => [pendingSlide(ctx, 'plan')]],
};
