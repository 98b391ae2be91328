/** SES event-publishing records and identity notifications, shaped as SES sends them. */
const mail = (destination: string[], extra: Record<string, unknown> = {}) => ({
  timestamp: '2026-12-03T08:00:00.000Z',
  source: 'Acme <noreply@acme.test>',
  sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/acme.test',
  sendingAccountId: '123456789012',
  messageId: '0100018f-msg',
  destination,
  headersTruncated: false,
  headers: [{ name: 'Subject', value: 'Your code is 402911' }],
  commonHeaders: { subject: 'Your code is 402911' },
  ...extra,
});

const at = '2026-12-03T08:00:02.000Z';

export const sesRecords = {
  send: {
    eventType: 'Send',
    mail: mail(['a@example.com', 'b@example.com'], {
      tags: { usage_type: ['SignIn'], 'ses:configuration-set': ['feedback'] },
    }),
    send: {},
  },
  delivery: {
    eventType: 'Delivery',
    mail: mail(['a@example.com']),
    delivery: {
      timestamp: at,
      processingTimeMillis: 546,
      recipients: ['a@example.com'],
      smtpResponse: '250 2.6.0 Message received',
      reportingMTA: 'a8-70.smtp-out.amazonses.com',
    },
  },
  hardBounce: {
    eventType: 'Bounce',
    mail: mail(['gone@example.com']),
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: 'gone@example.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 user unknown',
        },
      ],
      timestamp: at,
      feedbackId: 'fb-1',
    },
  },
  softBounce: {
    eventType: 'Bounce',
    mail: mail(['full@example.com']),
    bounce: {
      bounceType: 'Transient',
      bounceSubType: 'MailboxFull',
      bouncedRecipients: [{ emailAddress: 'full@example.com' }],
      timestamp: at,
    },
  },
  complaint: {
    eventType: 'Complaint',
    mail: mail(['angry@example.com']),
    complaint: {
      complainedRecipients: [{ emailAddress: 'angry@example.com' }],
      timestamp: at,
      complaintFeedbackType: 'abuse',
      feedbackId: 'fb-2',
    },
  },
  reject: { eventType: 'Reject', mail: mail(['a@example.com']), reject: { reason: 'Bad content' } },
  delay: {
    eventType: 'DeliveryDelay',
    mail: mail(['slow@example.com']),
    deliveryDelay: {
      timestamp: at,
      delayType: 'TransientCommunicationFailure',
      expirationTime: '2026-12-04T08:00:00.000Z',
      delayedRecipients: [
        {
          emailAddress: 'slow@example.com',
          status: '4.4.1',
          diagnosticCode: 'smtp; 421 4.4.1 Unable to connect',
        },
      ],
    },
  },
  open: {
    eventType: 'Open',
    mail: mail(['a@example.com']),
    open: { timestamp: at, ipAddress: '192.0.2.1', userAgent: 'Mail/1.0' },
  },
  click: {
    eventType: 'Click',
    mail: mail(['a@example.com']),
    click: {
      timestamp: at,
      ipAddress: '192.0.2.1',
      userAgent: 'Mail/1.0',
      link: 'https://acme.test/verify',
      linkTags: {},
    },
  },
  renderingFailure: {
    eventType: 'Rendering Failure',
    mail: mail(['a@example.com']),
    failure: {
      templateName: 'Welcome',
      errorMessage: "Attribute 'code' is not present in the rendering data.",
    },
  },
  identityBounce: {
    notificationType: 'Bounce',
    mail: mail(['gone@example.com']),
    bounce: {
      bounceType: 'Permanent',
      bounceSubType: 'NoEmail',
      bouncedRecipients: [{ emailAddress: 'gone@example.com' }],
      timestamp: at,
    },
  },
  identityComplaint: {
    notificationType: 'Complaint',
    mail: mail(['angry@example.com']),
    complaint: { complainedRecipients: [{ emailAddress: 'angry@example.com' }], timestamp: at },
  },
  setupTest: {
    notificationType: 'AmazonSnsSubscriptionSucceeded',
    message: 'You have successfully subscribed your Amazon SNS topic',
  },
} as const;
