// Writes output files atomically: a temp file beside the target, then a rename, so a failed
// or interrupted build never leaves a half-written deck where the old one was.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, UserError } from '../errors.js';

/** `flag` names the option the path came from, for the hint. */
export async function writeAtomic(target: string, data: string | Uint8Array, flag = '--out'): Promise<void> {
  const dir = path.dirname(target);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create folder ${dir}: ${(err as Error).message}`, {
      exitCode: ExitCode.delivery,
      hint: `choose another ${flag} path`,
    });
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw new UserError(`cannot write ${target}: ${(err as Error).message}`, {
      exitCode: ExitCode.delivery,
      hint: 'check that the folder is writable and the file is not open in another program',
    });
  }
}
