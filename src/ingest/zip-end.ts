// Keeps exceljs's streaming reader from losing a workbook's last zip entry.
//
// exceljs reads the package through unzipper's `Parse` stream, one entry object at a time, and
// pauses it while it works on an entry. `Parse` announces 'end' by hand as soon as its input is
// written through, without waiting for the entries still queued on its readable side. When the
// last entries are small (Excel and exceljs both write xl/workbook.xml last, a few hundred bytes)
// the parser runs ahead to the end of the package while exceljs is busy, the premature 'end'
// arrives, and exceljs stops with the entry still queued: the sheet names are never read and the
// sheets parked for later fail with "Cannot read properties of undefined (reading 'sheets')".
// It depends on timing, so it shows up on a loaded machine.
//
// The guard lets that early 'end' through only when nothing is queued; otherwise it swallows it
// and ends the readable side, whose own 'end' follows once exceljs has taken every entry.
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

const GUARDED = Symbol.for('ecom-report.zip-end-guard');

interface ZipModule {
  Parse: ((options?: unknown) => Readable) & { [GUARDED]?: true };
}

/** Installs the guard on the unzipper that exceljs loads; safe to call more than once. */
export function guardZipEnd(): void {
  // Resolved from exceljs's own location so it is the very module instance exceljs uses.
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
  const unzipper = fromExceljs('unzipper') as ZipModule;
  if (unzipper.Parse[GUARDED]) return;
  const original = unzipper.Parse;
  // A plain function, as the original is: callable with or without `new`.
  const guarded = Object.assign(
    function Parse(options?: unknown): Readable {
      return holdEndForQueuedEntries(original(options));
    },
    { [GUARDED]: true as const },
  );
  unzipper.Parse = guarded;
}

/** Wraps one parse stream's `emit` so an 'end' with entries still queued waits for them. */
export function holdEndForQueuedEntries<S extends Readable>(stream: S): S {
  const emit = stream.emit.bind(stream) as (event: string | symbol, ...args: unknown[]) => boolean;
  stream.emit = ((event: string | symbol, ...args: unknown[]): boolean => {
    // A destroyed stream will not drain: its 'close' goes through.
    if ((event === 'end' || event === 'close') && !stream.readableEnded && !stream.destroyed && stream.readableLength > 0) {
      // The stream's own 'end' (and then 'close') comes once the queue is read empty.
      if (event === 'end') stream.push(null);
      return false;
    }
    return emit(event, ...args);
  }) as S['emit'];
  return stream;
}
