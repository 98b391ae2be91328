import * as fx from '../lib/fixtures.mjs';

/**
 * Everything that sends through the SES v2 API in the throughput bench. `create({ url })`
 * returns `{ send(i), close() }`; `send` must resolve only once the provider answered.
 * `kind`: `floor` (what the SDK alone costs), `ours`, or `peer`.
 */
export const subjects = [
  {
    id: 'raw-sdk',
    label: 'raw SESv2Client',
    kind: 'floor',
    async create({ url }) {
      const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      // The best a hand-written sender can do with the SDK: one client, middleware stack cached.
      const client = new SESv2Client({
        region: fx.region,
        endpoint: url,
        credentials: fx.credentials,
        cacheMiddleware: true,
      });
      const input = fx.preRenderedSendEmail();
      return {
        send: () => client.send(new SendEmailCommand(input)),
        close: () => client.destroy(),
      };
    },
  },
  {
    id: 'org-connector',
    label: '@org/connector-aws-ses',
    kind: 'ours',
    async create({ url }) {
      const { createAwsSesConnector } = await import('@org/connector-aws-ses');
      const connector = createAwsSesConnector(fx.logtoConfig({ endpoint: url }));
      return {
        send: (i) =>
          connector.sendMessage({
            to: fx.recipient(i),
            type: 'SignIn',
            payload: { code: fx.code(i) },
          }),
        close: () => connector.close?.(),
      };
    },
  },
  {
    id: 'logto',
    label: '@logto/connector-aws-ses 1.5.4',
    kind: 'peer',
    async create({ url }) {
      // Logto's connector takes no endpoint option; the SDK reads this at each client's creation,
      // and Logto creates one per send. The other subjects pass an explicit endpoint, which wins.
      const previous = process.env.AWS_ENDPOINT_URL_SESV2;
      process.env.AWS_ENDPOINT_URL_SESV2 = url;
      const { default: createConnector } = await import('@logto/connector-aws-ses');
      const config = fx.logtoConfig();
      const connector = await createConnector({ getConfig: async () => config });
      return {
        send: (i) =>
          connector.sendMessage({
            to: fx.recipient(i),
            type: 'SignIn',
            payload: { code: fx.code(i) },
          }),
        close: () => {
          if (previous === undefined) delete process.env.AWS_ENDPOINT_URL_SESV2;
          else process.env.AWS_ENDPOINT_URL_SESV2 = previous;
        },
      };
    },
  },
  {
    id: 'nodemailer',
    label: 'nodemailer 10 SES transport',
    kind: 'peer',
    async create({ url }) {
      const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
      const { default: nodemailer } = await import('nodemailer');
      const sesClient = new SESv2Client({
        region: fx.region,
        endpoint: url,
        credentials: fx.credentials,
      });
      const transporter = nodemailer.createTransport({ SES: { sesClient, SendEmailCommand } });
      // nodemailer has no templates: the same one-line substitution an app would write.
      const text = 'Hello,\n\nYour verification code is {{code}}. It expires in 10 minutes.';
      return {
        send: (i) =>
          transporter.sendMail({
            from: fx.from,
            to: fx.recipient(i),
            subject: fx.subject,
            html: fx.shortHtml.replace('{{code}}', fx.code(i)),
            text: text.replace('{{code}}', fx.code(i)),
          }),
        close: () => {
          transporter.close();
          sesClient.destroy();
        },
      };
    },
  },
];
