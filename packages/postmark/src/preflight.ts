import { parseMailbox } from '@org/connector-core';
import {
  type CheckItem,
  type CheckReport,
  checkReport,
  type JsonHttpClient,
} from '@org/connector-core/provider';
import type { PostmarkConfig } from './config-schema.js';
import { mapPostmarkError } from './error-mapping.js';
import { PostmarkApiError } from './postmark-api-error.js';

interface SenderSignature {
  Domain?: string;
  EmailAddress?: string;
  Confirmed?: boolean;
}

async function getJson(
  http: JsonHttpClient,
  path: string,
  signal: AbortSignal | undefined,
  headers?: Record<string, string>,
): Promise<unknown> {
  const response = await http.request({
    method: 'GET',
    path,
    ...(signal ? { signal } : {}),
    ...(headers ? { headers } : {}),
  });
  if (response.status !== 200) throw new PostmarkApiError(response);
  return response.json;
}

/**
 * The preflight: `GET /server` (the token, and whether the server is in sandbox mode),
 * `GET /message-streams/{stream}` (the stream exists and is transactional) and, with an
 * account token, `GET /senders` (the From address is a confirmed signature). Sends nothing.
 */
export async function checkPostmark(
  http: JsonHttpClient,
  config: PostmarkConfig,
  { provider, signal }: { provider: string; signal?: AbortSignal },
): Promise<CheckReport> {
  const sender = parseMailbox(config.emailAddress).address.toLowerCase();
  const checks: CheckItem[] = [];
  const fail = (name: string, caught: unknown): CheckItem => {
    const error = mapPostmarkError(caught, {
      provider,
      sender,
      messageStream: config.messageStream,
      ...(signal ? { signal } : {}),
    });
    if (error.code === 'aborted') throw error;
    return {
      name,
      status: 'fail',
      detail: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  };

  try {
    const server = (await getJson(http, '/server', signal)) as {
      Name?: string;
      DeliveryType?: string;
    };
    checks.push(
      server.DeliveryType === 'Sandbox'
        ? {
            name: 'server',
            status: 'warn',
            detail: `Server "${server.Name ?? '?'}" is in Sandbox mode: Postmark accepts emails but delivers none.`,
            hint: 'Use a Live server for real deliveries.',
          }
        : {
            name: 'server',
            status: 'pass',
            detail: `Server "${server.Name ?? '?'}" accepted the token (Live).`,
          },
    );
  } catch (caught) {
    checks.push(fail('server', caught));
    return checkReport(checks);
  }

  try {
    const stream = (await getJson(
      http,
      `/message-streams/${encodeURIComponent(config.messageStream)}`,
      signal,
    )) as {
      MessageStreamType?: string;
    };
    const type = stream.MessageStreamType;
    checks.push(
      type === 'Transactional'
        ? {
            name: 'message stream',
            status: 'pass',
            detail: `"${config.messageStream}" is a transactional stream.`,
          }
        : {
            name: 'message stream',
            status: type === 'Broadcasts' ? 'warn' : 'fail',
            detail: `"${config.messageStream}" is a ${type ?? 'unknown'} stream.`,
            hint: 'Verification codes belong on a transactional stream (the default "outbound").',
          },
    );
  } catch (caught) {
    checks.push(fail('message stream', caught));
  }

  if (config.accountToken === undefined) {
    checks.push({
      name: 'sender signature',
      status: 'warn',
      detail: `Not checked: ${sender} needs an account token to be looked up.`,
      hint: 'Set accountToken to let check() confirm the sender signature.',
    });
  } else {
    try {
      const list = (await getJson(http, '/senders?count=500&offset=0', signal, {
        'x-postmark-account-token': config.accountToken,
      })) as { SenderSignatures?: SenderSignature[] };
      const domain = sender.split('@').pop();
      const signature =
        (list.SenderSignatures ?? []).find(
          (entry) => entry.EmailAddress?.toLowerCase() === sender,
        ) ??
        (list.SenderSignatures ?? []).find(
          (entry) => !entry.EmailAddress && entry.Domain?.toLowerCase() === domain,
        );
      checks.push(
        signature === undefined
          ? {
              name: 'sender signature',
              status: 'fail',
              detail: `${sender} is not a sender signature of this account.`,
              hint: 'Add it under Sender Signatures in Postmark and confirm it.',
            }
          : signature.Confirmed === false
            ? {
                name: 'sender signature',
                status: 'fail',
                detail: `The signature of ${sender} is not confirmed.`,
                hint: 'Click the link in Postmark’s confirmation email.',
              }
            : {
                name: 'sender signature',
                status: 'pass',
                detail: `${sender} is a confirmed sender signature.`,
              },
      );
    } catch (caught) {
      checks.push(fail('sender signature', caught));
    }
  }
  return checkReport(checks);
}
