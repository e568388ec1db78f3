// vitest globalSetup: each test run keeps its temporary files — workspaces, decks, the sheets
// exceljs parks while it streams a workbook, LibreOffice's profiles — under one folder of its
// own, removed when the run ends, so runs leave nothing behind in the system's temp folder.
// os.tmpdir() reads TMPDIR on every call, and the test workers and the processes they start
// inherit it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'ecom-report-test-run-'));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
