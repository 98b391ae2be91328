import { SESv2Client, type SESv2ClientConfig } from '@aws-sdk/client-sesv2';

/** Static fake keys: a test must never reach the credential chain (or AWS). */
export const testCredentials = {
  accessKeyId: 'AKIDMOCKSESTEST',
  secretAccessKey: 'mock-ses-test-secret',
} as const;

export function sesClientFor(endpoint: string, config: Partial<SESv2ClientConfig> = {}) {
  return new SESv2Client({
    endpoint,
    region: 'us-east-1',
    credentials: testCredentials,
    ...config,
  });
}

export const simpleEmail = (to: string, subject = 'Welcome') => ({
  FromEmailAddress: 'Acme <noreply@acme.test>',
  Destination: { ToAddresses: [to] },
  Content: {
    Simple: {
      Subject: { Data: subject, Charset: 'UTF-8' },
      Body: {
        Html: { Data: `<h1>Hello</h1><p>${subject} body</p>`, Charset: 'UTF-8' },
        Text: { Data: `Hello\n${subject} body`, Charset: 'UTF-8' },
      },
    },
  },
});
