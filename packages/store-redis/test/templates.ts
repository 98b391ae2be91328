import type { Template } from '@org/connector-core';

export const templates: Template[] = [
  { usageType: 'Register', subject: 'Welcome', content: '<p>Your code is {{code}}</p>' },
  { usageType: 'SignIn', subject: 'Sign in', content: '<p>Sign-in code: {{code}}</p>' },
  { usageType: 'ForgotPassword', subject: 'Reset', content: '<p>Reset code: {{code}}</p>' },
  { usageType: 'Generic', subject: 'Your code', content: '<p>Code: {{code}}</p>' },
];
