import {
  dropBlankOptionalFields,
  lazySchema,
  mailboxField,
  maxAttemptsField,
  replyToField,
  secret,
  tagsField,
  templatesSchema,
  type Zod,
} from '@org/connector-core/provider';
import type { z } from 'zod';

const regionSource = '[a-z]{2,4}(?:-[a-z]+){1,3}-\\d{1,2}';

/** `us-east-1`, `eu-central-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`, ... */
export const awsRegionPattern = new RegExp(`^${regionSource}$`);

/** `arn:aws:ses:us-east-1:123456789012:identity/example.com` (also `aws-cn`, `aws-us-gov`). */
export const sesIdentityArnPattern = new RegExp(
  `^arn:aws[a-z-]*:ses:(${regionSource}):(\\d{12}):identity/(\\S+)$`,
);

/** SES message tag names and values: ASCII letters, digits, `_` and `-`, at most 256 characters. */
export const sesTagPattern = /^[A-Za-z0-9_-]{1,256}$/;

export const defaultMaxAttempts = 3;
export const defaultRequestTimeoutMs = 10_000;
export const defaultMaxQueueWaitMs = 30_000;

const pacingMessage =
  'must be "off", "auto" (read the rate from the SES account) or { "maxSendRate": <emails per second> }';

/**
 * `off`: no client-side pacing (SES throttles, the SDK retries). `auto`: the account's
 * `MaxSendRate`, read with GetAccount. `{ maxSendRate }`: a fixed rate per second.
 */
const pacingSchema = lazySchema((z) =>
  z.union(
    [
      z.enum(['off', 'auto']),
      z.strictObject({
        maxSendRate: z
          .number({ error: 'must be a number of emails per second, e.g. 14' })
          .positive('must be more than 0 emails per second')
          .max(100_000, 'must be at most 100000 emails per second'),
      }),
    ],
    { error: pacingMessage },
  ),
);

// Setup forms (Logto's among them) save an optional field left blank as "": dropped before
// validation, so such a config validates unchanged.
const optionalKeys = [
  'accessKeyId',
  'accessKeySecret',
  'sessionToken',
  'emailAddressIdentityArn',
  'feedbackForwardingEmailAddress',
  'feedbackForwardingEmailAddressIdentityArn',
  'configurationSetName',
  'endpoint',
] as const;

function identityArn(z: Zod) {
  return z
    .string()
    .regex(
      sesIdentityArnPattern,
      'must be an SES identity ARN such as arn:aws:ses:us-east-1:123456789012:identity/example.com',
    );
}

/** The config object itself (before blank optional fields are dropped). */
export const awsSesConfigObjectSchema = lazySchema((z) =>
  z
    .object({
      accessKeyId: z.string().min(1).optional(),
      accessKeySecret: secret(z.string().min(1)).optional(),
      sessionToken: secret(z.string().min(1)).optional(),
      region: z
        .string({ error: 'required, e.g. us-east-1 (the region of your SES identities)' })
        .regex(
          awsRegionPattern,
          'must be an AWS region such as us-east-1 or eu-central-1 (lower case)',
        ),
      emailAddress: mailboxField('"Acme <noreply@acme.com>" or noreply@acme.com'),
      emailAddressIdentityArn: identityArn(z).optional(),
      feedbackForwardingEmailAddress: mailboxField('bounces@acme.com').optional(),
      feedbackForwardingEmailAddressIdentityArn: identityArn(z).optional(),
      configurationSetName: z
        .string()
        .regex(
          /^[A-Za-z0-9_-]{1,64}$/,
          'may use only ASCII letters, digits, "_" and "-" (at most 64 characters)',
        )
        .optional(),
      endpoint: z
        .url({
          protocol: /^https?$/,
          error: 'must be an http(s) URL such as http://127.0.0.1:4566',
        })
        .optional(),
      replyTo: replyToField().optional(),
      tags: tagsField({
        pattern: sesTagPattern,
        rule: 'ASCII letters, digits, "_" and "-" (1 to 256 characters)',
      }).optional(),
      maxAttempts: maxAttemptsField(defaultMaxAttempts),
      requestTimeoutMs: z
        .number()
        .int()
        .min(1, 'must be a positive number of milliseconds')
        .max(300_000, 'must be at most 300000 (5 minutes)')
        .default(defaultRequestTimeoutMs),
      pacing: pacingSchema.default('off'),
      maxQueueWaitMs: z
        .number({ error: 'must be a number of milliseconds, e.g. 30000' })
        .int('must be a whole number of milliseconds')
        .min(0, 'must be 0 or more milliseconds (0: never wait for a send slot)')
        .max(600_000, 'must be at most 600000 (10 minutes)')
        .default(defaultMaxQueueWaitMs),
      templates: templatesSchema,
    })
    .superRefine((config, ctx) => {
      const hasId = config.accessKeyId !== undefined;
      const hasSecret = config.accessKeySecret !== undefined;
      if (hasId && !hasSecret) {
        ctx.addIssue({
          code: 'custom',
          path: ['accessKeySecret'],
          message:
            'required when accessKeyId is set (or leave both out to use the AWS default credential chain)',
        });
      }
      if (hasSecret && !hasId) {
        ctx.addIssue({
          code: 'custom',
          path: ['accessKeyId'],
          message:
            'required when accessKeySecret is set (or leave both out to use the AWS default credential chain)',
        });
      }
      if (config.sessionToken !== undefined && !(hasId && hasSecret)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sessionToken'],
          message: 'only used together with accessKeyId and accessKeySecret; set them too',
        });
      }
      // SES only honours an identity in the region the request is sent to.
      for (const field of [
        'emailAddressIdentityArn',
        'feedbackForwardingEmailAddressIdentityArn',
      ] as const) {
        const arnRegion = config[field]?.match(sesIdentityArnPattern)?.[1];
        if (arnRegion !== undefined && arnRegion !== config.region) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: `the identity is in region ${arnRegion} but region is ${config.region}; SES needs the identity in the region it sends from`,
          });
        }
      }
    }),
);

/**
 * The SES connector's config: the keys of Logto's AWS SES connector (a Logto config validates
 * unchanged), plus optional `sessionToken`, `endpoint`, `replyTo`, `tags`, `maxAttempts`,
 * `requestTimeoutMs`, `pacing` and `maxQueueWaitMs`. Without `accessKeyId`/`accessKeySecret` the AWS default credential chain
 * is used (environment, shared profile, SSO, container and instance roles).
 */
export const awsSesConfigSchema = lazySchema((z) =>
  z.preprocess((value) => dropBlankOptionalFields(value, optionalKeys), awsSesConfigObjectSchema),
);

/** A validated config, defaults applied. */
export type AwsSesConfig = z.output<typeof awsSesConfigObjectSchema>;

/** How sends are paced: `off`, `auto` or a fixed rate. */
export type AwsSesPacing = AwsSesConfig['pacing'];

/** What a caller may pass as config. */
export type AwsSesConfigInput = z.input<typeof awsSesConfigObjectSchema>;
