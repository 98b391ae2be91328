import type { ConnectorMetadata } from '../src/contract.js';
import type { Template } from '../src/template.js';

/** The smallest valid template set: the four required usage types. */
export const requiredTemplates: Template[] = [
  { usageType: 'Register', subject: 'Welcome', content: '<p>Your code is {{code}}</p>' },
  { usageType: 'SignIn', subject: 'Sign in', content: '<p>Sign-in code: {{code}}</p>' },
  { usageType: 'ForgotPassword', subject: 'Reset', content: '<p>Reset code: {{code}}</p>' },
  { usageType: 'Generic', subject: 'Your code', content: '<p>Code: {{code}}</p>' },
];

/** Metadata of a test connector that declares no optional capability and has no form. */
export function bareMetadata(
  provider: string,
  description = 'A test connector',
): ConnectorMetadata {
  return {
    id: `${provider}-email`,
    provider,
    name: provider,
    description,
    capabilities: {
      check: false,
      tags: false,
      replyTo: false,
      retries: false,
      requestTimeout: false,
    },
    formItems: [],
  };
}
