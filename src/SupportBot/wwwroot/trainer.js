// SupportBot trainer page: lists recorded cases, replays one turn by turn, and shows the dispositions
// report and the drills scoreboard. Every request says who the user acts as in the X-SupportBot-User
// header; the server decides what that user may see. Strings from the API go into the DOM as text only.
(() => {
  const actorKey = 'supportbot.trainer.actingAs';
  const userHeader = 'X-SupportBot-User';
  const pageSize = 50;
  const baseStepMs = 1500;

  const $ = id => document.getElementById(id);
  const actingForm = $('acting-form');
  const actingInput = $('acting-as');
  const roleLine = $('role');

  let me = null; // { id, isTrainer } once the server has said who we are

  // --- small helpers -----------------------------------------------------------------------------
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function emptyRow(text, columns) {
    const cell = el('td', null, text);
    cell.colSpan = columns;
    return el('tr', 'empty', cell);
  }

  function button(label, onClick, className) {
    const b = el('button', className, label);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  const stamp = iso => iso ? new Date(iso).toLocaleString([], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';
  const clock = iso => iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '';
  const percent = value => value === null || value === undefined ? '-' : `${Math.round(value * 100)}%`;
  // Replies are light markdown: drop the bold markers and code fences, keep the words and line breaks.
  const plain = s => String(s ?? '').replace(/\*\*/g, '').replace(/^```\w*\n?/gm, '');

  function showMessage(node, text, kind) {
    node.textContent = text || '';
    node.className = 'message' + (text && kind ? ' ' + kind : '');
  }

  function actor() {
    return actingInput.value.trim();
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function request(url, options = {}) {
    const headers = new Headers(options.headers || {});
    if (actor()) headers.set(userHeader, actor());
    let response;
    try {
      response = await fetch(url, { cache: 'no-store', ...options, headers });
    } catch (error) {
      throw new ApiError(0, 'Could not reach SupportBot: ' + error.message);
    }

    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let message = text;
      try {
        message = JSON.parse(text).error || text;
      } catch {
        // Not JSON: the text itself is the message.
      }

      throw new ApiError(response.status, message || `SupportBot answered ${response.status} ${response.statusText}.`);
    }

    return response;
  }

  async function getJson(url) {
    return (await request(url)).json();
  }

  // Friendly words for the answers every tab can get.
  function explain(error, what) {
    if (error.status === 401) return `Enter your user id in "Acting as" to see ${what}.`;
    if (error.status === 403) return `${error.message} ${me && !me.isTrainer ? 'As an agent you can see only your own cases.' : ''}`.trim();
    return error.message;
  }

  // --- acting as ---------------------------------------------------------------------------------
  async function identify() {
    me = null;
    $('delete-case').hidden = true;
    if (!actor()) {
      roleLine.textContent = 'not signed in: enter your user id';
      return;
    }

    try {
      me = await getJson('api/trainer/me');
      roleLine.textContent = me.isTrainer ? 'trainer: all cases' : 'agent: your own cases only';
      $('delete-case').hidden = !me.isTrainer;
    } catch (error) {
      roleLine.textContent = error.message;
    }
  }

  actingForm.addEventListener('submit', async event => {
    event.preventDefault();
    localStorage.setItem(actorKey, actor());
    await identify();
    await refreshCurrentTab();
  });

  // --- tabs --------------------------------------------------------------------------------------
  const tabs = [...document.querySelectorAll('[role=tab]')];
  let currentTab = 'transcripts';

  function selectTab(name, focus) {
    currentTab = name;
    for (const tab of tabs) {
      const selected = tab.id === 'tab-' + name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !selected;
      if (selected && focus) tab.focus();
    }

    if (name !== 'replay') pause();
    if (name === 'scoreboard') loadScoreboard();
    if (name === 'dispositions' && !reportLoaded) loadReport();
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab.id.slice(4), false));
    tab.addEventListener('keydown', event => {
      const index = tabs.indexOf(tab);
      const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      selectTab(tabs[(next + tabs.length) % tabs.length].id.slice(4), true);
    });
  }

  async function refreshCurrentTab() {
    if (currentTab === 'transcripts') await search();
    else if (currentTab === 'dispositions') await loadReport();
    else if (currentTab === 'scoreboard') await loadScoreboard();
    else if (currentTab === 'replay' && replay) await openCase(replay.case.id, false);
  }

  // --- playbooks ---------------------------------------------------------------------------------
  async function loadPlaybooks() {
    try {
      const playbooks = await getJson('api/playbooks');
      for (const select of [$('filter-playbook'), $('report-playbook')]) {
        select.replaceChildren(new Option('any playbook', ''), ...playbooks.map(p => new Option(`${p.title} (${p.id})`, p.id)));
      }
    } catch (error) {
      showMessage($('list-message'), 'Could not load the playbooks: ' + error.message, 'error');
    }
  }

  // --- transcripts list --------------------------------------------------------------------------
  const filters = $('filters');
  const resultsBody = document.querySelector('#results tbody');
  const moreButton = $('more');
  let lastQuery = null;
  let lastId = null;

  function listQuery() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(filters)) {
      if (String(value).trim()) params.set(name, String(value).trim());
    }

    params.set('limit', String(pageSize));
    return params;
  }

  function caseRow(c) {
    const open = button(`Replay #${c.id}`, () => openCase(c.id, true));
    const disposition = c.disposition
      ? `${c.disposition.suggested ?? '-'} → ${c.disposition.chosen ?? 'skipped'}`
      : '';
    const row = el('tr', null,
      el('td', null, open),
      el('td', null, stamp(c.startedAt)),
      el('td', null, c.agentName && c.agentName !== c.agent ? `${c.agentName} (${c.agent})` : (c.agent ?? '')),
      el('td', null, c.playbook ?? '(questions only)'),
      el('td', 'number', c.turns),
      el('td', null, el('span', `badge ${c.status}`, c.status)),
      el('td', null, c.outcome ?? ''),
      el('td', null, c.escalated ? el('span', 'badge escalated', 'yes') : 'no'),
      el('td', null, disposition));
    row.dataset.id = c.id;
    return row;
  }

  async function search(append) {
    const list = $('list-message');
    if (!append) {
      lastQuery = listQuery();
      lastId = null;
    }

    const params = new URLSearchParams(lastQuery);
    if (append && lastId) params.set('before', String(lastId));
    showMessage(list, 'Loading...', 'info');
    try {
      const cases = await getJson('api/transcripts?' + params);
      if (!append) resultsBody.replaceChildren();
      resultsBody.append(...cases.map(caseRow));
      if (cases.length > 0) lastId = cases[cases.length - 1].id;
      moreButton.hidden = cases.length < pageSize;
      const shown = resultsBody.querySelectorAll('tr[data-id]').length;
      if (shown === 0) {
        resultsBody.replaceChildren(emptyRow('No cases match these filters.', 9));
      }

      showMessage(list, shown === 0 ? '' : `${shown} case${shown === 1 ? '' : 's'} shown.`, 'info');
    } catch (error) {
      if (!append) resultsBody.replaceChildren();
      moreButton.hidden = true;
      showMessage(list, explain(error, 'cases'), 'error');
    }
  }

  filters.addEventListener('submit', event => {
    event.preventDefault();
    search(false);
  });
  filters.addEventListener('reset', () => setTimeout(() => search(false), 0));
  moreButton.addEventListener('click', () => search(true));

  // --- replay ------------------------------------------------------------------------------------
  const turnsList = $('turns');
  const replayMessage = $('replay-message');
  let replay = null;   // { case, turns }
  let position = 0;    // index of the turn shown last (0-based)
  let timer = null;

  function describeInbound(inbound) {
    if (inbound.text) return inbound.text;
    if (inbound.value) return `(submitted ${inbound.value})`;
    if (inbound.attachments) return `(sent ${inbound.attachments} attachment${inbound.attachments === 1 ? '' : 's'})`;
    return `(${inbound.type}${inbound.name ? ': ' + inbound.name : ''})`;
  }

  function turnItem(turn, index) {
    const inbound = turn.inbound;
    const who = inbound.type === 'message' ? (inbound.from?.name || inbound.from?.id || 'Agent') : 'SupportBot started';
    const li = el('li', null,
      el('div', 'turn-head',
        button(`Turn ${turn.number}`, () => { pause(); show(index); }),
        el('time', null, clock(turn.timestamp)),
        turn.snapshot?.stepId ? el('span', null, `then waiting on ${turn.snapshot.stepId}`) : null),
      el('div', 'bubble agent', el('span', 'who', who), describeInbound(inbound)));
    for (const reply of turn.replies) {
      const bubble = el('div', 'bubble bot', el('span', 'who', 'SupportBot'), plain(reply.text));
      if (reply.suggestedActions.length > 0) {
        bubble.append(el('div', 'chips', ...reply.suggestedActions.map(t => el('span', 'chip', t))));
      }

      for (const text of reply.attachmentText || []) bubble.append(el('div', 'attachment', 'Attachment: ' + text));
      if (reply.attachments > (reply.attachmentText || []).length) {
        bubble.append(el('div', 'attachment', `${reply.attachments} attachment(s)`));
      }

      li.append(bubble);
    }

    li.dataset.turn = turn.number;
    return li;
  }

  // A field is a plain value, or (for attachments and the like) an object: shown as "name: value" pairs.
  function fieldText(value) {
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.map(fieldText).join(', ');
    if (typeof value === 'object') {
      return Object.entries(value)
        .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => `${k}: ${fieldText(v)}`).join('; ');
    }

    return String(value);
  }

  function renderState(turn, previous) {
    const snapshot = turn.snapshot;
    $('state-playbook').textContent = snapshot?.playbookId ?? '(none)';
    $('state-step').textContent = snapshot?.stepId
      ?? (snapshot?.playbookId ? '(finishing)' : previous?.snapshot?.playbookId ? '(playbook ended)' : '(no playbook running)');
    const fields = snapshot?.fields ?? {};
    const before = previous?.snapshot?.fields ?? {};
    const names = Object.keys(fields);
    const list = $('state-fields');
    if (names.length === 0) {
      list.replaceChildren(el('dd', 'none', 'nothing collected yet'));
      return;
    }

    list.replaceChildren(...names.flatMap(name => {
      const value = fieldText(fields[name]);
      const changed = value !== fieldText(before[name]) ? 'changed' : null;
      const dd = el('dd', changed, value);
      if (changed) dd.title = 'New or changed at this turn';
      return [el('dt', changed, name), dd];
    }));
  }

  function show(index) {
    if (!replay || replay.turns.length === 0) return;
    position = Math.max(0, Math.min(index, replay.turns.length - 1));
    turnsList.querySelectorAll(':scope > li').forEach((li, i) => {
      li.hidden = i > position;
      li.classList.toggle('current', i === position);
      if (i === position) li.setAttribute('aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    renderState(replay.turns[position], replay.turns[position - 1]);
    $('position').textContent = `Turn ${position + 1} of ${replay.turns.length}`;
    setDisabled($('step-back'), position === 0, $('step-forward'));
    setDisabled($('step-forward'), position === replay.turns.length - 1, $('step-back'));
    turnsList.children[position].scrollIntoView({ block: 'nearest' });
  }

  // A button disabled while it has focus would drop focus to the page; hand it to its partner instead.
  function setDisabled(target, disabled, partner) {
    const hadFocus = document.activeElement === target;
    target.disabled = disabled;
    if (disabled && hadFocus && partner && !partner.disabled) partner.focus();
  }

  function playing() {
    return timer !== null;
  }

  function stepMs() {
    return baseStepMs / Number($('speed').value || 1);
  }

  function play() {
    if (!replay || replay.turns.length === 0) return;
    if (position >= replay.turns.length - 1) show(0);
    clearTimeout(timer);
    const tick = () => {
      if (position >= replay.turns.length - 1) {
        pause();
        return;
      }

      show(position + 1);
      timer = setTimeout(tick, stepMs());
    };
    timer = setTimeout(tick, stepMs());
    $('pause').disabled = false;
    setDisabled($('play'), true, $('pause'));
  }

  function pause() {
    clearTimeout(timer);
    timer = null;
    $('play').disabled = !replay;
    setDisabled($('pause'), true, $('play'));
  }

  async function openCase(id, switchTab) {
    pause();
    if (switchTab) selectTab('replay', false);
    showMessage($('export-message'), '');
    showMessage(replayMessage, `Loading case #${id}...`, 'info');
    try {
      replay = await getJson(`api/transcripts/${encodeURIComponent(id)}`);
    } catch (error) {
      replay = null;
      $('replay').hidden = true;
      showMessage(replayMessage, explain(error, 'this case'), 'error');
      return;
    }

    const c = replay.case;
    $('replay-title').textContent = `Case #${c.id}: ${c.playbook ?? 'questions only'}`;
    $('replay-meta').textContent = [
      `${c.agentName || c.agent || 'unknown agent'}`,
      `started ${stamp(c.startedAt)}`,
      `${c.turns} turn${c.turns === 1 ? '' : 's'}`,
      c.status + (c.outcome ? ` (${c.outcome})` : ''),
      c.escalated ? 'escalated' : null,
      c.disposition ? `disposition ${c.disposition.suggested ?? '-'} → ${c.disposition.chosen ?? 'skipped'}` : null,
      c.imported ? 'imported' : null,
    ].filter(Boolean).join(' · ');
    turnsList.replaceChildren(...replay.turns.map(turnItem));
    $('replay').hidden = false;
    if (replay.turns.length === 0) {
      showMessage(replayMessage, 'This case has no recorded turns.', 'info');
      return;
    }

    showMessage(replayMessage, '');
    pause();
    show(0);
    // Opened from the list, whose button is now hidden: carry focus to the replay so the keys work at once.
    if (switchTab) $('replay-title').focus();
  }

  $('play').addEventListener('click', play);
  $('pause').addEventListener('click', pause);
  $('step-forward').addEventListener('click', () => { pause(); show(position + 1); });
  $('step-back').addEventListener('click', () => { pause(); show(position - 1); });
  $('speed').addEventListener('change', () => { if (playing()) { pause(); play(); } });

  // On the whole page while the replay is shown, so the keys still work after focus has left a control.
  document.addEventListener('keydown', event => {
    if (currentTab !== 'replay' || !replay || event.defaultPrevented) return;
    if (event.target.matches('input, select, textarea, [role=tab]') || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') { pause(); show(position + 1); }
    else if (event.key === 'ArrowLeft') { pause(); show(position - 1); }
    else if (event.key === 'p' || event.key === 'P') { if (playing()) pause(); else play(); }
    else return;
    event.preventDefault();
  });

  // The export endpoint names the file in Content-Disposition; fall back to the case id.
  function fileName(response, fallback) {
    const header = response.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    const plainName = /filename="?([^";]+)"?/i.exec(header);
    return plainName ? plainName[1] : fallback;
  }

  async function exportCase(format, extension) {
    if (!replay) return;
    const message = $('export-message');
    showMessage(message, 'Exporting...', 'info');
    try {
      const response = await request(`api/transcripts/${encodeURIComponent(replay.case.id)}/export?format=${format}`);
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el('a');
      link.href = url;
      link.download = fileName(response, `case-${replay.case.id}.${extension}`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      showMessage(message, `Saved ${link.download}.`, 'info');
    } catch (error) {
      showMessage(message, `Export failed (${error.status || 'no answer'}): ${explain(error, 'exports')}`, 'error');
    }
  }

  $('export-transcript').addEventListener('click', () => exportCase('transcript', 'transcript'));
  $('export-markdown').addEventListener('click', () => exportCase('markdown', 'md'));

  $('delete-case').addEventListener('click', async () => {
    if (!replay || !confirm(`Delete case #${replay.case.id} for good? This cannot be undone.`)) return;
    const id = replay.case.id;
    try {
      await request(`api/transcripts/${encodeURIComponent(id)}`, { method: 'DELETE' });
      pause();
      replay = null;
      $('replay').hidden = true;
      showMessage(replayMessage, `Case #${id} was deleted.`, 'info');
      resultsBody.querySelector(`tr[data-id="${id}"]`)?.remove();
    } catch (error) {
      showMessage($('export-message'), explain(error, 'this case'), 'error');
    }
  });

  // --- dispositions report -----------------------------------------------------------------------
  const reportForm = $('report-filters');
  let reportLoaded = false;

  function numberCell(value) {
    return el('td', 'number', value);
  }

  async function loadReport() {
    reportLoaded = true;
    const message = $('report-message');
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(reportForm)) {
      if (String(value).trim()) params.set(name, String(value).trim());
    }

    showMessage(message, 'Loading...', 'info');
    try {
      const report = await getJson('api/reports/dispositions?' + params);
      $('report-summary').textContent = `${report.cases} completed case${report.cases === 1 ? '' : 's'} with a suggestion; the agent took it in ${report.taken}.`;
      const rows = report.rows.map(r => el('tr', null,
        el('th', null, r.disposition),
        numberCell(r.suggested),
        numberCell(r.taken),
        numberCell(r.skipped),
        numberCell(percent(r.takenRate)),
        numberCell(percent(r.meanConfidenceWhenTaken)),
        numberCell(percent(r.meanConfidenceWhenReplaced)),
        el('td', null, r.chosenInstead.length ? r.chosenInstead.map(a => `${a.disposition} (${a.count})`).join(', ') : '-')));
      for (const row of rows) row.firstChild.scope = 'row';
      const rowsBody = document.querySelector('#report-rows tbody');
      rowsBody.replaceChildren(...(rows.length ? rows : [emptyRow('No suggestions in this period.', 8)]));
      document.querySelector('#report-bands tbody').replaceChildren(...report.bands.map(b => el('tr', null,
        el('td', null, `${percent(b.from)} to ${percent(b.to)}`),
        numberCell(b.suggested),
        numberCell(b.taken),
        numberCell(b.suggested ? percent(b.takenRate) : '-'))));
      $('report').hidden = false;
      showMessage(message, '');
    } catch (error) {
      $('report').hidden = true;
      showMessage(message, error.status === 403 ? 'The dispositions report is for trainers. ' + error.message : explain(error, 'the report'), 'error');
    }
  }

  reportForm.addEventListener('submit', event => {
    event.preventDefault();
    loadReport();
  });

  // --- scoreboard --------------------------------------------------------------------------------
  async function loadScoreboard() {
    const message = $('scoreboard-message');
    const table = $('scoreboard');
    showMessage(message, 'Loading...', 'info');
    try {
      const rows = await getJson('api/drills/scoreboard');
      document.querySelector('#scoreboard tbody').replaceChildren(...(rows.length ? rows.map(r => el('tr', null,
        el('td', null, r.traineeName && r.traineeName !== r.traineeId ? `${r.traineeName} (${r.traineeId})` : r.traineeId),
        numberCell(r.quizAnswered),
        numberCell(r.quizCorrect),
        numberCell(percent(r.quizAccuracy)),
        numberCell(r.rolePlays),
        numberCell(r.rolePlayAverage === null || r.rolePlayAverage === undefined ? '-' : Number(r.rolePlayAverage).toFixed(1)),
        el('td', null, (r.weakTopics || []).map(t => `${t.topic} (${t.missed} of ${t.asked} missed)`).join(', ') || '-'),
        el('td', null, stamp(r.lastDrillAt)))) : [emptyRow('No drills yet.', 8)]));
      table.hidden = false;
      showMessage(message, '');
    } catch (error) {
      table.hidden = true;
      showMessage(message, error.status === 404
        ? 'The drills scoreboard is not available on this SupportBot (its API answered 404 Not Found).'
        : explain(error, 'the scoreboard'), 'error');
    }
  }

  // --- start -------------------------------------------------------------------------------------
  async function start() {
    actingInput.value = localStorage.getItem(actorKey) || '';
    pause();
    await Promise.all([loadPlaybooks(), identify()]);
    await search(false);
  }

  start();
})();
