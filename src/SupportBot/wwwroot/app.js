// SupportBot local web chat: posts each message to /api/chat and shows the turn's replies. It also
// polls the conversation's history for messages the bot sends on its own (a lead acted, or asks the
// agent a question) and shows those it has not shown yet.
(() => {
  const log = document.getElementById('log');
  const buttons = document.getElementById('buttons');
  const form = document.getElementById('composer');
  const text = document.getElementById('text');
  const files = document.getElementById('files');
  const storageKey = 'supportbot.conversationId';
  const pollMs = 3000;
  const shown = new Set(); // ids of the bot's activities already on the page
  let sending = 0;         // sends in flight; polling waits for them, so replies arrive in order

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

  // Shows bot activities not shown yet; true when it showed any.
  function showBot(activities) {
    let any = false;
    for (const a of activities) {
      if (a.id && shown.has(a.id)) continue;
      if (a.id) shown.add(a.id);
      add('bot', render(a.text));
      any = true;
    }

    return any;
  }

  function showReplies(replies) {
    showBot(replies);
    showButtons(replies[replies.length - 1]);
  }

  async function send(message) {
    const mine = message.text ?? (message.attachments || []).map(a => '📎 ' + a.name).join('\n');
    add('me', escape(mine));
    buttons.replaceChildren();
    sending++;
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
    } finally {
      sending--;
    }
  }

  async function loadHistory() {
    try {
      const response = await fetch(`api/chat/${conversationId}/history`);
      const body = await response.json();
      const items = body.activities || [];
      for (const item of items) {
        if (item.direction === 'out') {
          showBot([item.activity]);
        } else if ((item.activity.type || 'message') === 'message') {
          // Inbound events (a lead's action reaching this conversation) are not the agent's words.
          add('me', escape(item.activity.text || ''));
        }
      }
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

  // Messages the bot sent on its own since the page last looked: they are in the transcript only.
  async function poll() {
    const id = conversationId;
    try {
      if (sending === 0) {
        const response = await fetch(`api/chat/${id}/history`, { cache: 'no-store' });
        if (response.ok) {
          const body = await response.json();
          // A send that started meanwhile shows its own replies; a conversation switch makes this stale.
          if (sending === 0 && id === conversationId) {
            const fresh = (body.activities || []).filter(i => i.direction === 'out').map(i => i.activity).filter(a => a.id && !shown.has(a.id));
            if (showBot(fresh)) {
              const last = fresh[fresh.length - 1];
              if (last?.suggestedActions?.actions?.length) showButtons(last);
            }
          }
        }
      }
    } catch {
      // The server may be restarting; the next poll tries again.
    }

    setTimeout(poll, pollMs);
  }

  document.getElementById('new-conversation').addEventListener('click', () => {
    conversationId = newId();
    localStorage.setItem(storageKey, conversationId);
    shown.clear();
    log.replaceChildren();
    buttons.replaceChildren();
    send({ text: 'help' });
  });

  loadHistory().then(() => setTimeout(poll, pollMs));
})();
