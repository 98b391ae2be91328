# __PACKAGE__

The __TITLE__ email connector: sends verification-code emails from templates through the __TITLE__ API, behind the shared `EmailConnector` contract of [`@org/connector-core`](../core). Generated with `pnpm gen:connector __NAME__`, built on the provider kit (`@org/connector-core/provider`), and it runs the whole [conformance suite](../conformance) against [`__MOCKPACKAGE__`](../mock-__NAME__), through msw and over real sockets.

> TODO: fill in `src/__NAME__-request.ts`, `src/preflight.ts`, the rows of `src/error-mapping.ts` and the mock in [`__MOCKPACKAGE__`](../mock-__NAME__) until `pnpm --filter __PACKAGE__ test` passes (each failure names the file to fill in next), then complete this README: what __TITLE__ does about duplicates and retries, what `check()` checks.

- **Retries** of throttling, 5xx, resets and timeouts (`maxAttempts`, default 3), waiting out `retry-after` (up to 5 s) or a jittered backoff.
- **Preflight** `check()`: TODO: which read-only calls prove the key and the sender. It sends nothing.

## Install

```sh
npm install __PACKAGE__
```

## Example

```ts
import { create__PASCAL__Connector } from '__PACKAGE__';

const connector = create__PASCAL__Connector({
  apiKey: process.env.__UPPER___API_KEY,
  emailAddress: 'Acme <noreply@acme.com>',
  templates: [
    { usageType: 'Register', subject: 'Your code {{code}}', content: '<p>{{code}}</p>' },
    { usageType: 'SignIn', subject: 'Your code {{code}}', content: '<p>{{code}}</p>' },
    { usageType: 'ForgotPassword', subject: 'Your code {{code}}', content: '<p>{{code}}</p>' },
    { usageType: 'Generic', subject: 'Your code {{code}}', content: '<p>{{code}}</p>' },
  ],
});

const result = await connector.sendMessage({
  to: 'ada@example.com',
  type: 'SignIn',
  payload: { code: '123456' },
});
console.log(result.messageId);
await connector.close();
```

## Command line

`__NAME__-connector` is the shared connector CLI (`check`, `send`, `test`) of [`@org/connector-core/cli`](../core#the-command-line-orgconnector-corecli); its definition is `src/cli/__NAME__-cli.ts`:

```sh
export __UPPER___API_KEY=...
npx __NAME__-connector check --from "Acme <noreply@acme.com>"
npx __NAME__-connector test --to ada@example.com --from "Acme <noreply@acme.com>"
npx __NAME__-connector send --config __NAME__.config.json --to ada@example.com --type SignIn --code 123456
```

`--base-url` points it at another endpoint, e.g. `npx mock-__NAME__`. Exit codes: 0 ok, 1 the operation failed, 2 bad usage or config. Neither the key nor the code is ever printed.

## Options

| option             | type               | required | default                        | description                                                     |
| ------------------ | ------------------ | -------- | ------------------------------ | --------------------------------------------------------------- |
| `apiKey`           | string (secret)    | yes      |                                | the __TITLE__ API key                                           |
| `emailAddress`     | string             | yes      |                                | the From mailbox, e.g. `Acme <noreply@acme.com>`                |
| `replyTo`          | string or string[] | no       |                                | Reply-To mailboxes, at most 50                                  |
| `tags`             | `{ name: value }`  | no       |                                | added to every email; `usage_type` is set by the connector      |
| `headers`          | `{ name: value }`  | no       |                                | extra email headers                                             |
| `baseUrl`          | URL                | no       | `https://api.__NAME__.example` | another endpoint (a proxy, the mock); a path prefix is kept     |
| `requestTimeoutMs` | number             | no       | `10000`                        | time limit of each request                                      |
| `maxAttempts`      | number             | no       | `3`                            | requests per send, retries included (1 disables retries)        |
| `templates`        | `Template[]`       | yes      |                                | must cover `Register`, `SignIn`, `ForgotPassword` and `Generic` |

## Errors

Every failure is a `ConnectorError` with a `code`, `retryable`, `provider: '__NAME__'`, `providerCode` (__TITLE__'s error name, or `HTTP <status>`), a `hint` and the `__PASCAL__ApiError` as `cause`. The table is `__CAMEL__ErrorRules` in `src/error-mapping.ts`, tested row by row in `src/error-mapping.test.ts`.

| __TITLE__ answer                              | code                                                                    | retryable |
| --------------------------------------------- | ----------------------------------------------------------------------- | --------- |
| TODO: its throttling errors, any 429          | `rate_limit_exceeded`                                                   | yes       |
| TODO: quota spent, sending paused             | `usage_limit_exceeded`                                                  | no        |
| TODO: bad key or permissions, any 401 / 403   | `authorization_failed`                                                  | no        |
| TODO: unverified sender                       | `message_rejected`                                                      | no        |
| TODO: a refused field                         | `invalid_request_parameters`                                            | no        |
| any 5xx, a reset or refused connection        | `provider_unavailable`                                                  | yes       |
| no answer within `requestTimeoutMs`           | `timeout`                                                               | yes       |
| the caller's `AbortSignal`                    | `aborted`                                                               | no        |
| config fails validation / bad input / no template | `invalid_config` / `invalid_request_parameters` / `template_not_found` | no        |

## Why no SDK

The transport uses the provider kit's one keep-alive `node:https` client per connector (`createJsonHttpClient`): warm TLS connections are reused across sends, `close()` releases them, each request has its own timeout and takes the send's `AbortSignal`, and msw intercepts it. TODO: say why __TITLE__'s official SDK is not used (or why it is, if it is light and honours abort and timeouts).

## Dependencies

| dependency            | why                                                                                                           |
| --------------------- | ------------------------------------------------------------------------------------------------------------- |
| `@org/connector-core` | the connector contract, the shared send pipeline, and the provider kit's JSON HTTP client, retry loop and error table |
| `zod`                 | validates the config at the boundary, the same schema the admin form and the CLI use                          |

## Security

The API key is a `secret()` field: redacted from `util.inspect`, `JSON.stringify`, errors and events, and flagged `secret` in the form items. The verification code never appears in an error, an event or the CLI's output.
