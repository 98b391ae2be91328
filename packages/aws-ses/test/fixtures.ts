import type { Template } from '@org/connector-core';

/** Static fake credentials: tests only ever talk to the mock. */
export const fakeCredentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  accessKeySecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

export const templates: Template[] = [
  { usageType: 'Register', subject: 'Welcome to Acme', content: '<p>Your code is {{code}}</p>' },
  { usageType: 'SignIn', subject: 'Sign in to Acme', content: '<p>Your code is {{code}}</p>' },
  {
    usageType: 'SignIn',
    locale: 'de',
    subject: 'Anmeldung bei Acme',
    content: '<p>Ihr Code lautet {{code}}. Schöne Grüße!</p>',
  },
  {
    usageType: 'ForgotPassword',
    subject: 'Reset your password',
    content: 'Your reset code is {{code}}.',
    contentType: 'text/plain',
  },
  { usageType: 'Generic', subject: 'Your Acme code', content: '<p>Code: {{code}}</p>' },
];

/** A Logto-shaped config (Logto's keys only) pointed at a mock. */
export function logtoConfig(endpoint: string) {
  return {
    ...fakeCredentials,
    region: 'us-east-1',
    emailAddress: 'Acme<noreply@acme.test>',
    templates,
    endpoint,
  };
}
