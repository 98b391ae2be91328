import type { ConfigFormItem } from './contract.js';

// Form items of the config fields every provider has (see config-fields.ts), worded once.
// Frozen: every provider's metadata shares these objects.

/** The `replyTo` field (`replyToField()`): one address or a list. */
export const replyToFormItem: Readonly<ConfigFormItem> = Object.freeze({
  key: 'replyTo',
  label: 'Reply-To addresses',
  type: 'json',
  required: false,
  description: 'An address or a list of addresses replies go to.',
});

/** The `templates` field (`templatesSchema`). */
export const templatesFormItem: Readonly<ConfigFormItem> = Object.freeze({
  key: 'templates',
  label: 'Templates',
  type: 'json',
  required: true,
  description:
    'Email templates: [{ usageType, subject, content, locale?, contentType? }], covering Register, SignIn, ForgotPassword and Generic.',
});
