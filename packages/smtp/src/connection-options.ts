import type { SMTPConnectionOptions } from 'nodemailer';
import { portOf, type SmtpConfig } from './config-schema.js';

/**
 * The connection settings shared by the pooled transporter and the preflight's single
 * connection, so `check()` tests exactly what sends will use.
 */
export function connectionOptionsOf(config: SmtpConfig): SMTPConnectionOptions {
  const tls = config.tls;
  return {
    host: config.host,
    port: portOf(config),
    secure: config.secure,
    requireTLS: config.requireTLS,
    ignoreTLS: config.ignoreTLS,
    ...(config.name === undefined ? {} : { name: config.name }),
    connectionTimeout: config.connectionTimeoutMs,
    greetingTimeout: config.greetingTimeoutMs,
    socketTimeout: config.socketTimeoutMs,
    tls: {
      rejectUnauthorized: tls?.rejectUnauthorized ?? true,
      ...(tls?.ca === undefined ? {} : { ca: tls.ca }),
      ...(tls?.servername === undefined ? {} : { servername: tls.servername }),
      ...(tls?.minVersion === undefined ? {} : { minVersion: tls.minVersion }),
    },
    // nodemailer would log every SMTP line, including AUTH exchanges, to stdout.
    logger: false,
    debug: false,
  };
}
