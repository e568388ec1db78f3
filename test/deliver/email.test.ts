// The report e-mail through a real SMTP server on loopback (STARTTLS on a self-signed
// certificate, AUTH): what arrives, retries after a dropped connection or a 4xx, and a wrong
// password that stops at once with exit 3 and never shows the password.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/run-cli.js';
import { startTestSmtp, type TestSmtp } from './smtp-test-server.js';

const USER = 'reports@shop.test';
const PASS = 'pw-Zq7!xK9#tL:@/%';

const CONFIG = `company: 测试商店
timezone: Asia/Shanghai
sources:
  - platform: store
    preset: generic
    files: ["orders.csv"]
`;

// By hand: 2026Q3 GMV 100.00 + 50.50 = 150.50, refunds 10.00, 2 orders, 2 buyers;
// 2026Q2 GMV 100.00 (1 order, 1 buyer); 2025Q3 GMV 50.00 (1 order, 1 buyer).
// GMV QoQ 150.50/100 − 1 = +50.5%, YoY 150.50/50 − 1 = +201.0%;
// net sales 140.50: QoQ +40.5%, YoY +181.0%; orders and buyers 2 vs 1: +100.0% both ways.
const ORDERS = `order_id,line_id,paid_at,customer_id,category,paid_amount,status,refund_amount
1001,1,2026-07-02 10:00:00,c1,食品,100.00,completed,0
1002,1,2026-08-03 11:00:00,c2,美妆,50.50,completed,10.00
0901,1,2026-05-10 09:00:00,c1,食品,100.00,completed,0
0501,1,2025-08-01 09:00:00,c3,食品,50.00,completed,0
`;

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ecom-report-mail-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'ecom-report.yaml'), CONFIG);
  writeFileSync(path.join(dir, 'orders.csv'), ORDERS);
  return dir;
}

function smtpEnv(server: TestSmtp, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ECOM_REPORT_SMTP_HOST: '127.0.0.1',
    ECOM_REPORT_SMTP_PORT: String(server.port),
    ECOM_REPORT_SMTP_USER: USER,
    ECOM_REPORT_SMTP_PASS: PASS,
    ECOM_REPORT_MAIL_FROM: `测试商店 <${USER}>`,
    // The test server's certificate is self-signed.
    ECOM_REPORT_SMTP_TLS_REJECT_UNAUTHORIZED: '0',
    ECOM_REPORT_SMTP_RETRY_DELAYS_MS: '50,50',
    ...overrides,
  };
}

/** The password in every spelling that could leak: plain, percent-encoded, base64. */
function expectNoPassword(r: CliResult): void {
  for (const text of [r.stdout, r.stderr]) {
    expect(text).not.toContain(PASS);
    expect(text).not.toContain(encodeURIComponent(PASS));
    expect(text).not.toContain(Buffer.from(PASS).toString('base64'));
  }
}

let servers: TestSmtp[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(options: Partial<Parameters<typeof startTestSmtp>[0]> = {}): Promise<TestSmtp> {
  const s = await startTestSmtp({ user: USER, pass: PASS, ...options });
  servers.push(s);
  return s;
}

describe('build --email', () => {
  it('delivers the deck byte for byte with the KPIs, inline charts and a text part, over STARTTLS with AUTH', async () => {
    const smtp = await server();
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test,team@shop.test', '--json'], {
      cwd: dir,
      env: smtpEnv(smtp),
    });
    expect(r.stderr).toContain('sent to boss@shop.test, team@shop.test');
    expect(r.code).toBe(0);
    expectNoPassword(r);

    expect(smtp.mails).toHaveLength(1);
    const received = smtp.mails[0]!;
    expect(received.secure).toBe(true);
    expect(received.user).toBe(USER);
    expect(received.from).toBe(USER);
    expect(received.to).toEqual(['boss@shop.test', 'team@shop.test']);

    // skipImageLinks keeps the cid: references as sent instead of inlining data URIs.
    const mail: ParsedMail = await simpleParser(received.raw, { skipImageLinks: true });
    expect(mail.subject).toBe('测试商店 2026年第3季度 季度工作汇报');

    const deckPath = path.join(dir, 'out', 'ecom-report-2026Q3.pptx');
    const deck = mail.attachments.find((a) => a.filename === 'ecom-report-2026Q3.pptx');
    expect(deck, 'the deck is attached').toBeDefined();
    expect(deck!.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(Buffer.compare(deck!.content, readFileSync(deckPath))).toBe(0);

    const html = mail.html as string;
    // Headline KPIs with their comparisons, worked out by hand above.
    for (const text of ['GMV', '¥150.50', '+50.5%', '+201.0%', '净销售额', '¥140.50', '+40.5%', '+181.0%', '订单数', '+100.0%', '环比', '同比']) {
      expect(html, text).toContain(text);
    }
    for (const text of ['¥150.50', '环比 +50.5%', '同比 +201.0%', '¥140.50']) expect(mail.text, text).toContain(text);

    // Two or three charts, inline: each referenced by cid and sent as a PNG with that cid.
    const images = mail.attachments.filter((a) => a.contentType === 'image/png');
    expect(images.length).toBeGreaterThanOrEqual(2);
    expect(images.length).toBeLessThanOrEqual(3);
    for (const img of images) {
      expect(img.cid, 'inline image has a content id').toBeTruthy();
      expect(html.includes(`src="cid:${img.cid}"`), `cid:${img.cid} in the HTML`).toBe(true);
      expect(img.content.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(img.content.readUInt32BE(16)).toBe(1200); // width from the IHDR chunk
    }

    // The exports end on 3 August, so the trend chart stars August (3 of its 31 days); the
    // slide's footnote says so, and the e-mail carries it under the chart and in the text part.
    const caption = '* 26年8月：只含2026年8月1日至2026年8月3日的数据（3/31 天），对比按相同日期';
    expect(html).toContain(caption);
    expect(mail.text).toContain(caption);

    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.deck).toBe(deckPath);
    expect(json.email).toMatchObject({ to: ['boss@shop.test', 'team@shop.test'], accepted: ['boss@shop.test', 'team@shop.test'], attempts: 1 });
    expect(json.headline.gmv).toMatchObject({ value: 15050, previous: 10000, yearAgo: 5000 });
    expect(json.timingsMs.email).toBeGreaterThanOrEqual(0);
    expect(json.problems).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('meant for test servers only') })]));
  });

  it('retries after the server drops the first connection, and the retry succeeds', async () => {
    const smtp = await server({ dropFirstConnections: 1 });
    const dir = workspace();
    const started = Date.now();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test', '--json'], { cwd: dir, env: smtpEnv(smtp) });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/e-mail attempt 1 failed \(.+\); retrying in 50 ms/);
    expect(smtp.connections).toBe(2);
    expect(smtp.mails).toHaveLength(1);
    expect(JSON.parse(r.stdout).email.attempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('retries a 4xx reply and gives up after the configured number of retries', async () => {
    const smtp = await server({ failMailFrom: { times: 10, code: 451, message: '4.7.1 Try again later' } });
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test', '--json'], { cwd: dir, env: smtpEnv(smtp) });
    expect(r.code).toBe(3);
    // One attempt plus two retries (ECOM_REPORT_SMTP_RETRY_DELAYS_MS=50,50), then a message saying what to check.
    expect(smtp.connections).toBe(3);
    expect(r.stderr).toContain('failed 3 time(s)');
    expect(r.stderr).toContain('Try again later');
    expect(r.stderr).toContain('check that 127.0.0.1:');
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.deck).toBe(path.join(dir, 'out', 'ecom-report-2026Q3.pptx'));
    expect(json.email).toBeNull();
    expectNoPassword(r);
  });

  it('a wrong password stops at once with exit 3, a hint, and no password anywhere', async () => {
    const smtp = await server();
    const dir = workspace();
    const wrong = 'not-the-Pa55word';
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test', '--json'], {
      cwd: dir,
      env: smtpEnv(smtp, { ECOM_REPORT_SMTP_PASS: wrong }),
    });
    expect(r.code).toBe(3);
    expect(smtp.logins).toEqual([{ user: USER, ok: false }]); // no retry of a refused login
    expect(smtp.mails).toHaveLength(0);
    expect(r.stderr).toContain(`refused the login for user ${USER}`);
    expect(r.stderr).toContain('check ECOM_REPORT_SMTP_USER and ECOM_REPORT_SMTP_PASS');
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(Buffer.from(wrong).toString('base64'));
    }
    expect(JSON.parse(r.stdout).problems.at(-1)).toMatchObject({ severity: 'error', message: expect.stringContaining('refused the login') });
  });

  it('a wrong password in ECOM_REPORT_SMTP_URL is never echoed either', async () => {
    const smtp = await server();
    const dir = workspace();
    const wrong = 'wr0ng:p@ss/wörd';
    const url = `smtp://${encodeURIComponent(USER)}:${encodeURIComponent(wrong)}@127.0.0.1:${smtp.port}`;
    const env = smtpEnv(smtp, { ECOM_REPORT_SMTP_URL: url });
    for (const k of ['ECOM_REPORT_SMTP_HOST', 'ECOM_REPORT_SMTP_PORT', 'ECOM_REPORT_SMTP_USER', 'ECOM_REPORT_SMTP_PASS']) delete env[k];
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test', '--json'], { cwd: dir, env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('check ECOM_REPORT_SMTP_URL');
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(encodeURIComponent(wrong));
      expect(text).not.toContain(url);
    }
  });

  it('a 5xx refusal of the recipient is permanent: one attempt, exit 3', async () => {
    const smtp = await server({ failRcpt: { code: 550, message: '5.1.1 No such user' } });
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'nobody@shop.test'], { cwd: dir, env: smtpEnv(smtp) });
    expect(r.code).toBe(3);
    expect(smtp.connections).toBe(1);
    expect(r.stderr).toContain('refused the sender or a recipient');
    expect(r.stderr).toContain('No such user');
  });

  it('one refused recipient among accepted ones: the others get the report, and the run fails with exit 3', async () => {
    const smtp = await server({ rejectRcpt: ['gone@shop.test'] });
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test,gone@shop.test', '--json'], { cwd: dir, env: smtpEnv(smtp) });
    expect(r.code).toBe(3);
    expect(smtp.mails.map((m) => m.to)).toEqual([['boss@shop.test']]);
    expect(r.stderr).toContain('the SMTP server refused gone@shop.test');
    expect(r.stderr).toContain('boss@shop.test was sent the report');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: false, email: { accepted: ['boss@shop.test'], rejected: ['gone@shop.test'] } });
    expect(out.problems.at(-1)).toMatchObject({ severity: 'error', message: expect.stringContaining('refused gone@shop.test') });
    expect(existsSync(path.join(dir, 'out', 'ecom-report-2026Q3.pptx'))).toBe(true); // the deck stays
  });

  it('without SMTP settings, fails before building with exit 3 and names the variables', async () => {
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test'], { cwd: dir, env: {} });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no SMTP server is configured');
    expect(r.stderr).toContain('ECOM_REPORT_SMTP_URL');
    expect(r.stderr).toContain('ECOM_REPORT_MAIL_FROM');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a malformed address is a usage error', async () => {
    const dir = workspace();
    const r = await runCli(['build', '--quarter', '2026Q3', '--email', 'boss@shop.test,not-an-address'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--email: 'not-an-address' is not an e-mail address");
  });
});

describe('send DECK --to', () => {
  it('sends a deck built earlier, taking the quarter from its file name', async () => {
    const smtp = await server();
    const dir = workspace();
    expect((await runCli(['build', '--quarter', '2026Q3'], { cwd: dir })).code).toBe(0);
    const deckPath = path.join(dir, 'out', 'ecom-report-2026Q3.pptx');
    // --to before the deck, repeated: the deck is not taken for an address.
    const r = await runCli(['send', '--to', 'boss@shop.test', '--to', 'cfo@shop.test', 'out/ecom-report-2026Q3.pptx', '--json'], {
      cwd: dir,
      env: smtpEnv(smtp),
    });
    expect(r.code).toBe(0);
    expectNoPassword(r);
    const mail = await simpleParser(smtp.mails[0]!.raw);
    expect(mail.subject).toContain('2026年第3季度');
    expect(mail.html).toContain('¥150.50');
    const deck = mail.attachments.find((a) => a.filename === 'ecom-report-2026Q3.pptx');
    expect(Buffer.compare(deck!.content, readFileSync(deckPath))).toBe(0);
    expect(smtp.mails[0]!.to).toEqual(['boss@shop.test', 'cfo@shop.test']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, deck: deckPath, quarter: '2026Q3', email: { accepted: ['boss@shop.test', 'cfo@shop.test'] } });
  });

  it('asks for --quarter when the file name does not say', async () => {
    const dir = workspace();
    // A package's first bytes are enough: the quarter is asked for before the deck is read.
    writeFileSync(path.join(dir, 'deck.pptx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
    const r = await runCli(['send', 'deck.pptx', '--to', 'boss@shop.test'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --quarter 2026Q3');
  });

  it('a missing deck is a usage error', async () => {
    const dir = workspace();
    const r = await runCli(['send', 'out/nothing-2026Q3.pptx', '--to', 'boss@shop.test'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no deck at out/nothing-2026Q3.pptx');
  });
});
