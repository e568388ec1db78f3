// End-to-end check with a real office suite: LibreOffice converts each deck to PDF, and the
// PDF must have exactly one page per slide (a deck LibreOffice cannot open gives no PDF).
// Usage: tsx scripts/office-check.ts DECK.pptx [DECK.pptx …]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

async function slideCount(deck: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(deck));
  return Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
}

function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(m[1]);
}

let failed = false;
for (const deck of process.argv.slice(2)) {
  const work = mkdtempSync(path.join(tmpdir(), 'office-check-'));
  try {
    const profile = path.join(work, 'profile');
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, path.resolve(deck)],
      { stdio: 'ignore', timeout: 300_000 },
    );
    const pdf = path.join(work, `${path.basename(deck, '.pptx')}.pdf`);
    const slides = await slideCount(deck);
    const pages = pdfPages(pdf);
    const ok = slides === pages && slides > 0;
    console.log(`${ok ? 'ok' : 'FAIL'}: ${deck}: ${slides} slides, ${pages} PDF pages`);
    if (!ok) failed = true;
  } catch (err) {
    console.log(`FAIL: ${deck}: ${(err as Error).message}`);
    failed = true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
