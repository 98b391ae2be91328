/**
 * The outbox page's only script, vanilla JS run as is by the browser (no build step).
 * Every value from a message is written with textContent or into the sandboxed iframe's
 * srcdoc, never as markup of the page itself: a subject is data, not HTML.
 * Kept free of backticks, `${` and backslashes so it can live in this string as is.
 */
export const outboxPageScript = `
(function () {
  'use strict';
  var state = { messages: [], items: Object.create(null), selectedId: null, pollTimer: null };
  var list = document.getElementById('list');
  var empty = document.getElementById('empty');
  var count = document.getElementById('count');
  var live = document.getElementById('live');
  var detail = document.getElementById('detail');
  var placeholder = document.getElementById('placeholder');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // ISO 8601 timestamps of one format order as strings; no parse per comparison.
  function newestFirst(a, b) {
    return a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0;
  }

  function formatTime(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? iso : date.toLocaleString();
  }

  function shortTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return iso;
    var today = new Date().toDateString() === date.toDateString();
    return today ? date.toLocaleTimeString() : date.toLocaleDateString();
  }

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + ' KB';
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function recipients(message) {
    return message.to.concat(message.cc, message.bcc).join(', ');
  }

  function setLive(text, mode) {
    live.textContent = text;
    live.setAttribute('data-mode', mode);
  }

  function itemFor(message) {
    var item = el('li');
    var button = el('button', 'item');
    button.type = 'button';
    button.setAttribute('data-id', message.messageId);
    button.setAttribute('data-testid', 'message-item');
    if (message.messageId === state.selectedId) button.setAttribute('aria-current', 'true');
    var top = el('span', 'item-top');
    top.appendChild(el('span', 'item-subject', message.subject || '(no subject)'));
    var time = el('time', 'item-time', shortTime(message.timestamp));
    time.setAttribute('datetime', message.timestamp);
    time.title = formatTime(message.timestamp);
    top.appendChild(time);
    button.appendChild(top);
    button.appendChild(el('span', 'item-from', message.from));
    button.appendChild(el('span', 'item-to', 'to ' + recipients(message)));
    item.appendChild(button);
    state.items[message.messageId] = item;
    return item;
  }

  function renderCount() {
    var n = state.messages.length;
    count.textContent = n + (n === 1 ? ' message' : ' messages');
    empty.hidden = n > 0;
  }

  /** The whole list, once per load; a live message is inserted on its own (see add). */
  function renderList() {
    state.items = Object.create(null);
    var fragment = document.createDocumentFragment();
    state.messages.forEach(function (message) {
      fragment.appendChild(itemFor(message));
    });
    list.textContent = '';
    list.appendChild(fragment);
    renderCount();
  }

  function headerRow(table, name, value) {
    if (value === undefined || value === null || value === '') return;
    var row = el('tr');
    row.appendChild(el('th', '', name));
    row.appendChild(el('td', '', value));
    table.appendChild(row);
  }

  function renderDetail() {
    var message = null;
    for (var i = 0; i < state.messages.length; i++) {
      if (state.messages[i].messageId === state.selectedId) message = state.messages[i];
    }
    detail.hidden = !message;
    placeholder.hidden = !!message;
    if (!message) return;

    document.getElementById('d-subject').textContent = message.subject || '(no subject)';
    var eml = document.getElementById('d-eml');
    eml.href = '_mock/outbox/' + encodeURIComponent(message.messageId) + '.eml';
    eml.setAttribute('download', message.messageId + '.eml');

    var table = document.getElementById('d-headers');
    table.textContent = '';
    headerRow(table, 'From', message.from);
    headerRow(table, 'To', message.to.join(', '));
    headerRow(table, 'Cc', message.cc.join(', '));
    headerRow(table, 'Bcc', message.bcc.join(', '));
    headerRow(table, 'Reply-To', message.replyTo.join(', '));
    headerRow(table, 'Date', formatTime(message.timestamp));
    headerRow(table, 'Message ID', message.messageId);
    headerRow(table, 'Request ID', message.requestId);
    headerRow(table, 'Sent as', message.operation + ' / ' + message.contentKind);
    headerRow(table, 'Template', message.templateName);
    headerRow(table, 'Configuration set', message.configurationSetName);
    headerRow(table, 'Feedback to', message.feedbackForwardingEmailAddress);
    headerRow(table, 'Region', message.region);
    var tags = Object.keys(message.tags || {}).map(function (key) {
      return key + '=' + message.tags[key];
    });
    headerRow(table, 'Tags', tags.join(', '));

    var extra = document.getElementById('d-extra');
    extra.textContent = '';
    (message.headers || []).forEach(function (header) {
      headerRow(extra, header.name, header.value);
    });
    document.getElementById('d-extra-box').hidden = !(message.headers && message.headers.length);
    if (window.mockSesShowEvents) window.mockSesShowEvents(message.messageId);

    var attachments = message.attachments || [];
    var files = document.getElementById('d-attachments');
    files.textContent = '';
    attachments.forEach(function (file) {
      var item = el('li');
      item.appendChild(el('span', 'file-name', file.filename || '(unnamed)'));
      item.appendChild(el('span', 'file-meta', file.contentType + ', ' + formatSize(file.size)));
      files.appendChild(item);
    });
    document.getElementById('d-attachments-box').hidden = attachments.length === 0;

    var frame = document.getElementById('d-html');
    var noHtml = document.getElementById('d-no-html');
    frame.hidden = message.html === undefined;
    noHtml.hidden = message.html !== undefined;
    frame.srcdoc = message.html === undefined ? '' : message.html;

    var text = document.getElementById('d-text');
    text.textContent = message.text === undefined ? '(no text part)' : message.text;
    text.classList.toggle('missing', message.text === undefined);
  }

  function markCurrent(id, current) {
    var item = id === null ? undefined : state.items[id];
    var button = item && item.firstChild;
    if (!button) return;
    if (current) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }

  function select(id) {
    markCurrent(state.selectedId, false);
    state.selectedId = id;
    markCurrent(id, true);
    if (history.replaceState) history.replaceState(null, '', '#' + encodeURIComponent(id));
    renderDetail();
  }

  function setMessages(messages) {
    state.messages = messages.slice().reverse().sort(newestFirst);
    renderList();
    renderDetail();
  }

  function load() {
    return fetch('_mock/outbox', { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (body) {
        setMessages(body.messages);
      })
      .catch(function () {
        setLive('cannot reach the mock', 'error');
      });
  }

  /** One live message: inserted where it sorts (nearly always first), nothing else redrawn. */
  function add(message) {
    if (state.items[message.messageId]) return;
    var i = 0;
    while (i < state.messages.length && newestFirst(message, state.messages[i]) > 0) i++;
    state.messages.splice(i, 0, message);
    var next = state.messages[i + 1];
    list.insertBefore(itemFor(message), next ? state.items[next.messageId] || null : null);
    renderCount();
    if (message.messageId === state.selectedId) renderDetail();
  }

  function poll() {
    setLive('polling', 'poll');
    if (!state.pollTimer) state.pollTimer = setInterval(load, 2000);
  }

  function connect() {
    if (!('EventSource' in window)) return poll();
    var source = new EventSource('_mock/events');
    source.onopen = function () {
      setLive('live', 'live');
      load();
    };
    source.onmessage = function (event) {
      add(JSON.parse(event.data));
    };
    source.addEventListener('cleared', function () {
      load();
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) poll();
      else setLive('reconnecting', 'error');
    };
  }

  // One listener for the whole list instead of one per item.
  list.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button.item') : null;
    if (button) select(button.getAttribute('data-id'));
  });

  document.getElementById('clear').addEventListener('click', function () {
    fetch('_mock/outbox', { method: 'DELETE' }).then(function () {
      state.selectedId = null;
      if (history.replaceState) history.replaceState(null, '', location.pathname);
      setMessages([]);
    });
  });

  // A fragment is whatever the address bar holds: a malformed one selects nothing, it must not
  // stop the script.
  if (location.hash.length > 1) {
    try {
      state.selectedId = decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      state.selectedId = null;
    }
  }
  load().then(connect);
})();
`;
