// A real SMTP server on loopback for the delivery tests: smtp-server with AUTH and STARTTLS on a
// self-signed certificate made by openssl, an optional front door that drops the first N
// connections, and optional replies that refuse a command.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: Buffer;
  from: string;
  to: string[];
  /** The login the client used, and whether the session was on TLS when the message came. */
  user: string | undefined;
  secure: boolean;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Every AUTH attempt: user and whether it was accepted. */
  logins: { user: string; ok: boolean }[];
  /** TCP connections that reached the front door (dropped ones included). */
  connections: number;
  close(): Promise<void>;
}

let certDir: string | undefined;

/** A self-signed certificate for localhost, made once per test file. */
function selfSignedCert(): { key: Buffer; cert: Buffer } {
  if (!certDir) {
    certDir = mkdtempSync(path.join(tmpdir(), 'ecom-report-smtp-cert-'));
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=localhost'],
      { cwd: certDir, stdio: 'ignore' },
    );
    process.once('exit', () => rmSync(certDir!, { recursive: true, force: true }));
  }
  return { key: readFileSync(path.join(certDir, 'key.pem')), cert: readFileSync(path.join(certDir, 'cert.pem')) };
}

export interface TestSmtpOptions {
  user: string;
  pass: string;
  /** Close this many connections right after accepting them, before any greeting. */
  dropFirstConnections?: number;
  /** Answer MAIL FROM with this error for the first N transactions. */
  failMailFrom?: { times: number; code: number; message: string };
  /** Answer every RCPT TO with this error. */
  failRcpt?: { code: number; message: string };
  /** Answer RCPT TO of these addresses alone with 550 (the others are accepted). */
  rejectRcpt?: readonly string[];
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startTestSmtp(options: TestSmtpOptions): Promise<TestSmtp> {
  const { key, cert } = selfSignedCert();
  const mails: ReceivedMail[] = [];
  const logins: { user: string; ok: boolean }[] = [];
  let mailFromFailures = 0;
  const server = new SMTPServer({
    key,
    cert,
    secure: false, // plain on connect, STARTTLS offered; AUTH only after it (allowInsecureAuth false)
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    size: 20 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.user && auth.password === options.pass;
      logins.push({ user: auth.username ?? '', ok });
      if (!ok) return callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, _session, callback) {
      if (options.failMailFrom && mailFromFailures < options.failMailFrom.times) {
        mailFromFailures++;
        return callback(smtpError(options.failMailFrom.code, options.failMailFrom.message));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (options.failRcpt) return callback(smtpError(options.failRcpt.code, options.failRcpt.message));
      if (options.rejectRcpt?.includes(address.address)) return callback(smtpError(550, '5.1.1 No such user'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          secure: session.secure,
        });
        callback();
      });
    },
  });
  server.on('error', () => {
    // A client that hangs up mid-session is normal in these tests.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const smtpPort = (server.server.address() as net.AddressInfo).port;

  // The front door the client talks to: drops the first connections, pipes the rest through.
  const state = { connections: 0 };
  const sockets = new Set<net.Socket>();
  const door = net.createServer((client) => {
    state.connections++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (state.connections <= (options.dropFirstConnections ?? 0)) {
      client.destroy();
      return;
    }
    const upstream = net.connect(smtpPort, '127.0.0.1');
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
  const port = (door.address() as net.AddressInfo).port;

  return {
    port,
    mails,
    logins,
    get connections() {
      return state.connections;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => door.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
