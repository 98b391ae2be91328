/** The SES v2 operations the mock serves, with their restJson1 routes (as `@aws-sdk/client-sesv2` sends them). */
export type SesOperation =
  | 'SendEmail'
  | 'SendBulkEmail'
  | 'GetAccount'
  | 'PutAccountSendingAttributes'
  | 'CreateEmailIdentity'
  | 'GetEmailIdentity'
  | 'DeleteEmailIdentity'
  | 'ListEmailIdentities'
  | 'CreateConfigurationSet'
  | 'GetConfigurationSet'
  | 'DeleteConfigurationSet'
  | 'ListConfigurationSets'
  | 'CreateEmailTemplate'
  | 'GetEmailTemplate'
  | 'UpdateEmailTemplate'
  | 'DeleteEmailTemplate'
  | 'ListEmailTemplates'
  | 'TestRenderEmailTemplate'
  | 'CreateConfigurationSetEventDestination'
  | 'GetConfigurationSetEventDestinations'
  | 'UpdateConfigurationSetEventDestination'
  | 'DeleteConfigurationSetEventDestination'
  | 'PutSuppressedDestination'
  | 'GetSuppressedDestination'
  | 'DeleteSuppressedDestination'
  | 'ListSuppressedDestinations';

const feedbackRoutes: [string, string, SesOperation][] = [
  [
    'POST',
    'configuration-sets/{ConfigurationSetName}/event-destinations',
    'CreateConfigurationSetEventDestination',
  ],
  [
    'GET',
    'configuration-sets/{ConfigurationSetName}/event-destinations',
    'GetConfigurationSetEventDestinations',
  ],
  [
    'PUT',
    'configuration-sets/{ConfigurationSetName}/event-destinations/{EventDestinationName}',
    'UpdateConfigurationSetEventDestination',
  ],
  [
    'DELETE',
    'configuration-sets/{ConfigurationSetName}/event-destinations/{EventDestinationName}',
    'DeleteConfigurationSetEventDestination',
  ],
  ['PUT', 'suppression/addresses', 'PutSuppressedDestination'],
  ['GET', 'suppression/addresses', 'ListSuppressedDestinations'],
  ['GET', 'suppression/addresses/{EmailAddress}', 'GetSuppressedDestination'],
  ['DELETE', 'suppression/addresses/{EmailAddress}', 'DeleteSuppressedDestination'],
];

interface Route {
  method: string;
  /** Path segments after `/v2/email/`; `{Name}` captures one segment. */
  pattern: string[];
  operation: SesOperation;
}

const route = (method: string, path: string, operation: SesOperation): Route => ({
  method,
  pattern: path.split('/').filter(Boolean),
  operation,
});

const routes: Route[] = [
  route('POST', 'outbound-emails', 'SendEmail'),
  route('POST', 'outbound-bulk-emails', 'SendBulkEmail'),
  route('GET', 'account', 'GetAccount'),
  route('PUT', 'account/sending', 'PutAccountSendingAttributes'),
  route('POST', 'identities', 'CreateEmailIdentity'),
  // Older SDKs list with GET /identities, current ones with POST /list-identities.
  route('GET', 'identities', 'ListEmailIdentities'),
  route('POST', 'list-identities', 'ListEmailIdentities'),
  route('GET', 'identities/{EmailIdentity}', 'GetEmailIdentity'),
  route('DELETE', 'identities/{EmailIdentity}', 'DeleteEmailIdentity'),
  route('POST', 'configuration-sets', 'CreateConfigurationSet'),
  route('GET', 'configuration-sets', 'ListConfigurationSets'),
  route('POST', 'list-configuration-sets', 'ListConfigurationSets'),
  route('GET', 'configuration-sets/{ConfigurationSetName}', 'GetConfigurationSet'),
  route('DELETE', 'configuration-sets/{ConfigurationSetName}', 'DeleteConfigurationSet'),
  route('POST', 'templates', 'CreateEmailTemplate'),
  route('GET', 'templates', 'ListEmailTemplates'),
  route('GET', 'templates/{TemplateName}', 'GetEmailTemplate'),
  route('PUT', 'templates/{TemplateName}', 'UpdateEmailTemplate'),
  route('DELETE', 'templates/{TemplateName}', 'DeleteEmailTemplate'),
  route('POST', 'templates/{TemplateName}/render', 'TestRenderEmailTemplate'),
  ...feedbackRoutes.map(([method, path, operation]) => route(method, path, operation)),
];

export interface RouteMatch {
  operation: SesOperation;
  params: Record<string, string>;
}

const PREFIX = ['v2', 'email'];

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Matches the path after any base path (an endpoint such as `http://host/prefix` keeps working). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  const segments = pathname.split('/').filter(Boolean);
  const start = segments.findIndex((s, i) => s === PREFIX[0] && segments[i + 1] === PREFIX[1]);
  if (start < 0) return undefined;
  const rest = segments.slice(start + PREFIX.length);
  for (const r of routes) {
    if (r.method !== method.toUpperCase() || r.pattern.length !== rest.length) continue;
    const params: Record<string, string> = {};
    const ok = r.pattern.every((p, i) => {
      const actual = rest[i] as string;
      if (p.startsWith('{')) {
        const decoded = decodeSegment(actual);
        if (decoded === undefined || decoded === '') return false;
        params[p.slice(1, -1)] = decoded;
        return true;
      }
      return p === actual;
    });
    if (ok) return { operation: r.operation, params };
  }
  return undefined;
}

/** Whether the path is under SES's `/v2/email/` API at all (for telling an unknown operation apart). */
export function isSesPath(pathname: string): boolean {
  return /(^|\/)v2\/email(\/|$)/.test(pathname);
}
