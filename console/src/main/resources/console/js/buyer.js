import { count, el, get, post, postBytes, requireLogin, showError } from './api.js';

let chain = null;
const money = (n) => `${Number(n).toLocaleString('en')} minor units`;
const time = (t) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const day = (t) => new Date(t).toISOString().slice(0, 10);
const base = () => `/console/api/buyer/${encodeURIComponent(chain)}`;

async function account() {
  const box = document.getElementById('trades');
  try {
    const a = await get(`${base()}/account`);
    document.getElementById('balance').className = '';
    document.getElementById('balance').textContent = `Balance of ${a.member}: ${money(a.balance)}`;
    if (a.trades.length === 0) {
      box.replaceChildren(el('p', { class: 'muted', id: 'no-trades' }, 'No trades yet.'));
      return;
    }
    box.replaceChildren(...a.trades.map((t) => el('div', { class: 'trade', 'data-trade': t.tradeId },
      el('p', {}, el('strong', {}, t.listingId), ` from ${t.seller}, ${money(t.price)}, `, el('span', { class: 'status' }, t.status.toLowerCase()),
        t.escrow ? ` (${money(t.escrow)} in escrow)` : ''),
      el('ol', { class: 'steps' }, ...t.steps.map((s) => el('li', {}, `${s.step} by ${s.by} on ${time(s.time)} (block ${s.height})`))),
      actions(t))));
  } catch (e) {
    showError(box, e);
  }
}

/** Why a trade was refunded, in words. */
function refundReason(t) {
  switch (t.closeReason) {
    case 'dispute_upheld': return `the chain upheld your dispute of chunk ${t.disputedChunk}`;
    case 'delivery_missed': return 'the seller did not deliver in time';
    case 'receipt_missed': return 'the receipt was not confirmed in time';
    case 'reveal_missed': return 'the seller did not reveal the key in time';
    default: return t.closeReason;
  }
}

/** What the buyer can do next in a trade, by its state, or how it ended. */
function actions(t) {
  const result = el('p', { class: 'trade-result', role: 'status' });
  const tradePath = `${base()}/trades/${encodeURIComponent(t.tradeId)}`;
  const done = async (call) => {
    result.className = 'trade-result';
    result.textContent = 'Working…';
    try {
      const r = await call();
      result.className = 'trade-result ' + (r.ok ? 'ok' : 'bad');
      result.textContent = r.ok ? `Done in block ${r.height}${r.outcome ? ': ' + r.outcome : ''}.` : `The market refused it (code ${r.code}): ${r.message}`;
      await account();
    } catch (e) {
      result.className = 'trade-result bad';
      result.textContent = e.message;
    }
  };
  switch (t.status) {
    case 'PURCHASED':
      return el('p', { class: 'muted' }, 'Waiting for the seller to deliver.');
    case 'DELIVERED': {
      const fetchButton = el('button', { type: 'button', class: 'fetch' }, 'Receive from the seller: fetch, check and confirm');
      fetchButton.addEventListener('click', () => done(() => post(`${tradePath}/fetch`)));
      const file = el('input', { type: 'file', class: 'package-file', 'aria-label': 'delivery package' });
      const button = el('button', { type: 'button', class: 'receive secondary' }, 'Receive from a file');
      button.addEventListener('click', () => done(async () => {
        if (!file.files[0]) throw new Error('Choose the delivery package the seller sent first.');
        return postBytes(`${tradePath}/receive`, await file.files[0].arrayBuffer());
      }));
      return el('div', {}, el('div', { class: 'row' }, fetchButton),
        el('details', { class: 'package-upload' }, el('summary', {}, 'Or receive a package the seller sent by other means'),
          el('div', { class: 'row' }, file, button)), result);
    }
    case 'RECEIVED':
      return el('p', { class: 'muted' }, 'Received: waiting for the seller to reveal the key.');
    case 'REVEALED': {
      const accept = el('button', { type: 'button', class: 'accept' }, 'Open the data and accept (a bad chunk is disputed instead)');
      accept.addEventListener('click', () => done(() => post(`${tradePath}/accept`)));
      const dispute = el('button', { type: 'button', class: 'dispute secondary' }, 'Dispute: prove a bad chunk on chain');
      dispute.addEventListener('click', () => done(() => post(`${tradePath}/dispute`)));
      return el('div', {}, el('div', { class: 'row' }, accept, dispute), result);
    }
    case 'REFUNDED':
      return el('p', { class: 'outcome ok' }, `Refunded: the ${money(t.price)} came back to you, ${refundReason(t)}.`);
    case 'RELEASED':
      return el('p', { class: 'outcome' }, `Paid: the ${money(t.price)} went to ${t.seller} (${t.closeReason === 'accepted' ? 'you accepted the data' : 'the dispute window closed'}).`);
    default:
      return null;
  }
}

/** One directory node: its name and count; opening it loads the next level below. */
function treeNode(prefix, child, level) {
  const path = prefix ? `${prefix}/${child.name}` : child.name;
  const sub = el('ul', { class: 'tree' });
  const label = el('button', { type: 'button', class: 'secondary node', 'data-path': path, 'aria-expanded': 'false' },
    `${child.name} (${count(child.count, 'listing')})`);
  label.addEventListener('click', async () => {
    if (label.getAttribute('aria-expanded') === 'true') {
      sub.replaceChildren();
      label.setAttribute('aria-expanded', 'false');
      return;
    }
    label.setAttribute('aria-expanded', 'true');
    if (level >= 5) {
      await search({ path });
      return;
    }
    sub.replaceChildren(el('li', { class: 'muted' }, 'Loading…'));
    try {
      const t = await get(`${base()}/tree?path=${encodeURIComponent(path)}`);
      sub.replaceChildren(...t.children.map((c) => treeNode(path, c, level + 1)));
      if (t.children.length === 0) sub.replaceChildren(el('li', { class: 'muted' }, 'Nothing below.'));
    } catch (e) {
      sub.replaceChildren(el('li', { class: 'bad' }, e.message));
    }
  });
  return el('li', {}, label, sub);
}

async function tree() {
  const box = document.getElementById('tree');
  try {
    const t = await get(`${base()}/tree`);
    box.replaceChildren(...(t.children.length ? t.children.map((c) => treeNode('', c, 1))
      : [el('li', { class: 'muted' }, 'The catalogue is empty.')]));
  } catch (e) {
    box.replaceChildren(el('li', { class: 'bad' }, e.message));
  }
}

async function search(params) {
  const box = document.getElementById('listings');
  box.replaceChildren(el('p', { class: 'muted' }, 'Searching…'));
  try {
    const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null));
    const r = await get(`${base()}/search?${q}`);
    if (r.listings.length === 0) {
      box.replaceChildren(el('p', { class: 'muted' }, 'No listing matches.'));
      return;
    }
    box.replaceChildren(el('p', {}, `${count(r.total, 'listing')} found`), el('table', { id: 'listings-table' },
      el('thead', {}, el('tr', {}, ...['Listing', 'Seller', 'Data', 'Period', 'Price'].map((h) => el('th', {}, h)))),
      el('tbody', {}, ...r.listings.map((l) => el('tr', { class: 'clickable', 'data-listing': l.id, onclick: () => listing(l.id) },
        el('td', {}, l.id), el('td', {}, l.seller), el('td', {}, `${l.measurement} in ${l.measurementUnit}`),
        el('td', {}, `${day(l.from)} to ${day(l.to)}`), el('td', { class: 'num' }, money(l.price)))))));
  } catch (e) {
    showError(box, e);
  }
}

async function listing(id) {
  const box = document.getElementById('listing');
  box.replaceChildren(el('p', { class: 'muted' }, 'Loading the listing…'));
  try {
    const l = await get(`${base()}/listing?id=${encodeURIComponent(id)}`);
    const result = el('p', { id: 'purchase-result', role: 'status' });
    const buy = el('button', { type: 'button', id: 'buy' }, `Buy for ${money(l.price)}`);
    buy.addEventListener('click', async () => {
      buy.disabled = true;
      result.textContent = 'Buying…';
      try {
        const r = await post(`${base()}/purchase`, { listingId: l.id, version: l.version, maxPrice: l.price });
        result.className = r.ok ? 'ok' : 'bad';
        result.textContent = r.ok ? `Bought in block ${r.height}: the price is in escrow until the data is delivered and accepted.`
          : `The market refused the purchase (code ${r.code}): ${r.message}`;
        await account();
      } catch (e) {
        result.className = 'bad';
        result.textContent = e.message;
      } finally {
        buy.disabled = false;
      }
    });
    box.replaceChildren(
      el('p', {}, el('strong', { id: 'listing-id' }, l.id), ` (version ${l.version}) by ${l.seller}`),
      el('p', {}, `${l.energyType} › ${l.dataType} › ${l.region} › ${l.group} › ${l.unit}: ${l.measurement} in ${l.measurementUnit}, ${day(l.from)} to ${day(l.to)}, ${count(l.sizeBytes, 'byte')}`),
      el('p', {}, `Terms: ${l.terms}`),
      el('p', { class: 'hash' }, `Hash(D1) ${l.contentRoot} (${l.hash})`),
      el('p', { id: 'on-chain', class: l.onChain === 'ok' ? 'ok' : 'bad' }, l.onChain === 'ok'
        ? `Checked on chain: transaction ${l.txId.slice(0, 16)}… in block ${l.height} published exactly these terms.`
        : `The check against the chain failed: ${l.onChain}.`),
      el('div', { class: 'row' }, buy), result);
  } catch (e) {
    showError(box, e);
  }
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  search({ path: document.getElementById('path').value.trim(), from: from ? from + 'T00:00:00Z' : '', to: to ? to + 'T00:00:00Z' : '',
    maxPrice: document.getElementById('max-price').value, sort: document.getElementById('sort').value });
});

requireLogin().then(async () => {
  const r = await get('/console/api/buyer');
  if (r.chains.length === 0) {
    document.getElementById('tree').replaceChildren(el('li', { class: 'muted' }, 'This node runs no trading chain.'));
    return;
  }
  chain = r.chains[0];
  document.getElementById('market-chain').textContent = chain;
  await Promise.all([tree(), account()]);
}).catch((e) => { if (e.code !== 'NOT_LOGGED_IN') showError(document.getElementById('tree'), e); });
