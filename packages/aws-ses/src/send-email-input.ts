import type { Body, SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { formatMailbox, type OutgoingEmail, parseMailbox } from '@org/connector-core/provider';
import type { AwsSesConfig } from './config-schema.js';

// Without a charset SES assumes 7-bit ASCII, which garbles every non-ASCII character.
const charset = 'UTF-8';

/** The SendEmail request for one rendered email (`Content.Simple`; Text only for plain-text templates). */
export function toSendEmailInput(
  email: OutgoingEmail,
  config: AwsSesConfig,
): SendEmailCommandInput {
  const body: Body = {};
  if (email.html !== undefined) body.Html = { Data: email.html, Charset: charset };
  body.Text = { Data: email.text, Charset: charset };
  const headers = Object.entries(email.headers).map(([Name, Value]) => ({ Name, Value }));
  const tags = Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value }));
  return {
    FromEmailAddress: formatMailbox(email.from),
    ...(config.emailAddressIdentityArn === undefined
      ? {}
      : { FromEmailAddressIdentityArn: config.emailAddressIdentityArn }),
    Destination: { ToAddresses: email.to.map((mailbox) => formatMailbox(mailbox)) },
    ...(email.replyTo.length === 0
      ? {}
      : { ReplyToAddresses: email.replyTo.map((mailbox) => formatMailbox(mailbox)) }),
    ...(config.feedbackForwardingEmailAddress === undefined
      ? {}
      : {
          // SES wants a bare address here; parsing also punycodes an internationalized domain.
          FeedbackForwardingEmailAddress: parseMailbox(config.feedbackForwardingEmailAddress)
            .address,
        }),
    ...(config.feedbackForwardingEmailAddressIdentityArn === undefined
      ? {}
      : {
          FeedbackForwardingEmailAddressIdentityArn:
            config.feedbackForwardingEmailAddressIdentityArn,
        }),
    Content: {
      Simple: {
        Subject: { Data: email.subject, Charset: charset },
        Body: body,
        ...(headers.length === 0 ? {} : { Headers: headers }),
      },
    },
    ...(tags.length === 0 ? {} : { EmailTags: tags }),
    ...(config.configurationSetName === undefined
      ? {}
      : { ConfigurationSetName: config.configurationSetName }),
  };
}
