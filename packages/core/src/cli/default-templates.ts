import type { Template } from '../template.js';

const content = (intro: string) =>
  `<p>${intro}</p><p style="font-size:24px;letter-spacing:4px"><strong>{{code}}</strong></p><p>If you did not ask for it, ignore this email.</p>`;

/** What the CLI sends with when neither the config nor `--templates` gives templates. */
export const defaultCliTemplates: readonly Template[] = [
  {
    usageType: 'Register',
    subject: 'Confirm your email',
    content: content('Your registration code:'),
  },
  { usageType: 'SignIn', subject: 'Your sign-in code', content: content('Your sign-in code:') },
  {
    usageType: 'ForgotPassword',
    subject: 'Reset your password',
    content: content('Your password reset code:'),
  },
  {
    usageType: 'Generic',
    subject: 'Your verification code',
    content: content('Your verification code:'),
  },
];
