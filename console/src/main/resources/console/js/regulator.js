import { count, el, get, post, requireLogin, showError } from './api.js';
import { hexToBytes } from './canonical.js';
import { parseProof, verifyProof } from './proofcheck.js';

const inbox = document.getElementById('inbox');
const ackResult = document.getElementById('ack-result');
let chosen = null;

const time = (t) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const lastDay = (endExclusive) => new Date(Date.parse(endExclusive + 'T00:00:00Z') - 86400000).toISOString().slice(0, 10);
const status = () => document.querySelector('input[name=status]:checked').value;

function row(chain, f) {
  const id = `${f.group}/${f.periodStart}/${f.version}`;
  const note = el('input', { 'aria-label': 'note', placeholder: 'note (optional)', maxlength: '1000', class: 'note' });
  const state = f.acknowledged
    ? el('td', { class: 'ok' }, `acknowledged by ${f.acknowledgedBy} on ${time(f.acknowledgedAt)}${f.note ? ': ' + f.note : ''}`)
    : el('td', {}, el('div', { class: 'row' }, note, el('button', { type: 'button', class: 'ack', onclick: (ev) => acknowledge(ev.target, chain, f, note.value) }, 'Acknowledge')));
  return el('tr', { 'data-filing': id },
    el('td', {}, el('a', { href: '#history', onclick: () => history(chain, f.group) }, f.group)),
    el('td', {}, `${f.periodStart} to ${lastDay(f.periodEnd)}`, f.version > 1 ? ` (version ${f.version})` : ''),
    el('td', { class: 'wide' }, time(f.filedAt)),
    el('td', { class: 'hash wide' }, f.groupRoot),
    state,
    el('td', {}, el('button', { type: 'button', class: 'secondary choose', onclick: () => choose(chain, f) }, 'Check a delivery')));
}

async function load() {
  inbox.replaceChildren(el('p', { class: 'muted' }, 'Loading the filings…'));
  try {
    const r = await get(`/console/api/regulator/filings?status=${status()}`);
    if (r.chains.length === 0) {
      inbox.replaceChildren(el('p', { class: 'muted' }, 'This node\'s organisation is not the regulator of any chain it runs.'));
      return;
    }
    const parts = [];
    for (const c of r.chains) {
      parts.push(el('p', { class: 'filings-count' }, `Chain ${c.id}: ${count(c.filings.length, 'filing')}${status() === 'pending' ? ' awaiting acknowledgement' : ''}`));
      if (c.filings.length) {
        parts.push(el('table', { class: 'filings' },
          el('thead', {}, el('tr', {}, ...['Group', 'Period', 'Filed', 'Hash_G', 'Status', ''].map((h, i) => el('th', { class: i === 2 || i === 3 ? 'wide' : '' }, h)))),
          el('tbody', {}, ...c.filings.map((f) => row(c.id, f)))));
      }
    }
    inbox.replaceChildren(...parts);
  } catch (e) {
    showError(inbox, e);
  }
}

async function acknowledge(button, chain, f, note) {
  button.disabled = true;
  ackResult.textContent = `Acknowledging ${f.group}'s filing of ${f.periodStart}…`;
  try {
    const r = await post('/console/api/regulator/acknowledge', { chain, group: f.group, periodStart: f.periodStart, periodEnd: f.periodEnd, version: f.version, note });
    ackResult.className = r.ok ? 'ok' : 'bad';
    ackResult.textContent = r.ok
      ? `Acknowledged ${f.group}'s filing of ${f.periodStart} to ${lastDay(f.periodEnd)} in block ${r.height} (transaction ${r.txId.slice(0, 16)}…).`
      : `The chain refused the acknowledgement (code ${r.code}): ${r.message}`;
    await load();
  } catch (e) {
    ackResult.className = 'bad';
    ackResult.textContent = e.message;
    button.disabled = false;
  }
}

async function history(chain, group) {
  document.getElementById('history-group').textContent = group;
  const list = document.getElementById('history');
  try {
    const h = await get(`/console/api/regulator/history?chain=${encodeURIComponent(chain)}&group=${encodeURIComponent(group)}`);
    list.replaceChildren(...(h.events.length ? h.events.map((e) => el('li', { class: e.kind === 'acknowledged' ? 'ok' : '' },
      `${time(e.time)} (block ${e.height}) · period ${e.period} · ${e.text}`)) : [el('li', { class: 'muted' }, 'Nothing filed yet.')]));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'bad' }, e.message));
  }
}

function choose(chain, f) {
  chosen = { chain, f };
  document.getElementById('check-filing').textContent = `Against ${f.group}'s filing of ${f.periodStart} to ${lastDay(f.periodEnd)} on ${chain}, Hash_G ${f.groupRoot}.`;
}

document.getElementById('delivery-file').addEventListener('change', async (ev) => {
  const file = ev.target.files[0];
  if (file && file.size <= 1 << 20) document.getElementById('delivery-text').value = await file.text();
});

document.getElementById('check-delivery').addEventListener('click', async () => {
  const out = document.getElementById('delivery-verdict');
  out.replaceChildren();
  if (!chosen) { out.append(el('p', { class: 'error' }, 'Choose the filing to check against first.')); return; }
  let proof;
  try {
    proof = parseProof(JSON.parse(document.getElementById('delivery-text').value));
  } catch (e) {
    out.append(el('p', { class: 'error' }, 'The delivery is not a proof in the format of energychain prove --json: ' + e.message));
    return;
  }
  const f = chosen.f;
  const trusted = { root: hexToBytes(f.groupRoot, 'Hash_G'), source: `filing on ${chosen.chain}`, hash: f.hash, group: f.group, periodStart: f.periodStart, periodEnd: f.periodEnd };
  const r = await verifyProof(proof, trusted);
  out.append(r.holds
    ? el('p', { class: 'verdict ok', id: 'delivery-ok' }, `The delivered data is what ${f.group} filed: it is under the filed Hash_G.`)
    : el('div', { class: 'verdict bad', id: 'delivery-bad' }, 'The delivery does not match the filing: ', el('ul', {}, ...r.differences.map((d) => el('li', {}, d)))));
});

document.querySelectorAll('input[name=status]').forEach((r) => r.addEventListener('change', load));
requireLogin().then(load).catch((e) => { if (e.code !== 'NOT_LOGGED_IN') showError(inbox, e); });
