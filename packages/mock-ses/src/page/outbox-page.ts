import { createHash } from 'node:crypto';
import { outboxPageEventsScript } from './outbox-page-events-script.js';
import { outboxPageScript } from './outbox-page-script.js';
import { outboxPageStyle } from './outbox-page-style.js';

const pageScript = outboxPageScript + outboxPageEventsScript;
const scriptHash = createHash('sha256').update(pageScript).digest('base64');

/**
 * Only the page's own script runs. Inline styles stay allowed because the sandboxed
 * iframe inherits this policy and HTML emails are styled inline; images are limited to
 * data: URLs so opening a message never reaches the outside network (tracking pixels,
 * remote images), and frame-src 'none' keeps a clicked link from loading a site in the frame.
 */
export const outboxPageCsp = [
  "default-src 'none'",
  `script-src 'sha256-${scriptHash}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "connect-src 'self'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const outboxPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mock-ses outbox</title>
<link rel="icon" href="data:,">
<style>${outboxPageStyle}</style>
</head>
<body>
<header class="bar">
  <h1>mock-ses <span class="sub">outbox</span></h1>
  <span id="count" class="count" data-testid="count">0 messages</span>
  <span id="live" class="live" data-mode="connecting" data-testid="live">connecting</span>
  <button id="clear" class="clear" type="button" data-testid="clear">Clear outbox</button>
</header>
<main class="layout">
  <nav class="list-pane" aria-label="Messages">
    <ul id="list" class="list" data-testid="message-list"></ul>
    <p id="empty" class="empty" data-testid="empty">No messages yet. Point an SES v2 client at this server
      (<code>endpoint</code>) and send one: it appears here at once.</p>
  </nav>
  <section id="placeholder" class="placeholder">Select a message to read it.</section>
  <article id="detail" class="detail" data-testid="detail" hidden>
    <div class="detail-head">
      <h2 id="d-subject" data-testid="subject"></h2>
      <a id="d-eml" class="eml" data-testid="download-eml">Download .eml</a>
    </div>
    <table id="d-headers" class="headers" data-testid="headers"></table>
    <details id="d-extra-box" class="extra" hidden>
      <summary>Custom headers</summary>
      <table id="d-extra" class="headers"></table>
    </details>
    <details id="d-events-box" class="extra" data-testid="events" open hidden>
      <summary>Delivery events</summary>
      <table class="headers"><tbody id="d-events"></tbody></table>
    </details>
    <div id="d-attachments-box" hidden>
      <h3>Attachments</h3>
      <ul id="d-attachments" class="files" data-testid="attachments"></ul>
    </div>
    <h3>HTML part <span class="note">scripts do not run; remote images are not loaded</span></h3>
    <iframe id="d-html" class="html" sandbox="" title="HTML part of the message" data-testid="html-frame"></iframe>
    <p id="d-no-html" class="missing" hidden>(no HTML part)</p>
    <h3>Text part</h3>
    <pre id="d-text" class="text" data-testid="text-part"></pre>
  </article>
</main>
<script>${pageScript}</script>
</body>
</html>
`;

export function outboxPageResponse() {
  return new Response(outboxPageHtml, {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': outboxPageCsp,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  });
}
