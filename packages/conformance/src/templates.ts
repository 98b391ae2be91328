import type { Template, UsageType } from '@org/connector-core';

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

/**
 * The template set the suite sends with; put `[...conformanceTemplates]` in the harness's
 * `validConfig.templates`. It covers the four required usage types, two optional ones with
 * their own template (one of them plain text), three optional ones that fall back to
 * `Generic`, and localized templates (`fr`, `zh-Hant`) for the locale fallback tests.
 * Subjects carry non-ASCII characters so that encoding problems show.
 */
export const conformanceTemplates: readonly Template[] = deepFreeze([
  {
    usageType: 'Register',
    subject: 'Register – code {{code}}',
    content: '<p>Welcome! Your code is <strong>{{code}}</strong>.</p>',
  },
  {
    usageType: 'Register',
    locale: 'fr',
    subject: 'Inscription – code {{code}}',
    content: '<p>Bienvenue ! Votre code est <strong>{{code}}</strong>.</p>',
  },
  {
    usageType: 'SignIn',
    subject: 'Sign-in code {{code}}',
    content: '<p>Your sign-in code is <b>{{code}}</b>.</p>',
  },
  {
    usageType: 'SignIn',
    locale: 'zh-Hant',
    subject: '登入驗證碼 {{code}}',
    content: '<p>您的登入驗證碼是 <b>{{code}}</b>。</p>',
  },
  {
    usageType: 'ForgotPassword',
    subject: 'Reset your password – {{code}}',
    content: '<p>Use <b>{{code}}</b> to reset your password.</p>',
  },
  {
    usageType: 'Generic',
    subject: 'Your verification code {{code}}',
    content: '<p>Your verification code is <b>{{code}}</b>.</p>',
  },
  {
    usageType: 'Generic',
    locale: 'fr',
    subject: 'Votre code de vérification {{code}}',
    content: '<p>Votre code de vérification est <b>{{code}}</b>.</p>',
  },
  {
    usageType: 'OrganizationInvitation',
    subject: 'Join {{organization.name}}',
    content:
      '<p>You are invited to <b>{{organization.name}}</b>. <a href="{{link}}">Accept the invitation</a>. Code: {{code}}</p>',
  },
  {
    usageType: 'MfaVerification',
    contentType: 'text/plain',
    subject: 'MFA code {{code}}',
    content: 'Your MFA code is {{code}}.\nIt expires in 10 minutes.',
  },
]);

/** The variables every send of the suite carries, so that every template renders. */
export interface ConformancePayload {
  code: string;
  link: string;
  organization: { name: string };
  locale?: string;
  [variable: string]: unknown;
}

export function conformancePayload(code: string, extra: Partial<ConformancePayload> = {}) {
  return {
    code,
    link: 'https://app.example.com/invitation?id=42',
    organization: { name: 'Acme' },
    ...extra,
  } satisfies ConformancePayload;
}

/** The template of `conformanceTemplates` a send without a locale must use. */
export function defaultTemplateFor(usageType: UsageType): Template {
  const own = conformanceTemplates.find((t) => t.usageType === usageType && t.locale === undefined);
  const generic = conformanceTemplates.find(
    (t) => t.usageType === 'Generic' && t.locale === undefined,
  );
  const template = own ?? generic;
  if (!template) throw new Error('conformanceTemplates must have a Generic template');
  return template;
}

export function templateFor(usageType: UsageType, locale: string): Template {
  const template = conformanceTemplates.find(
    (t) => t.usageType === usageType && t.locale === locale,
  );
  if (!template) throw new Error(`conformanceTemplates has no ${usageType} template for ${locale}`);
  return template;
}

function lookup(payload: Record<string, unknown>, path: string): string {
  let current: unknown = payload;
  for (const segment of path.split('.')) {
    current = (current as Record<string, unknown> | undefined)?.[segment];
  }
  return String(current);
}

/**
 * The subject a template renders to: a deliberately naive substitution, independent of
 * core's renderer, so that the suite checks the pipeline rather than repeating it.
 */
export function expectedSubject(template: Template, payload: Record<string, unknown>): string {
  return template.subject.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, path: string) =>
    lookup(payload, path),
  );
}
