// The report e-mail: composed from the deck model (so every number in it is a number on a
// slide), with the headline KPIs, the key charts inline, a plain-text alternative and the deck
// attached; sent through SMTP with nodemailer, retrying transient failures a bounded number of times.
import path from 'node:path';
import nodemailer from 'nodemailer';
import { ExitCode, UserError } from '../errors.js';
import type { CoverSlide, Deck, KpiCard } from '../report/model.js';
import type { Strings } from '../report/strings.js';
import type { Theme } from '../template/schema.js';
import type { RenderedChart } from './charts.js';
import { DeliveryGaveUp, withRetry, type FailureKind } from './retry.js';
import { SMTP_ENV, describeSmtp, redactSecrets, type SmtpSettings } from './smtp-settings.js';

export interface MailAttachment {
  path: string;
  contentType: string;
}

export const CONTENT_TYPES = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
} as const;

export interface ReportMessage {
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; path?: string; content?: Buffer; contentType: string; cid?: string }[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The KPI cards of the overview's KPI slide (or of the first slide that has any). */
export function headlineKpis(deck: Deck): { cards: KpiCard[]; headline: string | undefined } {
  const content = deck.slides.filter((s) => s.kind === 'content');
  const slide = content.find((s) => s.id === 'overview.kpis') ?? content.find((s) => s.components.some((c) => c.type === 'kpi'));
  if (!slide) return { cards: [], headline: undefined };
  return { cards: slide.components.filter((c): c is KpiCard => c.type === 'kpi'), headline: slide.headline };
}

export interface ComposeInput {
  deck: Deck;
  theme: Theme;
  words: Strings;
  charts: RenderedChart[];
  attachments: MailAttachment[];
}

export function composeReportMessage(input: ComposeInput): ReportMessage {
  const { deck, theme, words: w } = input;
  const cover = deck.slides.find((s): s is CoverSlide => s.kind === 'cover');
  const quarter = cover?.quarter ?? '';
  const { cards, headline } = headlineKpis(deck);
  const c = theme.colors;
  const intro = w.t('email.intro', { company: deck.company, quarter });
  const files = input.attachments.map((a) => path.basename(a.path));
  const deltaColour = (good: boolean | null) => `#${good === null ? c.neutral : good ? c.positive : c.negative}`;
  const arrow = (d: KpiCard['deltas'][number]) => (d.direction === 'up' ? '▲ ' : d.direction === 'down' ? '▼ ' : '');
  // The comparison columns are named by the cards' own delta labels (QoQ, YoY in the locale).
  const deltaLabels = cards[0]?.deltas.map((d) => d.label) ?? [];

  // Font names come from the theme file: keep them from closing the style attribute.
  const fontName = (name: string) => `'${name.replace(/['";<>&]/g, '')}'`;
  const font = `font-family:${fontName(theme.fonts.latin)},${fontName(theme.fonts.eastAsian)},'PingFang SC','Microsoft YaHei',sans-serif`;
  const th = `padding:8px 12px;border-bottom:2px solid #${c.primary};text-align:left;color:#${c.neutral};font-weight:normal;font-size:13px`;
  const td = `padding:10px 12px;border-bottom:1px solid #E5E7EB;font-size:15px`;
  const kpiRows = cards
    .map(
      (card) =>
        `<tr><td style="${td};color:#${c.text}">${escapeHtml(card.label)}</td>` +
        `<td style="${td};color:#${c.primary};font-weight:bold;font-size:18px;text-align:right">${escapeHtml(card.value)}</td>` +
        card.deltas
          .map((d) => `<td style="${td};text-align:right;color:${deltaColour(d.good)}">${escapeHtml(arrow(d) + d.text)}</td>`)
          .join('') +
        '</tr>',
    )
    .join('\n');
  const kpiTable = cards.length
    ? `<h2 style="font-size:17px;color:#${c.primary};margin:24px 0 8px">${escapeHtml(w.t('email.kpiHeading'))}</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">
<tr><th style="${th}">${escapeHtml(w.t('email.figure'))}</th><th style="${th};text-align:right">${escapeHtml(w.t('email.value'))}</th>${deltaLabels
        .map((l) => `<th style="${th};text-align:right">${escapeHtml(l)}</th>`)
        .join('')}</tr>
${kpiRows}
</table>`
    : '';
  const charts = input.charts.length
    ? `<h2 style="font-size:17px;color:#${c.primary};margin:28px 0 8px">${escapeHtml(w.t('email.chartsHeading'))}</h2>\n` +
      input.charts
        .map(
          (ch) =>
            // Drawn at 1200 px and shown at most 640 px wide (the column's width): sharp on HiDPI screens.
            `<p style="margin:0 0 16px"><img src="cid:${ch.cid}" alt="${escapeHtml(ch.title)}" width="${Math.min(640, ch.width)}" ` +
            `style="display:block;width:100%;max-width:640px;height:auto;border:1px solid #E5E7EB;box-sizing:border-box"></p>` +
            (ch.caption ? `\n<p style="margin:-10px 0 16px;font-size:12px;line-height:1.5;color:#${c.neutral}">${escapeHtml(ch.caption)}</p>` : ''),
        )
        .join('\n')
    : '';
  const html = `<!DOCTYPE html>
<html lang="${escapeHtml(deck.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(deck.title)}</title></head>
<body style="margin:0;padding:0;background:#${c.surface}">
<div style="max-width:640px;margin:0 auto;padding:24px;background:#${c.background};${font};color:#${c.text}">
<div style="border-left:6px solid #${c.accent};padding:4px 0 4px 14px;margin-bottom:20px">
<div style="font-size:13px;color:#${c.neutral}">${escapeHtml(deck.company)} · ${escapeHtml(quarter)}</div>
<h1 style="font-size:22px;color:#${c.primary};margin:4px 0 0">${escapeHtml(cover?.title ?? deck.title)}</h1>
</div>
<p style="font-size:15px;line-height:1.6;margin:0 0 8px">${escapeHtml(intro)}</p>
${headline ? `<p style="font-size:16px;line-height:1.6;font-weight:bold;color:#${c.primary};margin:12px 0">${escapeHtml(headline)}</p>` : ''}
${kpiTable}
${charts}
<h2 style="font-size:17px;color:#${c.primary};margin:28px 0 8px">${escapeHtml(w.t('email.attachmentsHeading'))}</h2>
<ul style="margin:0;padding-left:20px;font-size:14px">${files.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>
<p style="font-size:12px;color:#${c.neutral};line-height:1.6;margin-top:28px;border-top:1px solid #E5E7EB;padding-top:12px">${escapeHtml(w.t('email.footer'))}</p>
</div>
</body></html>
`;

  const textLines = [deck.title, '', intro];
  if (headline) textLines.push('', headline);
  if (cards.length) {
    textLines.push('', w.t('email.kpiHeading'));
    for (const card of cards) {
      textLines.push(`- ${card.label}: ${card.value} (${card.deltas.map((d) => `${d.label} ${d.text}`).join(', ')})`);
    }
  }
  if (input.charts.length) {
    textLines.push('', `${w.t('email.chartsHeading')}: ${input.charts.map((ch) => ch.title).join(' · ')}`);
    for (const ch of input.charts) if (ch.caption) textLines.push(`- ${ch.title}: ${ch.caption}`);
  }
  textLines.push('', `${w.t('email.attachmentsHeading')}: ${files.join(', ')}`, '', w.t('email.footer'), '');

  return {
    subject: deck.title,
    html,
    text: textLines.join('\n'),
    attachments: [
      ...input.attachments.map((a) => ({ filename: path.basename(a.path), path: a.path, contentType: a.contentType })),
      ...input.charts.map((ch, i) => ({ filename: `chart-${i + 1}.png`, content: ch.png, contentType: 'image/png', cid: ch.cid })),
    ],
  };
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** A dropped connection or a 4xx reply may pass on a retry; a refused login or a 5xx will not. */
export function classifySmtpError(err: unknown): FailureKind {
  const e = err as SmtpError;
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500) return 'permanent';
    if (e.responseCode >= 400) return 'transient';
  }
  const message = e.message ?? '';
  if (/certificate|self[- ]signed|unable to verify/i.test(message)) return 'permanent';
  switch (e.code) {
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
    case 'EPROTOCOL':
      return 'transient';
    case 'EDNS':
      // A misspelt host does not appear on a retry; a resolver that is briefly down does.
      return /ENOTFOUND/.test(message) ? 'permanent' : 'transient';
    default:
      return 'permanent';
  }
}

/** What went wrong and what to check, in words for the person who configures the job. */
export function explainSmtpFailure(gaveUp: DeliveryGaveUp, settings: SmtpSettings): UserError {
  const e = gaveUp.lastError as SmtpError;
  const server = describeSmtp(settings);
  const reply = redactSecrets((e.response ?? e.message ?? String(gaveUp.lastError)).split('\n')[0]!.trim(), settings);
  const credentials = settings.source === SMTP_ENV.url ? SMTP_ENV.url : `${SMTP_ENV.user} and ${SMTP_ENV.pass}`;
  let message: string;
  let hint: string;
  if (gaveUp.kind === 'transient') {
    message = `the e-mail was not sent: ${server} failed ${gaveUp.attempts} time(s), last: ${reply}`;
    hint = `check that ${settings.host}:${settings.port} is reachable from this machine and accepts mail; retries wait ${settings.retryDelaysMs.join(', ') || 'nothing'} ms (${SMTP_ENV.retryDelays})`;
  } else if (e.code === 'EAUTH' || e.code === 'ENOAUTH' || e.responseCode === 535 || e.responseCode === 534) {
    message = `the SMTP server refused the login${settings.auth ? ` for user ${settings.auth.user}` : ''} at ${server}: ${reply}`;
    hint = `check ${credentials} (an app password may be needed where the account has two-step sign-in)`;
  } else if (/certificate|self[- ]signed|unable to verify/i.test(e.message ?? '')) {
    message = `the SMTP server's TLS certificate was not accepted (${server}): ${reply}`;
    hint = `check that the host name matches the certificate; a private CA can be trusted with NODE_EXTRA_CA_CERTS=ca.pem`;
  } else if (e.code === 'EREQUIRETLS' || e.code === 'ETLS' || /STARTTLS/i.test(reply)) {
    message = `no TLS connection to ${server}: ${reply}`;
    hint = `a login is only sent over TLS: use port 465 with ${SMTP_ENV.secure}=true (or smtps://), or a server that offers STARTTLS`;
  } else if (e.code === 'EENVELOPE' || e.command === 'RCPT TO' || e.command === 'MAIL FROM') {
    message = `the SMTP server refused the sender or a recipient (${server}): ${reply}`;
    hint = `check the addresses after --email/--to and ${SMTP_ENV.from} (the server may allow only its own sender addresses)`;
  } else if (e.code === 'EDNS') {
    message = `the SMTP host ${settings.host} was not found: ${reply}`;
    hint = `check the host name in ${settings.source}`;
  } else {
    message = `the SMTP server rejected the e-mail (${server}): ${reply}`;
    hint = 'check the reply above; a 552 means the attachments are larger than the server accepts';
  }
  return new UserError(message, { exitCode: ExitCode.delivery, hint });
}

export interface SendResult {
  messageId: string;
  accepted: string[];
  rejected: string[];
  attempts: number;
}

export interface SendOptions {
  /** Told before each retry, already free of secrets. */
  onRetry?: (text: string) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Socket timeouts; default 30 s to connect and greet, 60 s of silence. */
  timeoutsMs?: { connection: number; greeting: number; socket: number };
}

/** Sends the message; throws a UserError (exit 3) that says what to check when it cannot. */
export async function sendReportMessage(settings: SmtpSettings, to: string[], message: ReportMessage, options: SendOptions = {}): Promise<SendResult> {
  const t = options.timeoutsMs ?? { connection: 30_000, greeting: 30_000, socket: 60_000 };
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.auth ?? undefined,
    // A password never crosses the network in clear text: with a login, STARTTLS is required.
    requireTLS: !settings.secure && settings.auth !== null,
    tls: { rejectUnauthorized: settings.rejectUnauthorized },
    connectionTimeout: t.connection,
    greetingTimeout: t.greeting,
    socketTimeout: t.socket,
    logger: false,
    debug: false,
  });
  try {
    const { value: info, attempts } = await withRetry(
      () =>
        transport.sendMail({
          from: settings.from,
          to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments,
        }),
      {
        delaysMs: settings.retryDelaysMs,
        classify: classifySmtpError,
        sleep: options.sleep,
        onRetry: (err, attempt, delay) => {
          const e = err as SmtpError;
          const why = redactSecrets((e.response ?? e.message ?? String(err)).split('\n')[0]!, settings);
          options.onRetry?.(`e-mail attempt ${attempt} failed (${why}); retrying in ${formatWait(delay)}`);
        },
      },
    );
    const addr = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);
    return { messageId: info.messageId, accepted: info.accepted.map(addr), rejected: info.rejected.map(addr), attempts };
  } catch (err) {
    if (err instanceof DeliveryGaveUp) throw explainSmtpFailure(err, settings);
    throw err;
  } finally {
    transport.close();
  }
}

function formatWait(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}
