import { TLSSocket } from 'node:tls';
import {
  type CheckItem,
  type CheckReport,
  ConnectorError,
  checkReport,
  failedItem,
} from '@org/connector-core/provider';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { portOf, type SmtpConfig } from './config-schema.js';
import { connectionOptionsOf } from './connection-options.js';
import { isTlsFailure, mapSmtpError, type SmtpErrorContext } from './error-mapping.js';

export interface PreflightContext {
  provider: string;
  signal: AbortSignal;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function settingsItem(config: SmtpConfig): CheckItem | undefined {
  const port = portOf(config);
  if (config.secure && (port === 587 || port === 25)) {
    return {
      name: 'settings',
      status: 'warn',
      detail: `secure (implicit TLS) is set, but port ${port} normally speaks plain SMTP with STARTTLS.`,
      hint: 'Use secure: false on port 587 or 25 (STARTTLS upgrades the connection), or port 465 with secure: true.',
    };
  }
  if (!config.secure && port === 465) {
    return {
      name: 'settings',
      status: 'warn',
      detail: 'Port 465 normally expects TLS from the first byte, but secure is not set.',
      hint: 'Set secure: true for port 465, or use port 587 with STARTTLS.',
    };
  }
  return undefined;
}

function tlsItem(connection: SMTPConnection, config: SmtpConfig): CheckItem {
  const socket = connection._socket;
  const tlsSocket = socket instanceof TLSSocket ? socket : undefined;
  if (connection.secure && tlsSocket) {
    const how = config.secure ? 'Implicit TLS' : 'STARTTLS';
    const protocol = tlsSocket.getProtocol() ?? 'TLS';
    if (!tlsSocket.authorized) {
      return {
        name: 'tls',
        status: 'warn',
        detail: `${how} with ${protocol}, but the server certificate was not verified (${String(tlsSocket.authorizationError ?? 'tls.rejectUnauthorized is false')}).`,
        hint: 'Anyone on the network path could impersonate the server and read the password: put its CA in tls.ca and leave tls.rejectUnauthorized on.',
      };
    }
    return {
      name: 'tls',
      status: 'pass',
      detail: `${how} with ${protocol}; the certificate is valid for ${config.tls?.servername ?? config.host}.`,
    };
  }
  if (loopbackHosts.has(config.host.toLowerCase())) {
    return {
      name: 'tls',
      status: 'pass',
      detail: 'No TLS: a relay on this machine, so nothing crosses the network.',
    };
  }
  if (config.ignoreTLS) {
    return {
      name: 'tls',
      status: 'warn',
      detail: 'TLS is off (ignoreTLS): mail and credentials cross the network in clear text.',
      hint: 'Remove ignoreTLS unless this is a trusted relay on a private network.',
    };
  }
  return {
    name: 'tls',
    status: 'warn',
    detail: `${config.host} did not offer STARTTLS: mail${config.auth ? ' and the password' : ''} cross the network in clear text.`,
    hint: 'Enable STARTTLS on the server, or use its TLS port (465, secure: true); set requireTLS: true so the connector refuses to send without TLS.',
  };
}

function connect(connection: SMTPConnection): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.once('error', reject);
    connection.connect((error) => {
      connection.off('error', reject);
      if (error) reject(error);
      else resolve();
    });
  });
}

function login(connection: SMTPConnection, auth: { user: string; pass: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.login({ user: auth.user, pass: auth.pass }, (error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Sends QUIT and waits for the server to close, within the socket timeout. */
function quit(connection: SMTPConnection, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      connection.close();
      resolve(false);
    }, timeoutMs);
    connection.once('end', () => {
      clearTimeout(timer);
      resolve(true);
    });
    connection.quit();
  });
}

/**
 * The preflight: connects, negotiates TLS, authenticates and quits, and sends nothing (no MAIL
 * FROM). Each step is one item; the steps after a failed one are not run.
 */
export async function runPreflight(
  config: SmtpConfig,
  { provider, signal }: PreflightContext,
): Promise<CheckReport> {
  const port = portOf(config);
  const target = `${config.host}:${port}`;
  const errorContext: SmtpErrorContext = {
    provider,
    host: config.host,
    port,
    secure: config.secure,
    authConfigured: config.auth !== undefined,
    connectionTimeoutMs: config.connectionTimeoutMs,
    greetingTimeoutMs: config.greetingTimeoutMs,
    socketTimeoutMs: config.socketTimeoutMs,
  };
  const checks: CheckItem[] = [];
  const settings = settingsItem(config);
  if (settings) checks.push(settings);
  const report = (): CheckReport => checkReport(checks);
  const abortedError = () =>
    new ConnectorError('aborted', 'The SMTP check was aborted.', {
      provider,
      cause: signal.reason,
    });
  if (signal.aborted) throw abortedError();

  const connection = new SMTPConnection(connectionOptionsOf(config));
  // Errors after a step settled (a late socket error) must not crash the process.
  connection.on('error', () => {});
  const onAbort = () => connection.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    try {
      await connect(connection);
    } catch (error) {
      if (signal.aborted) throw abortedError();
      const mapped = mapSmtpError(error, errorContext);
      // connect() also negotiates TLS: tell which of the two steps failed.
      if (isTlsFailure(error)) {
        checks.push({ name: 'connection', status: 'pass', detail: `Reached ${target}.` });
        checks.push(failedItem('tls', mapped));
      } else {
        checks.push(failedItem('connection', mapped));
      }
      return report();
    }
    // After connect() the last reply is the EHLO one, which starts with the server's name.
    const reply =
      typeof connection.lastServerResponse === 'string' ? connection.lastServerResponse : '';
    const serverName = /^\d{3}[ -](\S+)/.exec(reply)?.[1];
    checks.push({
      name: 'connection',
      status: 'pass',
      detail: `Connected to ${target}${serverName ? `; the server calls itself ${serverName}` : ''}.`,
    });
    checks.push(tlsItem(connection, config));

    if (config.auth) {
      try {
        await login(connection, config.auth);
        checks.push({
          name: 'auth',
          status: 'pass',
          detail: `Logged in as ${config.auth.user}.`,
        });
      } catch (error) {
        if (signal.aborted) throw abortedError();
        checks.push(failedItem('auth', mapSmtpError(error, errorContext)));
        return report();
      }
    } else if (connection.allowsAuth) {
      checks.push({
        name: 'auth',
        status: 'warn',
        detail: `${config.host} offers AUTH, but no credentials are configured.`,
        hint: 'If the server requires a login to relay, sends fail with authorization_failed: set auth: { user, pass }.',
      });
    } else {
      checks.push({
        name: 'auth',
        status: 'pass',
        detail: 'No credentials configured, and the server asks for none.',
      });
    }

    const closedCleanly = await quit(connection, config.socketTimeoutMs);
    if (signal.aborted) throw abortedError();
    checks.push(
      closedCleanly
        ? { name: 'quit', status: 'pass', detail: 'Ended the session with QUIT; nothing was sent.' }
        : {
            name: 'quit',
            status: 'warn',
            detail: 'The server did not close the session after QUIT; the connection was dropped.',
          },
    );
    return report();
  } finally {
    signal.removeEventListener('abort', onAbort);
    connection.close();
  }
}
