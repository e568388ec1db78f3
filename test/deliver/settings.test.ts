// SMTP settings from the environment, the retry rule, failure classes, recipients, and the
// delivery lines on stderr (colour only on a terminal without NO_COLOR).
import { describe, expect, it } from 'vitest';
import { deliveryLog } from '../../src/cli/commands/send.js';
import type { CommandContext } from '../../src/cli/context.js';
import { parseRecipients } from '../../src/deliver/deliver-report.js';
import { classifySmtpError } from '../../src/deliver/email.js';
import { DeliveryGaveUp, withRetry } from '../../src/deliver/retry.js';
import { DEFAULT_RETRY_DELAYS_MS, describeSmtp, readSmtpSettings, redactSecrets } from '../../src/deliver/smtp-settings.js';
import { UserError } from '../../src/errors.js';

function expectDeliveryError(fn: () => unknown, text: string): UserError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(3);
    expect(`${(err as UserError).message} — ${(err as UserError).hint}`).toContain(text);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}

describe('SMTP settings', () => {
  it('reads the URL form, with percent-encoded user and password, and smtps for implicit TLS', () => {
    const { settings } = readSmtpSettings({
      ECOM_REPORT_SMTP_URL: 'smtps://reports%40shop.cn:p%40ss%3Aw%2Frd@smtp.shop.cn',
      ECOM_REPORT_MAIL_FROM: 'Reports <reports@shop.cn>',
    });
    expect(settings).toMatchObject({
      host: 'smtp.shop.cn',
      port: 465,
      secure: true,
      auth: { user: 'reports@shop.cn', pass: 'p@ss:w/rd' },
      from: 'Reports <reports@shop.cn>',
      rejectUnauthorized: true,
      retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
    });
    expect(readSmtpSettings({ ECOM_REPORT_SMTP_URL: 'smtp://u%40x.cn:pw@mail.x.cn' }).settings).toMatchObject({ port: 587, secure: false, from: 'u@x.cn' });
  });

  it('reads the HOST form: port 587 with STARTTLS unless told otherwise; SECURE=true means 465', () => {
    const base = { ECOM_REPORT_SMTP_HOST: 'mail.x.cn', ECOM_REPORT_SMTP_USER: 'bot', ECOM_REPORT_SMTP_PASS: 'pw', ECOM_REPORT_MAIL_FROM: 'bot@x.cn' };
    expect(readSmtpSettings(base).settings).toMatchObject({ host: 'mail.x.cn', port: 587, secure: false, auth: { user: 'bot', pass: 'pw' } });
    expect(readSmtpSettings({ ...base, ECOM_REPORT_SMTP_SECURE: 'true' }).settings).toMatchObject({ port: 465, secure: true });
    expect(readSmtpSettings({ ...base, ECOM_REPORT_SMTP_PORT: '465' }).settings).toMatchObject({ port: 465, secure: true });
    expect(readSmtpSettings({ ...base, ECOM_REPORT_SMTP_PORT: '2525' }).settings).toMatchObject({ port: 2525, secure: false });
  });

  it('treats empty variables as unset (CI passes a missing secret as an empty string)', () => {
    expectDeliveryError(() => readSmtpSettings({ ECOM_REPORT_SMTP_URL: '', ECOM_REPORT_SMTP_HOST: ' ' }), 'no SMTP server is configured');
  });

  it('says what is wrong without echoing a password', () => {
    const e = expectDeliveryError(() => readSmtpSettings({ ECOM_REPORT_SMTP_URL: 'http://u:hunter2@x' }), "scheme 'http' is not smtp");
    expect(e.message + e.hint).not.toContain('hunter2');
    const bad = expectDeliveryError(() => readSmtpSettings({ ECOM_REPORT_SMTP_URL: 'smtp://u:hunter2@[bad' }), 'is not a valid URL');
    expect(bad.message + bad.hint).not.toContain('hunter2');
    expectDeliveryError(() => readSmtpSettings({ ECOM_REPORT_SMTP_HOST: 'x', ECOM_REPORT_SMTP_PORT: '70000', ECOM_REPORT_MAIL_FROM: 'a@b' }), "ECOM_REPORT_SMTP_PORT: '70000' is not a port number");
    expectDeliveryError(() => readSmtpSettings({ ECOM_REPORT_SMTP_HOST: 'x', ECOM_REPORT_SMTP_USER: 'bot', ECOM_REPORT_MAIL_FROM: 'a@b' }), 'ECOM_REPORT_SMTP_PASS is empty');
    expectDeliveryError(() => readSmtpSettings({ ECOM_REPORT_SMTP_HOST: 'x', ECOM_REPORT_SMTP_USER: 'bot', ECOM_REPORT_SMTP_PASS: 'p' }), 'ECOM_REPORT_MAIL_FROM is not set');
    expectDeliveryError(
      () => readSmtpSettings({ ECOM_REPORT_SMTP_HOST: 'x', ECOM_REPORT_MAIL_FROM: 'a@b', ECOM_REPORT_SMTP_RETRY_DELAYS_MS: '1s,2s' }),
      'is not a list of waits in milliseconds',
    );
  });

  it('warns when the URL overrides HOST variables, and when certificates are not checked', () => {
    const { warnings, settings } = readSmtpSettings({
      ECOM_REPORT_SMTP_URL: 'smtp://a%40b.cn:pw@h',
      ECOM_REPORT_SMTP_HOST: 'other',
      ECOM_REPORT_SMTP_TLS_REJECT_UNAUTHORIZED: '0',
      ECOM_REPORT_SMTP_RETRY_DELAYS_MS: 'none',
    });
    expect(settings.rejectUnauthorized).toBe(false);
    expect(settings.retryDelaysMs).toEqual([]);
    expect(warnings.join('\n')).toContain('ECOM_REPORT_SMTP_HOST ignored because ECOM_REPORT_SMTP_URL is set');
    expect(warnings.join('\n')).toContain('meant for test servers only');
  });

  it('describes the server without the password, and scrubs every spelling of it', () => {
    const { settings } = readSmtpSettings({ ECOM_REPORT_SMTP_URL: 'smtp://bot%40x.cn:s3cr%2Ft@mail.x.cn:2525' });
    expect(describeSmtp(settings)).toBe('mail.x.cn:2525 (STARTTLS, user bot@x.cn)');
    const plain = Buffer.from('\u0000bot@x.cn\u0000s3cr/t').toString('base64');
    const text = `pass s3cr/t url s3cr%2Ft login ${Buffer.from('s3cr/t').toString('base64')} plain ${plain}`;
    expect(redactSecrets(text, settings)).toBe('pass *** url *** login *** plain ***');
  });
});

describe('retries', () => {
  const transientOnce = () => {
    let calls = 0;
    return async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' });
      return calls;
    };
  };

  it('retries a transient failure after the first wait and returns the attempt count', async () => {
    const waits: number[] = [];
    const result = await withRetry(transientOnce(), { delaysMs: [50, 60], classify: classifySmtpError, sleep: async (ms) => void waits.push(ms) });
    expect(result).toEqual({ value: 2, attempts: 2 });
    expect(waits).toEqual([50]);
  });

  it('stops after the last wait: attempts = retries + 1', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = async () => {
      calls++;
      throw Object.assign(new Error('451 later'), { responseCode: 451 });
    };
    const err = await withRetry(failing, { delaysMs: [1, 2, 3], classify: classifySmtpError, sleep: async (ms) => void waits.push(ms) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryGaveUp);
    expect((err as DeliveryGaveUp).attempts).toBe(4);
    expect((err as DeliveryGaveUp).kind).toBe('transient');
    expect(calls).toBe(4);
    expect(waits).toEqual([1, 2, 3]);
  });

  it('never retries a permanent failure', async () => {
    let calls = 0;
    const refused = async () => {
      calls++;
      throw Object.assign(new Error('Invalid login'), { code: 'EAUTH', responseCode: 535 });
    };
    const err = (await withRetry(refused, { delaysMs: [1, 1], classify: classifySmtpError, sleep: async () => {} }).catch((e: unknown) => e)) as DeliveryGaveUp;
    expect(err.kind).toBe('permanent');
    expect(calls).toBe(1);
  });

  it('classifies SMTP failures: 4xx and dropped connections transient; 5xx, login, certificate permanent', () => {
    const e = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields['message'] ?? 'x')), fields);
    expect(classifySmtpError(e({ responseCode: 421 }))).toBe('transient');
    expect(classifySmtpError(e({ responseCode: 450, code: 'EENVELOPE' }))).toBe('transient');
    expect(classifySmtpError(e({ code: 'ECONNECTION' }))).toBe('transient');
    expect(classifySmtpError(e({ code: 'ETIMEDOUT' }))).toBe('transient');
    expect(classifySmtpError(e({ code: 'EDNS', message: 'getaddrinfo EAI_AGAIN smtp.x' }))).toBe('transient');
    expect(classifySmtpError(e({ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.x' }))).toBe('permanent');
    expect(classifySmtpError(e({ responseCode: 550, code: 'EENVELOPE' }))).toBe('permanent');
    expect(classifySmtpError(e({ responseCode: 535, code: 'EAUTH' }))).toBe('permanent');
    expect(classifySmtpError(e({ code: 'ESOCKET', message: 'self-signed certificate' }))).toBe('permanent');
  });
});

describe('recipients', () => {
  it('splits commas and repeated flags, drops duplicates', () => {
    expect(parseRecipients(['a@x.cn,b@y.cn', 'c@z.cn', 'a@x.cn'], '--email')).toEqual(['a@x.cn', 'b@y.cn', 'c@z.cn']);
    expect(parseRecipients([' a@x.cn ; b@y.cn '], '--to')).toEqual(['a@x.cn', 'b@y.cn']);
  });

  it('rejects what is not an address, as a usage error', () => {
    expect(() => parseRecipients(['a@x.cn,bob'], '--to')).toThrow("--to: 'bob' is not an e-mail address");
    expect(() => parseRecipients([','], '--to')).toThrow('--to names no address');
  });
});

describe('delivery lines on stderr', () => {
  const capture = (interactive: boolean, env: Record<string, string>) => {
    let err = '';
    const ctx: CommandContext = {
      cwd: '/',
      stdout: { write: () => {} },
      stderr: { write: (t) => void (err += t) },
      interactive,
      now: () => 0,
      env,
    };
    const log = deliveryLog(ctx);
    log('sent to a@x.cn', 'ok');
    log('retrying', 'warn');
    return err;
  };

  it('colours only on a terminal, and never with NO_COLOR', () => {
    expect(capture(true, {})).toContain('\x1b[32mecom-report: sent to a@x.cn\x1b[0m');
    expect(capture(true, { NO_COLOR: '1' })).toBe('ecom-report: sent to a@x.cn\necom-report: retrying\n');
    expect(capture(true, { TERM: 'dumb' })).not.toContain('\x1b[');
    expect(capture(false, {})).not.toContain('\x1b[');
  });
});
