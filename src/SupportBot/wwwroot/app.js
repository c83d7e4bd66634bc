// SupportBot local web chat: posts each message to /api/chat and shows the turn's replies.
(() => {
  const log = document.getElementById('log');
  const buttons = document.getElementById('buttons');
  const form = document.getElementById('composer');
  const text = document.getElementById('text');
  const files = document.getElementById('files');
  const storageKey = 'supportbot.conversationId';

  const newId = () => 'web-' + crypto.randomUUID().replaceAll('-', '').slice(0, 16);
  let conversationId = localStorage.getItem(storageKey) || newId();
  localStorage.setItem(storageKey, conversationId);

  // A small, safe markdown subset: escape first, then **bold**, _italic_, `code` and ``` blocks.
  const escape = s => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const render = s => escape(s || '')
    .replace(/```\n?([\s\S]*?)```/g, (_, code) => `<pre>${code}</pre><button type="button" class="copy">Copy note</button>`)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1<em>$2</em>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');

  function add(kind, html) {
    const li = document.createElement('li');
    li.className = kind;
    li.innerHTML = html;
    li.querySelectorAll('button.copy').forEach(b => b.addEventListener('click', () => {
      navigator.clipboard?.writeText(b.previousElementSibling.textContent);
      b.textContent = 'Copied';
    }));
    log.appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }

  function showButtons(activity) {
    buttons.replaceChildren();
    for (const action of activity?.suggestedActions?.actions || []) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = action.title;
      b.addEventListener('click', () => send({ text: action.value ?? action.title }));
      buttons.appendChild(b);
    }
  }

  function showReplies(replies) {
    for (const r of replies) add('bot', render(r.text));
    showButtons(replies[replies.length - 1]);
  }

  async function send(message) {
    const shown = message.text ?? (message.attachments || []).map(a => '📎 ' + a.name).join('\n');
    add('me', escape(shown));
    buttons.replaceChildren();
    try {
      const response = await fetch('api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversationId, userId: 'web-agent', userName: 'Agent', ...message }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error || response.statusText);
      showReplies(body.replies);
    } catch (e) {
      add('error', escape('Could not reach SupportBot: ' + e.message));
    }
  }

  async function loadHistory() {
    try {
      const response = await fetch(`api/chat/${conversationId}/history`);
      const body = await response.json();
      const items = body.activities || [];
      for (const item of items) add(item.direction === 'in' ? 'me' : 'bot', item.direction === 'in' ? escape(item.activity.text || '') : render(item.activity.text));
      const lastOut = [...items].reverse().find(i => i.direction === 'out');
      if (lastOut) showButtons(lastOut.activity);
      if (items.length === 0) await send({ text: 'help' });
    } catch (e) {
      add('error', escape('Could not load the conversation: ' + e.message));
    }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const value = text.value.trim();
    if (!value) return;
    text.value = '';
    send({ text: value });
  });

  files.addEventListener('change', () => {
    const attachments = [...files.files].map(f => ({ name: f.name, contentType: f.type || 'application/octet-stream' }));
    files.value = '';
    if (attachments.length) send({ attachments });
  });

  document.getElementById('new-conversation').addEventListener('click', () => {
    conversationId = newId();
    localStorage.setItem(storageKey, conversationId);
    log.replaceChildren();
    buttons.replaceChildren();
    send({ text: 'help' });
  });

  loadHistory();
})();
