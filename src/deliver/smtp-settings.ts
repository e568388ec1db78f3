// SMTP settings for e-mailing the deck, read from the environment only (never from the
// workspace file, which is usually committed). The password is kept out of every description.
import { ExitCode, UserError } from '../errors.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (usually port 465); otherwise STARTTLS when offered. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
  /** The From header: an address, or `Name <address>`. */
  from: string;
  /** False only when ECOM_REPORT_SMTP_TLS_REJECT_UNAUTHORIZED=0 (for test servers). */
  rejectUnauthorized: boolean;
  /** Waits before each retry of a transient failure; its length is the number of retries. */
  retryDelaysMs: number[];
  /** Where the settings came from, for messages: `ECOM_REPORT_SMTP_URL` or `ECOM_REPORT_SMTP_HOST`. */
  source: 'ECOM_REPORT_SMTP_URL' | 'ECOM_REPORT_SMTP_HOST';
}

export const SMTP_ENV = {
  url: 'ECOM_REPORT_SMTP_URL',
  host: 'ECOM_REPORT_SMTP_HOST',
  port: 'ECOM_REPORT_SMTP_PORT',
  user: 'ECOM_REPORT_SMTP_USER',
  pass: 'ECOM_REPORT_SMTP_PASS',
  secure: 'ECOM_REPORT_SMTP_SECURE',
  from: 'ECOM_REPORT_MAIL_FROM',
  rejectUnauthorized: 'ECOM_REPORT_SMTP_TLS_REJECT_UNAUTHORIZED',
  retryDelays: 'ECOM_REPORT_SMTP_RETRY_DELAYS_MS',
} as const;

/** 2 s, 10 s, 30 s: long enough for a greylisting or restarting relay, short enough for CI. */
export const DEFAULT_RETRY_DELAYS_MS = [2_000, 10_000, 30_000];
const MAX_RETRIES = 10;

type Env = Record<string, string | undefined>;

/** A variable set to the empty string counts as unset: CI systems pass missing secrets as ''. */
function read(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v;
}

function settingsError(message: string, hint: string): UserError {
  return new UserError(message, { exitCode: ExitCode.delivery, hint });
}

function parseBool(name: string, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  throw settingsError(`${name}: '${text}' is not true or false`, `set ${name} to true or false`);
}

function parsePort(name: string, text: string): number {
  const port = Number(text.trim());
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw settingsError(`${name}: '${text}' is not a port number`, `set ${name} to a number such as 587 or 465`);
  }
  return port;
}

function parseDelays(text: string | undefined): number[] {
  if (text === undefined) return [...DEFAULT_RETRY_DELAYS_MS];
  const name = SMTP_ENV.retryDelays;
  if (text.trim() === 'none') return [];
  const delays = text.split(',').map((p) => Number(p.trim()));
  if (delays.some((d) => !Number.isInteger(d) || d < 0 || d > 600_000) || delays.length > MAX_RETRIES) {
    throw settingsError(
      `${name}: '${text}' is not a list of waits in milliseconds`,
      `write up to ${MAX_RETRIES} numbers such as 2000,10000,30000 (or none for no retries)`,
    );
  }
  return delays;
}

/** True when the settings the environment holds would let `--email` run (used for early checks). */
export function hasSmtpSettings(env: Env): boolean {
  return read(env, SMTP_ENV.url) !== undefined || read(env, SMTP_ENV.host) !== undefined;
}

/**
 * The SMTP settings from `ECOM_REPORT_SMTP_URL` (smtp://user:pass@host:587, smtps://… for
 * implicit TLS) or from `ECOM_REPORT_SMTP_HOST/PORT/USER/PASS/SECURE`, with `ECOM_REPORT_MAIL_FROM`.
 * When both forms are set, the URL wins and `warnings` says so.
 */
export function readSmtpSettings(env: Env): { settings: SmtpSettings; warnings: string[] } {
  const warnings: string[] = [];
  const url = read(env, SMTP_ENV.url);
  let host: string;
  let port: number;
  let secure: boolean;
  let auth: SmtpSettings['auth'] = null;
  let source: SmtpSettings['source'];
  if (url !== undefined) {
    source = SMTP_ENV.url;
    const parsed = parseSmtpUrl(url);
    ({ host, port, secure, auth } = parsed);
    const ignored = [SMTP_ENV.host, SMTP_ENV.port, SMTP_ENV.user, SMTP_ENV.pass, SMTP_ENV.secure].filter((n) => read(env, n) !== undefined);
    if (ignored.length > 0) warnings.push(`${ignored.join(', ')} ignored because ${SMTP_ENV.url} is set`);
  } else {
    const hostText = read(env, SMTP_ENV.host);
    if (hostText === undefined) {
      throw settingsError(
        'no SMTP server is configured, so the deck cannot be e-mailed',
        `set ${SMTP_ENV.url} (smtp://user:password@host:587) or ${SMTP_ENV.host} with ${SMTP_ENV.port}, ` +
          `${SMTP_ENV.user}, ${SMTP_ENV.pass}, and ${SMTP_ENV.from}`,
      );
    }
    source = SMTP_ENV.host;
    host = hostText.trim();
    const secureText = read(env, SMTP_ENV.secure);
    const portText = read(env, SMTP_ENV.port);
    port = portText !== undefined ? parsePort(SMTP_ENV.port, portText) : secureText !== undefined && parseBool(SMTP_ENV.secure, secureText) ? 465 : 587;
    // Port 465 speaks TLS from the first byte; every other port starts plain and upgrades.
    secure = secureText !== undefined ? parseBool(SMTP_ENV.secure, secureText) : port === 465;
    const user = read(env, SMTP_ENV.user);
    const pass = env[SMTP_ENV.pass];
    if (user !== undefined) {
      if (pass === undefined || pass === '') {
        throw settingsError(`${SMTP_ENV.user} is set but ${SMTP_ENV.pass} is empty`, `set ${SMTP_ENV.pass} to the SMTP password (from a secret store)`);
      }
      auth = { user, pass };
    } else if (pass !== undefined && pass !== '') {
      throw settingsError(`${SMTP_ENV.pass} is set but ${SMTP_ENV.user} is not`, `set ${SMTP_ENV.user} to the SMTP login name`);
    }
  }

  const fromText = read(env, SMTP_ENV.from);
  let from: string;
  if (fromText !== undefined) {
    if (!/@/.test(fromText)) {
      throw settingsError(`${SMTP_ENV.from}: '${fromText}' has no e-mail address`, 'write it as reports@example.com or "Reports <reports@example.com>"');
    }
    from = fromText.trim();
  } else if (auth && /^[^\s@]+@[^\s@]+$/.test(auth.user)) {
    from = auth.user;
  } else {
    throw settingsError(`${SMTP_ENV.from} is not set`, `set ${SMTP_ENV.from} to the sender address, e.g. reports@example.com`);
  }

  const rejectText = read(env, SMTP_ENV.rejectUnauthorized);
  const rejectUnauthorized = rejectText === undefined ? true : parseBool(SMTP_ENV.rejectUnauthorized, rejectText);
  if (!rejectUnauthorized) {
    warnings.push(`${SMTP_ENV.rejectUnauthorized}=0: the SMTP server's certificate is not checked (meant for test servers only)`);
  }

  return {
    settings: { host, port, secure, auth, from, rejectUnauthorized, retryDelaysMs: parseDelays(read(env, SMTP_ENV.retryDelays)), source },
    warnings,
  };
}

function parseSmtpUrl(text: string): Pick<SmtpSettings, 'host' | 'port' | 'secure' | 'auth'> {
  const name = SMTP_ENV.url;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    // The text may hold a password: never echo it.
    throw settingsError(`${name} is not a valid URL`, 'write it as smtp://user:password@host:587 or smtps://user:password@host:465 (percent-encode @ : / in the password)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw settingsError(`${name}: the scheme '${url.protocol.replace(/:$/, '')}' is not smtp or smtps`, 'write it as smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  if (url.hostname === '') throw settingsError(`${name} names no host`, 'write it as smtp://user:password@host:587');
  if (url.search !== '' || (url.pathname !== '' && url.pathname !== '/')) {
    throw settingsError(`${name} has a path or query, which is not used`, 'remove everything after host:port; set options with the ECOM_REPORT_SMTP_* variables');
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : parsePort(name, url.port);
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  if (user !== '' && pass === '') throw settingsError(`${name} names a user but no password`, 'write it as smtp://user:password@host:587');
  // IPv6 hosts come back bracketed from URL.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port, secure, auth: user === '' ? null : { user, pass } };
}

/** `smtp.example.com:587 (STARTTLS, user reports@example.com)` — never the password. */
export function describeSmtp(s: SmtpSettings): string {
  // Without a login STARTTLS is not required (email.ts sets requireTLS only with one), so it is
  // used when the server offers it and the message goes in plain text when it does not.
  const tls = s.secure ? 'TLS' : s.auth ? 'STARTTLS' : 'STARTTLS if offered';
  return `${s.host}:${s.port} (${tls}${s.auth ? `, user ${s.auth.user}` : ', no login'})`;
}

/**
 * Removes every spelling of the password a message could carry (plain, percent-encoded, and
 * base64 as AUTH PLAIN/LOGIN send it) before the message is printed or put into JSON.
 */
export function redactSecrets(text: string, s: Pick<SmtpSettings, 'auth'> | null | undefined): string {
  if (!s?.auth || s.auth.pass === '') return text;
  const { user, pass } = s.auth;
  const spellings = new Set([
    pass,
    encodeURIComponent(pass),
    Buffer.from(pass).toString('base64'),
    Buffer.from(`\u0000${user}\u0000${pass}`).toString('base64'),
  ]);
  let out = text;
  for (const secret of [...spellings].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out;
}
