import { count, el, get, requireLogin, showError } from './api.js';

const chainsBox = document.getElementById('chains');
const blocksBox = document.getElementById('blocks');
const blockBox = document.getElementById('block');
const searchChain = document.getElementById('search-chain');
let selected = null;
let source = null;

const short = (h) => (h ? h.slice(0, 16) + '…' : '');
const time = (t) => (t ? new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '—');

function chainsTable(network) {
  if (network.chains.length === 0) return el('p', { class: 'muted' }, 'This node runs no chain.');
  const rows = network.chains.map((c) => el('tr', { class: 'clickable', 'data-chain': c.id, onclick: () => select(c.id) },
    el('td', {}, c.id), el('td', {}, c.private ? 'private' : 'public'), el('td', { class: 'num' }, count(c.height, 'block')),
    el('td', { class: 'num' }, c.finalHeight.toLocaleString('en')),
    el('td', { class: 'num' }, count(c.finalityLag, 'block')),
    el('td', {}, c.leader ?? 'no leader now'),
    el('td', { class: 'wide' }, c.peers.map((p) => `${p.node} (${p.org}${p.validator ? ', validator' : ''})`).join(', ')),
    el('td', { class: 'num wide' }, count(c.pending, 'transaction')),
    el('td', { class: c.health.status === 'ok' ? 'ok' : 'bad' }, c.health.status === 'ok' ? 'committing' : 'halted: ' + c.health.reason)));
  return el('table', { id: 'chains-table' },
    el('thead', {}, el('tr', {}, ...['Chain', 'Kind', 'Height', 'Final height', 'Finality lag', 'Leader'].map((h) => el('th', {}, h)),
      el('th', { class: 'wide' }, 'Peers'), el('th', { class: 'wide num' }, 'Waiting'), el('th', {}, 'Health'))),
    el('tbody', {}, ...rows));
}

function blockRow(b) {
  return el('tr', { class: 'clickable', 'data-height': String(b.height), onclick: () => showBlock(b.height) },
    el('td', { class: 'num' }, b.height.toLocaleString('en')), el('td', {}, time(b.time)),
    el('td', { class: 'num' }, count(b.txCount, 'transaction')), el('td', { class: 'wide' }, b.proposer),
    el('td', { class: 'hash wide' }, short(b.hash)));
}

function blocksTable(blocks) {
  return el('table', { id: 'blocks-table' },
    el('thead', {}, el('tr', {}, el('th', { class: 'num' }, 'Height'), el('th', {}, 'Time'), el('th', { class: 'num' }, 'Transactions'),
      el('th', { class: 'wide' }, 'Proposer'), el('th', { class: 'wide' }, 'Hash'))),
    el('tbody', { id: 'blocks-body' }, ...blocks.map(blockRow)));
}

function txTable(txs) {
  if (txs.length === 0) return el('p', { class: 'muted' }, 'No transactions in this block.');
  return el('table', { id: 'tx-table' },
    el('thead', {}, el('tr', {}, ...['Transaction', 'Sender', 'Call', 'Result'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...txs.map((t) => el('tr', {},
      el('td', { class: 'hash' }, t.id), el('td', {}, t.sender), el('td', {}, `${t.contract}.${t.method}`),
      el('td', { class: t.code === 0 ? 'ok' : 'bad' }, t.code === 0 ? 'code 0 (ok)' : `code ${t.code}: ${t.message}`)))));
}

async function showBlock(height) {
  blockBox.replaceChildren(el('p', { class: 'muted' }, `Loading block ${height}…`));
  try {
    const b = await get(`/console/api/chains/${encodeURIComponent(selected)}/blocks/${height}`);
    renderBlock(b);
  } catch (e) {
    showError(blockBox, e);
  }
}

function renderBlock(b) {
  blockBox.replaceChildren(el('p', { id: 'block-title' }, `Block ${b.height.toLocaleString('en')} of ${selected}, ${time(b.time)}, proposed by ${b.proposer}`),
    el('p', { class: 'hash' }, 'hash ' + b.hash), txTable(b.transactions));
}

async function select(chain) {
  selected = chain;
  searchChain.value = chain;
  document.getElementById('blocks-chain').textContent = chain;
  blocksBox.replaceChildren(el('p', { class: 'muted' }, 'Loading the blocks…'));
  try {
    const recent = await get(`/console/api/chains/${encodeURIComponent(chain)}/blocks`);
    blocksBox.replaceChildren(recent.blocks.length ? blocksTable(recent.blocks) : el('p', { class: 'muted', id: 'no-blocks' }, 'No blocks yet.'));
  } catch (e) {
    showError(blocksBox, e);
  }
  follow(chain);
}

const RECENT = 20;
/** Blocks received and not drawn yet, oldest first: at most RECENT (older ones would be trimmed anyway). */
let arrived = [];
let drawScheduled = false;
let chainsLoading = false;
let chainsAgain = false;
let chainsAskedAt = 0;
/** The chains table is asked for at most this often while blocks arrive (its heights, lag and pool). */
const CHAINS_EVERY_MS = 250;

/**
 * New blocks as they commit, from the node's event stream (server-sent events; each event a block's height,
 * time, size, proposer and hash). At the ledger's full rate blocks come faster than a screen is drawn, so
 * they are drawn once per animation frame, all that arrived since, and the chains table is asked for again
 * only when its last answer is in, at most every CHAINS_EVERY_MS: the page keeps up and keeps RECENT rows,
 * whatever the rate.
 */
function follow(chain) {
  if (source) source.close();
  arrived = [];
  const live = document.getElementById('live');
  source = new EventSource(`/console/api/chains/${encodeURIComponent(chain)}/events`);
  source.onopen = () => { live.textContent = '· live'; };
  source.onerror = () => { live.textContent = '· reconnecting…'; };
  source.addEventListener('block', (ev) => {
    arrived.push(JSON.parse(ev.data));
    if (arrived.length > RECENT) arrived.splice(0, arrived.length - RECENT);
    if (!drawScheduled) {
      drawScheduled = true;
      requestAnimationFrame(drawArrived);
    }
  });
}

// A page left for another may be kept alive by the browser (its back/forward cache), and with it its stream:
// it stops following the chain while it is not shown, and when shown again reloads the recent blocks and
// follows the chain from there.
addEventListener('pagehide', () => {
  if (source) source.close();
  source = null;
});
addEventListener('pageshow', (ev) => {
  if (ev.persisted && selected) select(selected);
});

function drawArrived() {
  drawScheduled = false;
  const blocks = arrived;
  arrived = [];
  let body = document.getElementById('blocks-body');
  if (!body) {
    blocksBox.replaceChildren(blocksTable([]));
    body = document.getElementById('blocks-body');
  }
  body.prepend(...blocks.reverse().map(blockRow));
  while (body.children.length > RECENT) body.lastChild.remove();
  refreshChainsSoon();
}

/** Asks for the chains table again: one request at a time, at most every CHAINS_EVERY_MS, the last one always. */
function refreshChainsSoon() {
  if (chainsLoading) {
    chainsAgain = true;
    return;
  }
  const wait = chainsAskedAt + CHAINS_EVERY_MS - performance.now();
  chainsLoading = true;
  chainsAgain = false;
  setTimeout(() => {
    chainsAskedAt = performance.now();
    refreshChains().finally(() => {
      chainsLoading = false;
      if (chainsAgain) refreshChainsSoon();
    });
  }, Math.max(0, wait));
}

async function refreshChains() {
  try {
    const network = await get('/console/api/network');
    chainsBox.replaceChildren(chainsTable(network));
    return network;
  } catch (e) {
    showError(chainsBox, e);
    return null;
  }
}

document.getElementById('search-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const out = document.getElementById('search-result');
  const q = document.getElementById('search').value.trim();
  if (!q) { out.replaceChildren(el('p', { class: 'muted' }, 'Type a block height, a block hash or a transaction id.')); return; }
  out.replaceChildren(el('p', { class: 'muted' }, 'Searching…'));
  try {
    selected = searchChain.value;
    const r = await get(`/console/api/chains/${encodeURIComponent(searchChain.value)}/search?q=${encodeURIComponent(q)}`);
    if (r.kind === 'block') {
      out.replaceChildren(el('p', { id: 'search-found' }, `Block ${r.block.height}`));
      renderBlock(r.block);
    } else {
      const t = r.transaction;
      out.replaceChildren(el('p', { id: 'search-found' }, `Transaction in block ${t.height} (position ${t.index}): ${t.contract}.${t.method} by ${t.sender}, `
        + (t.result.code === 0 ? 'code 0 (ok)' : `code ${t.result.code}: ${t.result.message}`)));
    }
  } catch (e) {
    showError(out, e);
  }
});

requireLogin().then(async () => {
  const network = await refreshChains();
  if (network && network.chains.length) {
    searchChain.replaceChildren(...network.chains.map((c) => el('option', { value: c.id }, c.id)));
    select(network.chains[0].id);
  }
}).catch((e) => { if (e.code !== 'NOT_LOGGED_IN') showError(chainsBox, e); });
