export const defaultCliPort = 4580;

export const cliUsage = `Usage: mock-ses [options]

A local Amazon SES v2 endpoint with an outbox page. Point an SESv2Client at it with
{ endpoint: '<printed URL>', region, credentials: <any static keys> }.

Options:
  --port <n>                      Port to listen on (default ${defaultCliPort}; 0 picks a free one)
  --host <address>                Address to bind (default 127.0.0.1)
  --region <region>               Region the mock answers as (default us-east-1)
  --sandbox                       Sandbox account: recipients must be verified identities too
  --identity <email|domain>       A verified identity; repeat for more. Without any, every sender
                                  is accepted
  --max-send-rate <n>             Recipients per second before TooManyRequestsException
  --max-24h-send <n>              Recipients per 24 hours before "Daily message quota exceeded."
  --verify-signatures <id:secret> Check every request's SigV4 signature against these keys;
                                  repeat for more key pairs
  -h, --help                      Show this help

Pages and routes:
  /                   the outbox page (live)
  /v2/email/...       the SES v2 API
  /_mock/outbox       sent messages as JSON (also /_mock/requests, /_mock/faults, /_mock/health)
  /_aws/ses           LocalStack's outbox shape
`;
