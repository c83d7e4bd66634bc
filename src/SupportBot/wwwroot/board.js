// SupportBot lead board: polls /api/escalations and the board's notices, and posts lead actions.
// Every string from the API goes into the DOM as text (textContent / text nodes), never as HTML.
(() => {
  const pollMs = 2000;
  const maxClosed = 10;
  const maxNotices = 8;
  const actorKey = 'supportbot.board.actingAs';

  const picker = document.getElementById('acting-as');
  const statusLine = document.getElementById('status');
  const noticeList = document.getElementById('notice-list');
  const sections = {};
  for (const section of document.querySelectorAll('#board .column')) {
    sections[section.dataset.section] = { cards: section.querySelector('.cards'), count: section.querySelector('.count') };
  }

  const actionLabels = {
    Acknowledge: 'Acknowledge',
    TakeOver: 'Take over',
    Approve: 'Approve',
    Decline: 'Decline',
    NeedMoreInfo: 'Need more info',
    Resolve: 'Resolve',
    ReturnToAgent: 'Return to agent',
  };
  const prompts = {
    NeedMoreInfo: 'What would you like to ask the agent?',
    ReturnToAgent: 'Why are you returning it to the agent?',
  };
  const closedStatuses = new Set(['Resolved', 'ReturnedToAgent', 'Expired']);

  let routes = {};          // role -> [member ids]
  let skewMs = 0;           // server clock minus this browser's clock
  let noticeSince = null;   // the last notice's time, for the next poll
  const notices = [];
  const rendered = new Map(); // escalation id -> { key, card, age, due }
  const results = new Map();  // escalation id -> { ok, text }, the last action's outcome on this page

  // --- small DOM helpers: text only -------------------------------------------------------------
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const now = () => Date.now() + skewMs;

  function duration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60) return `${s} s`;
    const m = Math.floor(s / 60);
    if (m < 60) return `${m} min${s % 60 && m < 10 ? ` ${s % 60} s` : ''}`;
    const h = Math.floor(m / 60);
    if (h < 48) return `${h} h${m % 60 ? ` ${m % 60} min` : ''}`;
    return `${Math.floor(h / 24)} d`;
  }

  const clock = iso => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const stamp = iso => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const plain = s => String(s ?? '').replace(/\*\*/g, '');

  function actor() {
    return picker.value;
  }

  function membersOf(route) {
    return (routes[route] || []).map(m => m.toLowerCase());
  }

  function setStatus(text, problem) {
    statusLine.textContent = text;
    statusLine.style.color = problem ? '#ffd7d7' : '';
  }

  async function getJson(url) {
    const response = await fetch(url, { cache: 'no-store' });
    const date = Date.parse(response.headers.get('Date') || '');
    if (!Number.isNaN(date)) skewMs = date - Date.now();
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  // --- acting as ---------------------------------------------------------------------------------
  async function loadMembers() {
    const body = await getJson('api/escalations/members');
    routes = body.routes || {};
    const byMember = new Map();
    for (const [route, members] of Object.entries(routes)) {
      for (const member of members) {
        if (!byMember.has(member)) byMember.set(member, []);
        byMember.get(member).push(route);
      }
    }

    const remembered = localStorage.getItem(actorKey) || '';
    picker.replaceChildren(new Option('choose yourself...', ''));
    for (const member of [...byMember.keys()].sort()) {
      const option = new Option(member, member);
      option.title = 'May act on: ' + byMember.get(member).join(', ');
      picker.append(option);
    }

    if (remembered && byMember.has(remembered)) picker.value = remembered;
  }

  picker.addEventListener('change', () => {
    localStorage.setItem(actorKey, picker.value);
    refreshNow();
  });

  // --- cards -------------------------------------------------------------------------------------
  function list(items) {
    if (!items || items.length === 0) return el('span', 'none', 'nothing');
    return el('ul', null, ...items.map(i => el('li', null, i)));
  }

  function row(dl, label, value) {
    if (value === null || value === undefined || value === '') return;
    dl.append(el('dt', null, label), el('dd', null, value));
  }

  function copyNote(pre, button) {
    const done = () => { button.textContent = 'Copied'; setTimeout(() => { button.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(pre.textContent).then(done, () => selectAndCopy(pre, done));
    } else {
      selectAndCopy(pre, done);
    }
  }

  function selectAndCopy(pre, done) {
    const range = document.createRange();
    range.selectNodeContents(pre);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try {
      if (document.execCommand('copy')) done();
    } catch {
      // The text stays selected, so Ctrl+C still works.
    }
  }

  function buildCard(e, previous) {
    const me = actor();
    const closed = closedStatuses.has(e.status);
    const classes = ['card'];
    if (e.urgency === 'urgent') classes.push('urgent');
    if (e.overdue) classes.push('overdue');
    if (closed) classes.push('closed');
    if (me && e.assignee && e.assignee.toLowerCase() === me.toLowerCase()) classes.push('mine');
    const card = el('article', classes.join(' '));
    card.dataset.id = e.id;

    card.append(el('h3', null, `#${e.id} ${e.category || e.playbook}`));
    card.append(el('div', 'meta',
      el('span', `badge urgency-${e.urgency}`, e.urgency),
      el('span', 'badge status', e.status),
      el('span', 'badge', e.route),
      e.offHours && el('span', 'badge offhours', 'off-hours'),
      e.overdue && el('span', 'badge late', 'overdue'),
      e.decision && el('span', 'badge', e.decision)));

    const dl = el('dl');
    const age = el('span');
    const due = el('span');
    row(dl, 'Assigned to', e.assignee || (closed ? null : 'no one (chain ended)'));
    row(dl, 'Age', age);
    if (e.stepDeadline && !closed) row(dl, 'Deadline', due);
    row(dl, 'Customer', e.customer);
    row(dl, 'Agent', [e.conversation?.agentName, e.conversation ? `${e.conversation.channelId}/${e.conversation.conversationId}` : null].filter(Boolean).join(' - '));
    row(dl, 'What happened', e.summary);
    row(dl, 'Reason', e.reason);
    row(dl, 'Agent tried', list(e.tried));
    row(dl, 'Asked of you', list(e.asks));
    if (e.pendingQuestion) row(dl, 'Question to agent', el('span', 'question', e.pendingQuestion + ' (waiting for the answer)'));
    card.append(dl);

    if (e.note) {
      const pre = el('pre', null, e.note);
      const copy = el('button', 'copy', 'Copy');
      copy.type = 'button';
      copy.addEventListener('click', () => copyNote(pre, copy));
      card.append(el('div', 'note', el('div', 'note-head', el('span', null, 'Drafted note'), copy), pre));
    }

    const audit = el('details', 'audit');
    audit.open = previous?.card.querySelector('details.audit')?.open || false;
    audit.append(el('summary', null, `Audit trail (${e.audit.length})`));
    audit.append(el('ol', null, ...e.audit.map(a => el('li', a.action === 'refused' ? 'refused' : null,
      el('time', null, stamp(a.at)), ' ', el('span', 'who', a.who), ' ', a.action, a.detail ? `: ${a.detail}` : ''))));
    card.append(audit);

    if (e.allowedActions.length > 0) {
      const actions = el('div', 'actions');
      for (const action of e.allowedActions) {
        const button = el('button', null, actionLabels[action] || action);
        button.type = 'button';
        button.dataset.action = action;
        button.addEventListener('click', () => act(e, action, card));
        actions.append(button);
      }

      card.append(actions);
      if (me && routes[e.route] && !membersOf(e.route).includes(me.toLowerCase())) {
        card.append(el('div', 'elsewhere', `You (${me}) are not on the ${e.route} route.`));
      }
    }

    const result = results.get(e.id);
    card.append(el('div', result ? `result ${result.ok ? 'ok' : 'error'}` : 'result', result ? result.text : null));
    return { card, age, due };
  }

  function updateTimes(e, entry) {
    entry.age.textContent = duration(now() - Date.parse(e.createdAt));
    if (e.stepDeadline) {
      const left = Date.parse(e.stepDeadline) - now();
      entry.due.textContent = left >= 0 ? `${clock(e.stepDeadline)} (in ${duration(left)})` : `${clock(e.stepDeadline)} (${duration(-left)} ago)`;
    }
  }

  function sectionOf(e) {
    if (closedStatuses.has(e.status)) return 'closed';
    if (e.overdue) return 'overdue';
    if (e.status === 'Open') return 'open';
    return 'inhand';
  }

  function render(escalations) {
    const bySection = { overdue: [], open: [], inhand: [], closed: [] };
    for (const e of escalations) bySection[sectionOf(e)].push(e);
    bySection.closed = bySection.closed.slice(0, maxClosed);

    const seen = new Set();
    for (const [name, items] of Object.entries(bySection)) {
      const nodes = items.map(e => {
        seen.add(e.id);
        const key = JSON.stringify([e, actor(), results.get(e.id) || null]);
        let entry = rendered.get(e.id);
        if (!entry || entry.key !== key) {
          entry = { key, ...buildCard(e, entry) };
          rendered.set(e.id, entry);
        }

        updateTimes(e, entry);
        return entry.card;
      });
      sections[name].count.textContent = `(${items.length})`;
      sections[name].cards.replaceChildren(...(nodes.length ? nodes : [el('p', 'none', 'None.')]));
    }

    for (const id of [...rendered.keys()]) if (!seen.has(id)) rendered.delete(id);
  }

  // --- actions -----------------------------------------------------------------------------------
  async function act(e, action, card) {
    const me = actor();
    if (!me) {
      results.set(e.id, { ok: false, text: 'Choose who you are in "Acting as" first.' });
      picker.focus();
      await refreshNow();
      return;
    }

    let text = null;
    if (prompts[action]) {
      text = prompt(prompts[action]);
      if (text === null) return;
      if (!text.trim()) {
        results.set(e.id, { ok: false, text: 'Nothing was sent: the text was empty.' });
        await refreshNow();
        return;
      }
    }

    card.querySelectorAll('.actions button').forEach(b => { b.disabled = true; });
    try {
      const response = await fetch(`api/escalations/${encodeURIComponent(e.id)}/actions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action, actor: me, text }),
      });
      const body = await response.json().catch(() => ({}));
      results.set(e.id, response.ok
        ? { ok: true, text: body.message || 'Done.' }
        : { ok: false, text: body.error || `The server answered ${response.status}.` });
    } catch (error) {
      results.set(e.id, { ok: false, text: 'Could not reach SupportBot: ' + error.message });
    }

    await refreshNow();
  }

  // --- notices -----------------------------------------------------------------------------------
  function noticeText(n) {
    const text = plain(n.text);
    return text.includes(`#${n.escalationId}`) ? text : `#${n.escalationId}: ${text}`;
  }

  async function loadNotices() {
    const url = 'api/escalations/notices' + (noticeSince ? '?since=' + encodeURIComponent(noticeSince) : '');
    const fresh = await getJson(url);
    if (!Array.isArray(fresh) || fresh.length === 0) {
      if (notices.length === 0) noticeList.replaceChildren(el('li', 'empty', 'No notices yet.'));
      return;
    }

    notices.push(...fresh);
    notices.splice(0, Math.max(0, notices.length - maxNotices));
    noticeSince = fresh[fresh.length - 1].at;
    noticeList.replaceChildren(...[...notices].reverse().map(n =>
      el('li', n.kind, el('time', null, clock(n.at)), noticeText(n))));
  }

  // --- polling -----------------------------------------------------------------------------------
  let refreshing = null;
  function refresh() {
    refreshing ??= (async () => {
      try {
        render(await getJson('api/escalations?all=true'));
        await loadNotices();
        setStatus('updated ' + new Date().toLocaleTimeString(), false);
      } catch (error) {
        setStatus('cannot reach SupportBot: ' + error.message, true);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  // After an action: wait out a poll already under way (it may predate the change), then read again.
  async function refreshNow() {
    if (refreshing) await refreshing;
    await refresh();
  }

  async function start() {
    try {
      await loadMembers();
    } catch (error) {
      setStatus('could not load members: ' + error.message, true);
      setTimeout(start, pollMs);
      return;
    }

    const tick = async () => {
      await refresh();
      setTimeout(tick, pollMs);
    };
    tick();
  }

  start();
})();
