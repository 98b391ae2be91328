/**
 * The outbox page's "Delivery events" box: what SES reported about the selected message (Send,
 * Delivery, Bounce, Complaint) and the SNS topics each event went to. Appended to the page's
 * script (one CSP hash); values are written with textContent only. Same rules as the main
 * script: no backticks, no `${`, no backslashes.
 */
export const outboxPageEventsScript = `
(function () {
  'use strict';
  var box = document.getElementById('d-events-box');
  var body = document.getElementById('d-events');
  var shown = null;

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text === undefined || text === null ? '' : String(text);
    row.appendChild(td);
  }

  function render(messageId, events) {
    if (messageId !== shown) return;
    body.textContent = '';
    events.forEach(function (event) {
      var row = document.createElement('tr');
      row.setAttribute('data-event', event.eventType);
      cell(row, event.eventType);
      cell(row, new Date(event.timestamp).toLocaleTimeString());
      cell(row, (event.recipients || []).join(', '));
      cell(row, event.detail || '');
      cell(row, (event.topics || []).length ? 'SNS: ' + event.topics.join(', ') : 'not published');
      body.appendChild(row);
    });
    box.hidden = events.length === 0;
  }

  window.mockSesShowEvents = function (messageId) {
    shown = messageId;
    fetch('_mock/outbox/' + encodeURIComponent(messageId) + '/events', { cache: 'no-store' })
      .then(function (response) {
        return response.ok ? response.json() : { events: [] };
      })
      .then(function (answer) {
        render(messageId, answer.events || []);
      })
      .catch(function () {
        render(messageId, []);
      });
  };
})();
`;
