const unverifiedPattern = /not verified/i;
const failedIdentitiesPattern = /failed the check in region ([A-Za-z0-9-]+)\s*:\s*(.+?)\.?\s*$/is;

export function domainOf(address: string | undefined): string | undefined {
  const at = address?.lastIndexOf('@') ?? -1;
  return at > 0 ? address!.slice(at + 1).toLowerCase() : undefined;
}

/**
 * The hint of a `MessageRejected`: for an unverified identity, which one (the sender, or a
 * sandbox recipient) and where to verify it.
 */
export function rejectedHint(
  message: string,
  context: { region: string; fromAddress?: string | undefined },
): string {
  if (!unverifiedPattern.test(message)) {
    return `SES refused this message: "${message}". Check the From and recipient addresses and the content; a sender SES considers risky is refused too.`;
  }
  const match = message.match(failedIdentitiesPattern);
  const region = (match?.[1] ?? context.region).toLowerCase();
  const identities = (match?.[2] ?? '')
    .split(/[,\s]+/)
    .map((identity) => identity.trim())
    .filter((identity) => identity !== '');
  const from = context.fromAddress?.toLowerCase();
  const fromDomain = domainOf(from);
  const senders = identities.filter((id) => {
    const lower = id.toLowerCase();
    return lower === from || lower === fromDomain;
  });
  const recipients = identities.filter((id) => !senders.includes(id));
  const parts: string[] = [];
  if (senders.length > 0 || identities.length === 0) {
    const sender = senders[0] ?? context.fromAddress ?? 'the From address';
    parts.push(
      `Verify the sender identity ${sender} (or its domain${fromDomain ? ` ${fromDomain}` : ''}) in Amazon SES in region ${region}: SES console → Configuration → Identities. Identities are per region, so the config's region must be the identity's.`,
    );
  }
  if (recipients.length > 0) {
    parts.push(
      `The recipient ${recipients.join(', ')} is not a verified identity in region ${region}: the account is in the SES sandbox, where every recipient must be verified too. Verify it, or request production access (SES console → Account dashboard).`,
    );
  } else {
    parts.push(
      'If the account is still in the SES sandbox, every recipient must be verified too; request production access to send to anyone.',
    );
  }
  return parts.join(' ');
}
