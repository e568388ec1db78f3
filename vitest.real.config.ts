// `npm run test:real`: ingest the real exports in ../shared/realdata and compare with the
// figures its README gives. The folder lives beside the repository, never inside it.
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { REALDATA_DIR } from './test/real/realdata.js';

if (!existsSync(REALDATA_DIR)) {
  console.log(`skipped: ../shared/realdata not found (looked in ${REALDATA_DIR})`);
}

export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    // One temp folder per run, removed at its end (test/helpers/temp-root.ts).
    globalSetup: ['test/helpers/temp-root.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // An absent folder skips every test; that is a pass, not "no tests".
    passWithNoTests: true,
  },
});
