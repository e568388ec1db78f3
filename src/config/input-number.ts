// Numbers typed into the workspace config or the narrative: finite, and within what any figure
// of a report can be (a trillion either way), so that a slip such as 1e308 is an error naming
// its key rather than "Infinity" or "1e+291" on a slide.
import { z } from 'zod';

export const INPUT_MAX = 1e12;
const TOO_LARGE = 'too large for a figure of a report (at most 1,000,000,000,000 either way)';

/** A number for a schema; chain .int(), .min() … as with z.number(). */
export function inputNumber() {
  return z.number().min(-INPUT_MAX, TOO_LARGE).max(INPUT_MAX, TOO_LARGE);
}
