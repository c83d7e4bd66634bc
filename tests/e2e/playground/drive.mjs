#!/usr/bin/env node
// Drives a whole battery-belt-damage conversation with SupportBot through the Microsoft 365 Agents
// Playground's scripting API, and checks that the bot's replies arrive, in order, over the playground's
// conversation websocket (what its Teams-like web UI shows).
//
// Usage: node drive.mjs [--choices=text|submit]
//   --choices=text    answer choice prompts by typing the choice
//   --choices=submit  answer them by clicking the card's Action.Submit button, as the playground UI does (default)
//                     (POST /_conversation/v1/submit with the button's data as value, and no text)
// Environment:
//   PLAYGROUND_URL      playground base URL (default http://127.0.0.1:56150)
//   READY_TIMEOUT_MS    how long to wait for /_debug/ping (default 90000)
//   REPLY_TIMEOUT_MS    how long to wait for each bot reply (default 20000)
//   TOTAL_TIMEOUT_MS    hard limit for the whole run (default 240000)
// Exit code: 0 when every check passed, 1 otherwise (the reason is printed last).

import WebSocket from 'ws';

const BASE = (process.env.PLAYGROUND_URL ?? 'http://127.0.0.1:56150').replace(/\/+$/, '');
const READY_TIMEOUT_MS = Number(process.env.READY_TIMEOUT_MS ?? 90_000);
const REPLY_TIMEOUT_MS = Number(process.env.REPLY_TIMEOUT_MS ?? 20_000);
const TOTAL_TIMEOUT_MS = Number(process.env.TOTAL_TIMEOUT_MS ?? 240_000);
const HTTP_TIMEOUT_MS = 10_000;
const QUIET_MS = 1_500;
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

const choicesArg = process.argv.slice(2).find((a) => a.startsWith('--choices='));
const CHOICES = choicesArg ? choicesArg.slice('--choices='.length) : 'submit';
if (!['text', 'submit'].includes(CHOICES)) {
  console.error(`Unknown --choices=${CHOICES}; use text or submit.`);
  process.exit(2);
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
const log = (line) => console.log(`[${elapsed()}] ${line}`);

class DriveError extends Error {}
const fail = (message) => {
  throw new DriveError(message);
};

const hardStop = setTimeout(() => {
  console.error(`FAIL: the whole run took longer than ${TOTAL_TIMEOUT_MS} ms`);
  process.exit(1);
}, TOTAL_TIMEOUT_MS);
hardStop.unref();

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function http(method, path, body, timeoutMs = HTTP_TIMEOUT_MS, hint = '') {
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    fail(`${method} ${path} failed: ${error.cause?.code ?? error.message}${hint}`);
  }
  const text = await response.text();
  if (!response.ok) {
    fail(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}

async function waitForPlayground() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(BASE + '/_debug/ping', { signal: AbortSignal.timeout(2_000) });
      const text = (await response.text()).trim();
      if (response.ok && text === 'pong') {
        return;
      }
      last = `${response.status} ${text.slice(0, 100)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(500);
  }
  fail(`the playground at ${BASE} did not answer /_debug/ping within ${READY_TIMEOUT_MS} ms (last: ${last})`);
}

// --- Reading cards -------------------------------------------------------------------------------

/** Every Action.Submit in a card, in document order (action bar and ActionSets). */
function submitActions(card) {
  const found = [];
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      if (node.type === 'Action.Submit') {
        found.push(node);
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The text a person reads on a card: TextBlocks, RichText runs and facts, one per line. */
function cardText(card) {
  const lines = [];
  const walk = (node) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') {
        lines.push(node.text);
      }
      if (node.type === 'FactSet' && Array.isArray(node.facts)) {
        node.facts.forEach((f) => lines.push(`${f.title}: ${f.value}`));
      }
      for (const [key, value] of Object.entries(node)) {
        if (key !== 'actions' && key !== 'data') {
          walk(value);
        }
      }
    }
  };
  walk(card.body ?? []);
  return lines.join('\n');
}

/** A reply as the driver sees it: its text, its cards' text and the card buttons. */
function view(message) {
  const cards = (message.attachments ?? []).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content);
  const others = (message.attachments ?? []).filter((a) => a.contentType !== ADAPTIVE).map((a) => a.contentType);
  const buttons = cards.flatMap(submitActions);
  const text = [message.text ?? '', ...cards.map(cardText)].filter(Boolean).join('\n');
  return { message, cards, others, buttons, text };
}

function describe(v) {
  const parts = [];
  if (v.message.text) parts.push(`text ${JSON.stringify(v.message.text)}`);
  v.cards.forEach((c) => parts.push(`card ${JSON.stringify(cardText(c))}`));
  if (v.buttons.length) parts.push(`buttons [${v.buttons.map((b) => b.title).join(' | ')}]`);
  if (v.others.length) parts.push(`other attachments [${v.others.join(', ')}]`);
  return parts.join('; ') || '(empty message)';
}

function printReply(v) {
  const indent = ' '.repeat(15);
  const lines = [];
  if (v.message.text) lines.push(...v.message.text.split('\n'));
  v.cards.forEach((c) => lines.push('[Adaptive Card]', ...cardText(c).split('\n').map((l) => '  ' + l)));
  if (v.buttons.length) lines.push(`[buttons] ${v.buttons.map((b) => b.title).join(' | ')}`);
  v.others.forEach((o) => lines.push(`[attachment ${o}]`));
  log(`bot > ${lines[0] ?? '(empty)'}`);
  lines.slice(1).forEach((l) => console.log(indent + l));
}

// --- The conversation stream -----------------------------------------------------------------------

class Stream {
  constructor(conversationId, botId) {
    this.conversationId = conversationId;
    this.botId = botId;
    this.queue = [];
    this.waiter = null;
    this.closed = null;
  }

  open() {
    const url = BASE.replace(/^http/, 'ws') + '/_ws_conversation/v1/conversations/stream';
    this.ws = new WebSocket(url);
    this.ws.on('message', (data) => this.onFrame(data));
    this.ws.on('close', (code) => this.onClosed(`websocket closed (${code})`));
    this.ws.on('error', (error) => this.onClosed(`websocket error: ${error.message}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new DriveError(`could not open ${url} within ${HTTP_TIMEOUT_MS} ms`)), HTTP_TIMEOUT_MS);
      this.ws.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      this.ws.once('error', (error) => {
        clearTimeout(timer);
        reject(new DriveError(`could not open ${url}: ${error.message}`));
      });
    });
  }

  onFrame(data) {
    let frame;
    try {
      frame = JSON.parse(data.toString());
    } catch {
      log(`(ignored a websocket frame that is not JSON: ${data.toString().slice(0, 100)})`);
      return;
    }
    if (frame.actionConversationId !== this.conversationId) {
      return;
    }
    if (frame.action === 'typing') {
      return;
    }
    if (frame.action === 'updateMessage') {
      log(`(bot updated message ${frame.message?.messageId}: ${describe(view(frame.message ?? {}))})`);
      return;
    }
    if (frame.action !== 'createMessage' || frame.message?.from?.id !== this.botId) {
      return;
    }
    this.queue.push(frame.message);
    this.wake();
  }

  onClosed(reason) {
    this.closed ??= reason;
    this.wake();
  }

  wake() {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  /** The next bot message, or null if none arrives within timeoutMs. */
  async next(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (this.closed) {
        fail(`the playground's ${this.closed} while waiting for a reply`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        return null;
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.queue.shift();
  }

  close() {
    this.ws?.removeAllListeners('close');
    this.ws?.close();
  }
}

// --- Expectations --------------------------------------------------------------------------------

const has = (...needles) => (v) => needles.every((n) => v.text.toLowerCase().includes(n.toLowerCase()));
const card = (test) => (v) => v.cards.length > 0 && test(v);
const button = (title) => (v) => v.buttons.some((b) => b.title === title);
const all = (...tests) => (v) => tests.every((t) => t(v));

/** Waits for the next reply and checks it; returns its view. */
async function expectReply(stream, what, test) {
  const t0 = Date.now();
  const message = await stream.next(REPLY_TIMEOUT_MS);
  if (!message) {
    fail(`no reply within ${REPLY_TIMEOUT_MS} ms; expected ${what}`);
  }
  const v = view(message);
  printReply(v);
  if (!test(v)) {
    fail(`reply out of order or wrong; expected ${what}, got: ${describe(v)}`);
  }
  log(`  ok: ${what} (${Date.now() - t0} ms)`);
  return v;
}

// --- The conversation ----------------------------------------------------------------------------

async function main() {
  log(`waiting for the playground at ${BASE}`);
  await waitForPlayground();
  log('playground answered /_debug/ping');

  // The playground holds this request until it has reached the bot at its -e endpoint.
  const config = JSON.parse(await http('GET', '/_internal/v1/config', undefined, READY_TIMEOUT_MS,
    ' (the playground answers it only once it has reached the bot: is SupportBot running at the -e endpoint?)')).config ?? {};
  const conversationId = config.personalChat?.id;
  const userId = config.currentUser?.id;
  const botId = config.bot?.id;
  if (!conversationId || !userId || !botId) {
    fail(`/_internal/v1/config lacks personalChat.id, currentUser.id or bot.id: ${JSON.stringify(config).slice(0, 500)}`);
  }
  log(`personal chat ${conversationId}, user ${userId}, bot ${botId}; choices answered by ${CHOICES}`);

  const stream = new Stream(conversationId, botId);
  await stream.open();
  log('conversation websocket open');

  const say = async (text) => {
    log(`user> ${text}`);
    await http('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: userId },
      text,
      textFormat: 'plain',
    });
  };

  // What the playground's web UI does when an Action.Submit button is clicked.
  const click = async (reply, title) => {
    const action = reply.buttons.find((b) => b.title === title) ?? fail(`the card has no button "${title}"`);
    log(`user> [clicks "${title}"] value ${JSON.stringify(action.data ?? {})}`);
    await http('POST', '/_conversation/v1/submit', {
      conversation: { id: conversationId },
      from: { id: userId },
      replyToId: reply.message.messageId,
      value: action.data ?? {},
    });
  };

  const choose = (reply, title, typed) => (CHOICES === 'submit' ? click(reply, title) : say(typed));

  log('installing the app in the personal chat');
  await http('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  await expectReply(stream, 'the welcome', has("I'm SupportBot"));

  await say('cust says battery belt melted');
  await expectReply(stream, 'the playbook title "Melted or damaged battery belt"', has('Melted or damaged battery belt'));
  await expectReply(stream, 'the photos and proof-of-purchase step', has('photos of the damaged belt', 'proof of purchase'));

  await say('cx is emailing the pics and receipt');
  const safety = await expectReply(stream, 'the safety question as a card with Yes/No',
    card(all(has('Any sign of fire, smoke, burns'), button('Yes'), button('No'))));

  await choose(safety, 'No', 'no');
  const camera = await expectReply(stream, 'the camera model question as a card with a "Reveal X-Pro" button',
    card(all(has('Which camera was the belt used with?'), button('Reveal X-Pro'))));

  await choose(camera, 'Reveal X-Pro', 'Reveal X-Pro');
  const relationship = await expectReply(stream, 'the customer relationship question as a card with "Account holder"',
    card(all(has('Who is on the contact?'), button('Account holder'))));

  await choose(relationship, 'Account holder', 'account holder');
  await expectReply(stream, 'the purchase details question', has('Order or purchase details'));

  await say('order 100-2000-3000');
  await expectReply(stream, 'the outcome as an Adaptive Card with the ticket note',
    card(has('Battery belt damage documented', 'Ticket note', 'Reveal X-Pro', '100-2000-3000', 'Account holder', 'Equipment Physical Damage')));
  const disposition = await expectReply(stream, 'the disposition prompt as a card with buttons',
    card(all(has('Suggested disposition', 'Pick it, or another one'), (v) => v.buttons.length > 0)));

  const first = disposition.buttons[0];
  const firstValue = first.data?.text ?? first.title;
  await choose(disposition, first.title, firstValue);
  await expectReply(stream, 'the disposition confirmation', has('Disposition recorded'));

  // Nothing more may come: an extra reply would mean the order above was not the whole story.
  const extra = await stream.next(QUIET_MS);
  if (extra) {
    const v = view(extra);
    printReply(v);
    fail(`an unexpected extra reply arrived after the conversation ended: ${describe(v)}`);
  }
  stream.close();
}

try {
  await main();
  console.log(`PASS: battery-belt-damage conversation through the Agents Playground (choices by ${CHOICES}) in ${elapsed().trim()}`);
  process.exit(0);
} catch (error) {
  console.error(`FAIL: ${error instanceof DriveError ? error.message : error.stack ?? error}`);
  process.exit(1);
}
