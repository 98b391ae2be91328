/** Shared inputs, so every subject sends the same message. Credentials are fake on purpose. */
export const region = 'us-east-1';
export const credentials = {
  accessKeyId: 'AKIDBENCHMARK',
  secretAccessKey: 'bench-secret-not-real',
};
export const from = 'Bench <noreply@example.com>';
export const fromAddress = 'noreply@example.com';
export const subject = 'Your verification code';

export const shortHtml =
  '<p>Hello,</p><p>Your verification code is <strong>{{code}}</strong>. It expires in 10 minutes.</p>';

/** About 20 KB of realistic transactional HTML: a layout table, inline styles, a footer. */
export function largeHtml(targetBytes = 20 * 1024) {
  const head =
    '<!doctype html><html><head><meta charset="utf-8"><title>Verify</title></head><body style="margin:0;background:#f4f4f7">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">' +
    '<h1 style="font-family:Helvetica,Arial,sans-serif;color:#333">Confirm it is you</h1>' +
    '<p style="font-size:16px">Your verification code is <strong style="font-size:24px">{{code}}</strong>.</p>';
  const row = (i) =>
    `<tr><td style="padding:8px 24px;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#51545e">` +
    `Paragraph ${i}: if you did not ask for this code, you can ignore this email. Someone may have typed your ` +
    `address by mistake. <a href="https://example.com/help/${i}" style="color:#3869d4">Read more</a>.</td></tr>`;
  const tail =
    '</td></tr></table><p style="font-size:12px;color:#a8aaaf">Example Inc., 1 Example Street</p></body></html>';
  let body = '';
  for (let i = 0; body.length + head.length + tail.length < targetBytes; i++) body += row(i);
  return `${head}<table>${body}</table>${tail}`;
}

export const requiredUsageTypes = ['Register', 'SignIn', 'ForgotPassword', 'Generic'];

export function templates(content = shortHtml) {
  return requiredUsageTypes.map((usageType) => ({ usageType, subject, content }));
}

export const recipient = (i) => `user${i % 64}@example.com`;
export const code = (i) => String(100000 + ((i * 7919) % 900000));

/** Logto-shaped config, as both our connector and Logto's accept it. */
export function logtoConfig(extra = {}) {
  return {
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.secretAccessKey,
    region,
    emailAddress: from,
    templates: templates(),
    ...extra,
  };
}

/** What our connector puts on the wire for one message, rendered once: the raw SDK's floor. */
export function preRenderedSendEmail(i = 0) {
  const html = shortHtml.replace('{{code}}', code(i));
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: [recipient(i)] },
    Content: {
      Simple: {
        Subject: { Data: subject, Charset: 'UTF-8' },
        Body: {
          Html: { Data: html, Charset: 'UTF-8' },
          Text: {
            Data: `Hello,\n\nYour verification code is ${code(i)}. It expires in 10 minutes.`,
            Charset: 'UTF-8',
          },
        },
      },
    },
    // The pipeline tags every email with its usage type; the floor sends the same bytes.
    EmailTags: [{ Name: 'usage_type', Value: 'SignIn' }],
  };
}
