// After the deck is written: the PDF (with --pdf) and the e-mail (with --email / send --to).
// `prepareDelivery` checks settings before any work is done, so a missing SMTP variable or a
// missing LibreOffice fails in a second instead of after the build.
import { ExitCode, UserError } from '../errors.js';
import type { Deck } from '../report/model.js';
import type { Strings } from '../report/strings.js';
import type { Theme } from '../template/schema.js';
import type { MailAttachment, SendResult } from './email.js';
import { findSoffice, noLibreOffice } from './pdf.js';
import { describeSmtp, readSmtpSettings, redactSecrets, type SmtpSettings } from './smtp-settings.js';

export type Tone = 'info' | 'ok' | 'warn' | 'fail';
export type DeliveryLog = (text: string, tone: Tone) => void;

export interface DeliveryPlan {
  pdf: { soffice: string } | null;
  email: { to: string[]; settings: SmtpSettings } | null;
  warnings: string[];
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

/** `--email a@x.com,b@y.com --email c@z.com` → three addresses; a malformed one is a usage error. */
export function parseRecipients(values: readonly string[], flag: string): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const part of v.split(/[,;]/)) {
      const address = part.trim();
      if (address === '') continue;
      if (!ADDRESS.test(address)) {
        throw new UserError(`${flag}: '${address}' is not an e-mail address`, {
          exitCode: ExitCode.usage,
          hint: `write addresses like a@example.com, separated by commas: ${flag} a@example.com,b@example.com`,
        });
      }
      if (!out.includes(address)) out.push(address);
    }
  }
  if (out.length === 0) throw new UserError(`${flag} names no address`, { exitCode: ExitCode.usage, hint: `${flag} a@example.com` });
  return out;
}

export async function prepareDelivery(
  request: { pdf?: boolean; to?: readonly string[]; toFlag: string },
  env: Record<string, string | undefined>,
): Promise<DeliveryPlan> {
  const warnings: string[] = [];
  let email: DeliveryPlan['email'] = null;
  if (request.to !== undefined) {
    const to = parseRecipients(request.to, request.toFlag);
    const read = readSmtpSettings(env);
    warnings.push(...read.warnings);
    email = { to, settings: read.settings };
  }
  let pdf: DeliveryPlan['pdf'] = null;
  if (request.pdf) {
    const soffice = await findSoffice(env);
    if (soffice === null) throw noLibreOffice();
    pdf = { soffice };
  }
  return { pdf, email, warnings };
}

export interface DeliveryOutcome {
  pdf: string | null;
  email: (SendResult & { to: string[]; server: string }) | null;
  warnings: string[];
  /** Set when a step failed; the steps before it still count (the PDF may exist). */
  failure: UserError | null;
  timingsMs: { pdf?: number; charts?: number; email?: number };
}

export interface DeliverInput {
  plan: DeliveryPlan;
  deckPath: string;
  deck: Deck;
  theme: Theme;
  words: Strings;
  env: Record<string, string | undefined>;
  now: () => number;
  log: DeliveryLog;
  /** How a path is shown in messages (relative to the working folder); default as is. */
  show?: (file: string) => string;
  /** Injected in tests for fast retries. */
  sleep?: (ms: number) => Promise<void>;
}

export async function deliverReport(input: DeliverInput): Promise<DeliveryOutcome> {
  const { plan, log, now } = input;
  const show = input.show ?? ((file: string) => file);
  const outcome: DeliveryOutcome = { pdf: null, email: null, warnings: [...plan.warnings], failure: null, timingsMs: {} };
  for (const w of plan.warnings) log(w, 'warn');
  const settings = plan.email?.settings;
  try {
    if (plan.pdf) {
      const { convertDeckToPdf } = await import('./pdf.js');
      const t0 = now();
      log(`converting ${show(input.deckPath)} to PDF with LibreOffice`, 'info');
      outcome.pdf = await convertDeckToPdf(input.deckPath, { soffice: plan.pdf.soffice });
      outcome.timingsMs.pdf = now() - t0;
      log(`wrote ${show(outcome.pdf)}`, 'ok');
    }
    if (plan.email) {
      // The chart renderer (a native Skia binary) and the SMTP client load only when e-mail is asked for.
      const { renderKeyCharts } = await import('./charts.js');
      const { CONTENT_TYPES, composeReportMessage, sendReportMessage } = await import('./email.js');
      const t0 = now();
      const { charts, warnings } = renderKeyCharts(input.deck, input.theme, input.env);
      outcome.timingsMs.charts = now() - t0;
      for (const w of warnings) {
        outcome.warnings.push(w);
        log(w, 'warn');
      }
      const attachments: MailAttachment[] = [{ path: input.deckPath, contentType: CONTENT_TYPES.pptx }];
      if (outcome.pdf) attachments.push({ path: outcome.pdf, contentType: CONTENT_TYPES.pdf });
      const message = composeReportMessage({ deck: input.deck, theme: input.theme, words: input.words, charts, attachments });
      const server = describeSmtp(plan.email.settings);
      log(`e-mailing ${plan.email.to.join(', ')} through ${server}`, 'info');
      const t1 = now();
      const sent = await sendReportMessage(plan.email.settings, plan.email.to, message, {
        sleep: input.sleep,
        onRetry: (text) => log(text, 'warn'),
      });
      outcome.timingsMs.email = now() - t1;
      outcome.email = { ...sent, to: plan.email.to, server };
      log(`sent to ${sent.accepted.join(', ')}${sent.attempts > 1 ? ` after ${sent.attempts} attempts` : ''}`, 'ok');
      // Someone the report was meant for did not get it: a scheduled job must not turn green.
      if (sent.rejected.length > 0) {
        outcome.failure = new UserError(`the SMTP server refused ${sent.rejected.join(', ')} (${server}); ${sent.accepted.join(', ')} ${sent.accepted.length === 1 ? 'was' : 'were'} sent the report`, {
          exitCode: ExitCode.delivery,
          hint: 'check the refused addresses, then send the deck to them alone with `ecom-report send DECK --to ADDRESS`',
        });
      }
    }
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    // Any text from the server or the network is scrubbed of the password before it is shown.
    outcome.failure = settings
      ? new UserError(redactSecrets(err.message, settings), {
          exitCode: err.exitCode,
          hint: err.hint === undefined ? undefined : redactSecrets(err.hint, settings),
          location: err.location,
        })
      : err;
  }
  return outcome;
}

/** The outcome for `--json`: paths, who got the e-mail, warnings; nothing secret. */
export function deliveryJson(outcome: DeliveryOutcome | null) {
  if (!outcome) return { pdf: null, email: null };
  return {
    pdf: outcome.pdf,
    email: outcome.email
      ? {
          to: outcome.email.to,
          accepted: outcome.email.accepted,
          rejected: outcome.email.rejected,
          messageId: outcome.email.messageId,
          attempts: outcome.email.attempts,
          server: outcome.email.server,
        }
      : null,
  };
}
