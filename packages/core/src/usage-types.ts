import { lazySchema } from './lazy-schema.js';

/** Every kind of email a connector sends. The first four are required in every template set. */
export const usageTypes = [
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
  'OrganizationInvitation',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
] as const;

export type UsageType = (typeof usageTypes)[number];

/** A template set must cover these; the others fall back to `Generic`. */
export const requiredUsageTypes = ['Register', 'SignIn', 'ForgotPassword', 'Generic'] as const;

export type RequiredUsageType = (typeof requiredUsageTypes)[number];

/** Usage types that deliver a one-time code: their templates should use `{{code}}`. */
export const verificationUsageTypes: readonly UsageType[] = [
  'Register',
  'SignIn',
  'ForgotPassword',
  'Generic',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
];

export const usageTypeSchema = lazySchema((z) => z.enum(usageTypes));

export function isUsageType(value: unknown): value is UsageType {
  return typeof value === 'string' && (usageTypes as readonly string[]).includes(value);
}
