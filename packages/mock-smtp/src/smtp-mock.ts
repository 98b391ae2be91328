import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { domainToASCII } from 'node:url';
import {
  type DeliveredEmail,
  faultVariantNames,
  type InjectOptions,
  type ProviderErrorFaultKind,
  type ProviderFaultKind,
  type ProviderMock,
} from '@org/connector-core/testing';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { assertFaultOptions, assertSmtpFault, assertSmtpMockOptions } from './input-schema.js';
import { parseTagsHeader } from './parse-tags-header.js';
import { providerFault, providerFaultVariants } from './provider-faults.js';
import { createSelfSignedCertificate } from './self-signed-certificate.js';
import type {
  SmtpFault,
  SmtpFaultOptions,
  SmtpMock,
  SmtpMockMessage,
  SmtpMockOptions,
  SmtpStage,
} from './types.js';

// Over 300 lines, on purpose: startSmtpMock is one SMTP session state machine (smtp-server's
// callbacks per stage, the fault that applies at each stage, the outbox it fills); its parts
// share the session and server state, and split into files they only pass that state around.

interface PendingFault {
  fault: SmtpFault;
  remaining: number;
}

interface SessionState {
  /** The fault this delivery attempt drew at MAIL FROM, for its RCPT or DATA stage. */
  fault?: SmtpFault;
  /** A delivery attempt is under way (MAIL FROM seen, no final reply yet). */
  active?: boolean;
  /** The mock's epoch when the attempt started: a reset in between discards the message. */
  epoch: number;
}

// Headers the normalized view leaves out: they have fields of their own, or are MIME plumbing.
const structuralHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** `ada@bücher.example` → `ada@xn--bcher-kva.example`: the form the client put on the wire. */
function asciiAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  const domain = domainToASCII(address.slice(at + 1));
  // The local part is kept exactly: `Ada.Lovelace+news` is not `ada.lovelace`.
  return `${address.slice(0, at)}@${(domain === '' ? address.slice(at + 1) : domain).toLowerCase()}`;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => (entry.address ? [asciiAddress(entry.address)] : [])),
  );
}

/** Header lines as sent, unfolded, keyed by their first spelling. */
function headerLinesOf(lines: readonly { key: string; line: string }[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const { line } of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (headers.has(name)) continue;
    headers.set(
      name,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  return headers;
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * Starts an in-process SMTP server on 127.0.0.1 and a random port. With the default options it
 * offers STARTTLS with a self-signed certificate made now, and no AUTH; pass `auth` to require
 * a login.
 *
 * ```ts
 * const mock = await startSmtpMock({ auth: { user: 'app', pass: 'app-password-123' } });
 * const connector = createSmtpConnector({ host: mock.host, port: mock.port, requireTLS: true,
 *   tls: { ca: mock.certificate }, auth: { user: 'app', pass: 'app-password-123' }, fromEmail, templates });
 * await connector.testSend('ada@example.com');
 * mock.messages()[0].text; // contains the code
 * await connector.close();
 * await mock.close();
 * ```
 */
export async function startSmtpMock(options: SmtpMockOptions = {}): Promise<SmtpMock> {
  assertSmtpMockOptions(options);
  const tlsMode = options.tls ?? 'starttls';
  const certificate =
    tlsMode === 'none' ? undefined : (options.certificate ?? (await createSelfSignedCertificate()));
  const tagHeader = options.tagHeader === undefined ? 'X-Tags' : options.tagHeader;
  const credentials = options.auth;

  const delivered: SmtpMockMessage[] = [];
  const pending: PendingFault[] = [];
  const sessions = new Map<string, SessionState>();
  // By client port: the TCP socket, and the TLS socket once STARTTLS upgraded it.
  const sockets = new Map<number, { raw: Socket; tls?: Socket }>();
  const timers = new Set<NodeJS.Timeout>();
  let requests = 0;
  let connections = 0;
  let inFlight = 0;
  let peakInFlight = 0;
  let hangUps = 0;

  const begin = (state: SessionState): void => {
    if (state.active) return;
    state.active = true;
    inFlight += 1;
    peakInFlight = Math.max(peakInFlight, inFlight);
  };
  const end = (state: SessionState | undefined): void => {
    if (!state?.active) return;
    state.active = false;
    inFlight -= 1;
  };
  let epoch = 0;
  let closed: Promise<void> | undefined;

  /** The head fault when it strikes at one of `stages`, consumed. */
  const takeFault = (stages: readonly SmtpStage[]): SmtpFault | undefined => {
    const head = pending[0];
    if (!head || !stages.includes(head.fault.stage)) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) pending.shift();
    return head.fault;
  };

  const stateOf = (session: SMTPServerSession): SessionState => {
    let state = sessions.get(session.id);
    if (!state) {
      state = { epoch };
      sessions.set(session.id, state);
    }
    return state;
  };

  const dropConnection = (port: number): void => {
    const entry = sockets.get(port);
    entry?.tls?.destroy();
    entry?.raw.destroy();
  };

  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  /** Applies a fault to a stage: calls `callback` with the reply, late, or never (dropped). */
  const apply = (
    fault: SmtpFault,
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
    proceed: () => void,
  ): void => {
    if (fault.kind === 'reply') {
      end(sessions.get(session.id));
      callback(smtpError(fault.code, fault.message));
    } else if (fault.kind === 'drop') {
      end(sessions.get(session.id));
      dropConnection(session.remotePort);
    } else {
      later(fault.ms, proceed);
    }
  };

  const server = new SMTPServer({
    name: options.name ?? 'mock.smtp.test',
    banner: 'ESMTP @org/connector-smtp mock',
    secure: tlsMode === 'implicit',
    ...(certificate === undefined ? {} : { key: certificate.key, cert: certificate.cert }),
    hideSTARTTLS: tlsMode !== 'starttls',
    // Without TLS there is nothing to wait for; with it, AUTH only after STARTTLS, like real servers.
    allowInsecureAuth: tlsMode === 'none',
    authOptional: credentials === undefined,
    ...(credentials === undefined ? { disabledCommands: ['AUTH'] } : {}),
    authMethods: ['PLAIN', 'LOGIN'],
    size: options.size ?? 10 * 1024 * 1024,
    disableReverseLookup: true,
    logger: false,

    onSecure(socket, session, callback) {
      const entry = sockets.get(session.remotePort);
      if (entry && socket !== entry.raw) {
        entry.tls = socket;
        // The TLS socket took over the TCP one, whose own 'close' never comes.
        socket.once('close', () => {
          if (sockets.get(session.remotePort) === entry) sockets.delete(session.remotePort);
        });
      }
      callback();
    },

    onConnect(session, callback) {
      stateOf(session);
      const fault = takeFault(['CONNECT']);
      if (!fault) return callback();
      requests += 1;
      apply(fault, session, callback, () => callback());
    },

    onAuth(auth, session, callback) {
      const fault = takeFault(['AUTH']);
      if (fault) {
        requests += 1;
        return apply(fault, session, callback, () => callback(null, { user: auth.username }));
      }
      const valid =
        credentials !== undefined &&
        auth.username === credentials.user &&
        auth.password === credentials.pass;
      if (!valid) {
        // A refused login is a delivery attempt that reached the server.
        requests += 1;
        return callback(smtpError(535, '5.7.8 Authentication credentials invalid'));
      }
      callback(null, { user: auth.username });
    },

    onMailFrom(_address, session, callback) {
      requests += 1;
      const state = stateOf(session);
      end(state);
      begin(state);
      state.epoch = epoch;
      delete state.fault;
      const fault = takeFault(['AUTH', 'MAIL', 'RCPT', 'DATA']);
      if (!fault) return callback();
      if (fault.stage === 'AUTH' || fault.stage === 'MAIL') {
        return apply(fault, session, callback, () => callback());
      }
      state.fault = fault;
      callback();
    },

    onRcptTo(_address, session, callback) {
      const state = stateOf(session);
      const fault = state.fault?.stage === 'RCPT' ? state.fault : undefined;
      if (!fault) return callback();
      delete state.fault;
      apply(fault, session, callback, () => callback());
    },

    onData(stream, session, callback) {
      const state = stateOf(session);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const fault = state.fault?.stage === 'DATA' ? state.fault : undefined;
        delete state.fault;
        const accept = () => {
          void record(Buffer.concat(chunks), session, state).then(
            (queueId) => {
              end(state);
              callback(null, `2.0.0 Ok: queued as ${queueId}`);
            },
            (error: unknown) => {
              end(state);
              callback(
                smtpError(451, `4.3.0 The mock could not parse the message: ${String(error)}`),
              );
            },
          );
        };
        if (!fault) return accept();
        apply(fault, session, callback, accept);
      });
    },

    onClose(session) {
      const state = sessions.get(session.id);
      // The client went away in the middle of a delivery attempt: it hung up.
      if (state?.active) {
        hangUps += 1;
        end(state);
      }
      sessions.delete(session.id);
    },
  });

  const record = async (
    raw: Buffer,
    session: SMTPServerSession,
    state: SessionState,
  ): Promise<string> => {
    const parsed = await simpleParser(raw, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
    });
    const queueId = randomBytes(6).toString('hex').toUpperCase();
    // A reset while the message was in transit: it belongs to an earlier test.
    if (state.epoch !== epoch) return queueId;
    const headers = headerLinesOf(parsed.headerLines);
    const headerValue = (wanted: string) =>
      [...headers].find(([name]) => name.toLowerCase() === wanted.toLowerCase())?.[1];
    const extraHeaders: Record<string, string> = {};
    for (const [name, value] of headers) {
      const lower = name.toLowerCase();
      if (structuralHeaders.has(lower)) continue;
      if (tagHeader !== false && lower === tagHeader.toLowerCase()) continue;
      extraHeaders[name] = value;
    }
    const envelope = session.envelope;
    const envelopeTo = envelope.rcptTo.map((recipient) => asciiAddress(recipient.address));
    const headerTo = addressesOf(parsed.to);
    const cc = addressesOf(parsed.cc);
    // Bcc never travels in the header: an envelope recipient that no header names is one.
    const named = new Set([...headerTo, ...cc].map((a) => a.toLowerCase()));
    const bcc = envelopeTo.filter((a) => !named.has(a.toLowerCase()));
    delivered.push({
      messageId: parsed.messageId ?? '',
      from: addressesOf(parsed.from)[0] ?? '',
      fromHeader: headerValue('From') ?? '',
      to: headerTo.length > 0 ? headerTo : envelopeTo,
      cc,
      bcc,
      recipients: [...new Set([...envelopeTo, ...headerTo, ...cc])],
      rawHeaders: [...headers].map(([name, value]) => ({ name, value })),
      subject: parsed.subject ?? '',
      ...(typeof parsed.html === 'string' ? { html: parsed.html } : {}),
      text: parsed.text ?? '',
      headers: extraHeaders,
      tags: tagHeader === false ? {} : parseTagsHeader(headerValue(tagHeader)),
      envelope: {
        from: envelope.mailFrom === false ? '' : asciiAddress(envelope.mailFrom.address),
        to: envelope.rcptTo.map((recipient) => asciiAddress(recipient.address)),
      },
      replyTo: addressesOf(parsed.replyTo),
      raw: raw.toString('utf8'),
      secure: session.secure,
      ...(typeof session.user === 'string' ? { user: session.user } : {}),
      queueId,
    });
    return queueId;
  };

  server.on('error', () => {
    // A client that vanishes mid-session is the point of several faults, not a mock failure.
  });
  server.server.on('connection', (socket: Socket) => {
    connections += 1;
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, { raw: socket });
    socket.once('close', () => {
      if (sockets.get(port)?.raw === socket) sockets.delete(port);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The SMTP mock did not get a TCP port.');
  }

  const toDelivered = (message: SmtpMockMessage): DeliveredEmail => ({
    messageId: message.messageId,
    from: message.from,
    fromHeader: message.fromHeader,
    to: [...message.to],
    cc: [...message.cc],
    bcc: [...message.bcc],
    recipients: [...message.recipients],
    replyTo: [...message.replyTo],
    subject: message.subject,
    ...(message.html === undefined ? {} : { html: message.html }),
    text: message.text,
    headers: { ...message.headers },
    rawHeaders: message.rawHeaders.map((header) => ({ ...header })),
    tags: { ...message.tags },
  });

  const mock: SmtpMock & ProviderMock = {
    host: '127.0.0.1',
    port: address.port,
    certificate: certificate?.cert,
    sent: () => delivered.map(toDelivered),
    messages: () => delivered.map((message) => structuredClone(message)),
    requestCount: () => requests,
    connectionCount: () => connections,
    openConnections: () => sockets.size,
    fault(fault: SmtpFault, faultOptions?: SmtpFaultOptions): void {
      // Checked (and copied) here: a fault the session cannot answer must fail the test's call.
      const checked = assertSmtpFault(fault);
      const { times = 1 } = assertFaultOptions(faultOptions);
      pending.push({ fault: checked, remaining: times });
    },
    inject(kind: ProviderFaultKind, injectOptions: InjectOptions = {}): void {
      mock.fault(providerFault(kind, injectOptions.latencyMs, injectOptions.variant), {
        ...(injectOptions.times === undefined ? {} : { times: injectOptions.times }),
      });
    },
    faultVariants: (kind: ProviderErrorFaultKind) => faultVariantNames(providerFaultVariants, kind),
    peakInFlight: () => peakInFlight,
    hangUps: () => hangUps,
    reset(): void {
      delivered.length = 0;
      pending.length = 0;
      requests = 0;
      connections = 0;
      peakInFlight = inFlight;
      hangUps = 0;
      epoch += 1;
    },
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const port of sockets.keys()) dropConnection(port);
      });
      return closed;
    },
  };
  return mock;
}
