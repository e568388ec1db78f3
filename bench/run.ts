// `npm run bench`: runs every bench/*.bench.ts in turn, each in a process of its own, and stops
// at the first that fails. Leading names pick benchmarks (`npm run bench -- ingest metrics`);
// everything from the first option on goes to every benchmark (`npm run bench -- --runs 3`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((a) => a.startsWith('-'));
const only = firstOption < 0 ? argv : argv.slice(0, firstOption);
const extra = firstOption < 0 ? [] : argv.slice(firstOption);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
for (const file of files) {
  process.stdout.write(`\n# ${file}\n`);
  const r = spawnSync(process.execPath, [...process.execArgv, join(here, file), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`${file} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(r.status ?? 1);
  }
}
