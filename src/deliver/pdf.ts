// The deck as PDF through LibreOffice (`soffice --headless --convert-to pdf`). Each conversion
// gets its own temporary LibreOffice profile: two runs sharing the default profile block or
// fail on its lock, which is exactly what parallel CI jobs do.
import { execFile } from 'node:child_process';
import { access, constants, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitCode, UserError } from '../errors.js';
import { writeAtomic } from './write.js';

export const SOFFICE_ENV = 'ECOM_REPORT_SOFFICE';

export const INSTALL_LIBREOFFICE_HINT =
  'install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-impress fonts-noto-cjk; ' +
  'Fedora: dnf install libreoffice-impress google-noto-sans-cjk-fonts; macOS: brew install --cask libreoffice; ' +
  `Windows: winget install TheDocumentFoundation.LibreOffice), or point ${SOFFICE_ENV} at its soffice program`;

/** Where LibreOffice installs itself off PATH: the macOS app, Windows' Program Files, the Linux tarball under /opt. */
const WELL_KNOWN: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ['/Applications/LibreOffice.app/Contents/MacOS/soffice'],
  win32: ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe'],
  linux: ['/opt/libreoffice/program/soffice'],
};

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The soffice program: ECOM_REPORT_SOFFICE, then PATH (soffice, libreoffice), then the usual install folders. */
export async function findSoffice(env: Record<string, string | undefined>): Promise<string | null> {
  const named = env[SOFFICE_ENV];
  if (named !== undefined && named !== '') {
    if (await isExecutable(named)) return named;
    throw new UserError(`${SOFFICE_ENV}: '${named}' is not an executable file`, {
      exitCode: ExitCode.delivery,
      hint: `point ${SOFFICE_ENV} at LibreOffice's soffice program, or unset it to search PATH`,
    });
  }
  const exts = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const dir of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      for (const ext of exts) {
        const candidate = path.join(dir, name + ext);
        if (await isExecutable(candidate)) return candidate;
      }
    }
  }
  for (const candidate of WELL_KNOWN[process.platform] ?? []) if (await isExecutable(candidate)) return candidate;
  return null;
}

export function noLibreOffice(): UserError {
  return new UserError('--pdf needs LibreOffice, which was not found', { exitCode: ExitCode.delivery, hint: INSTALL_LIBREOFFICE_HINT });
}

export interface PdfOptions {
  soffice: string;
  /** Where the PDF goes; default: beside the deck with the extension .pdf. */
  target?: string;
  /** LibreOffice can hang on a broken file; it is stopped after this long. Default 5 minutes. */
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
}

/** Converts the deck and writes the PDF atomically; returns the PDF's path. */
export async function convertDeckToPdf(deckPath: string, options: PdfOptions): Promise<string> {
  const target = options.target ?? deckPath.replace(/\.pptx$/i, '') + '.pdf';
  const work = await mkdtemp(path.join(tmpdir(), 'ecom-report-pdf-'));
  try {
    const profile = path.join(work, 'profile');
    const outDir = path.join(work, 'out');
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      path.resolve(deckPath),
    ];
    const { failure, output } = await runSoffice(options.soffice, args, options.timeoutMs ?? 300_000, options.env);
    const produced = path.join(outDir, `${path.basename(deckPath).replace(/\.[^.]*$/, '')}.pdf`);
    let pdf: Buffer;
    try {
      pdf = await readFile(produced);
    } catch {
      const detail = (failure ?? output).trim().split('\n').slice(-3).join(' / ');
      throw new UserError(`LibreOffice did not convert ${deckPath} to PDF${detail ? `: ${detail}` : ''}`, {
        exitCode: ExitCode.delivery,
        hint: 'open the deck in LibreOffice Impress to see whether it loads; check free disk space in the temp folder',
      });
    }
    await writeAtomic(target, pdf);
    return target;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function runSoffice(
  soffice: string,
  args: string[],
  timeoutMs: number,
  env: Record<string, string | undefined> | undefined,
): Promise<{ failure: string | null; output: string }> {
  return new Promise((resolve) => {
    execFile(soffice, args, { timeout: timeoutMs, killSignal: 'SIGKILL', env: env ?? process.env, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (!err) return resolve({ failure: null, output });
      const timedOut = (err as { killed?: boolean }).killed === true;
      resolve({ failure: timedOut ? `stopped after ${Math.round(timeoutMs / 1000)} s` : `${err.message}\n${stderr}`, output });
    });
  });
}
