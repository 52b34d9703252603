// The group operator's records on its chains: anchored periods with Hash_G, filings with their status,
// destruction records, listings and sales.
import { count, el, get, requireLogin, showError } from './api.js';

const main = document.getElementById('group');
const time = (t) => new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
const lastDay = (endExclusive) => new Date(Date.parse(endExclusive + 'T00:00:00Z') - 86400000).toISOString().slice(0, 10);
const money = (n) => `${Number(n).toLocaleString('en')} minor units`;

function table(id, heads, rows, empty) {
  if (rows.length === 0) return el('p', { class: 'muted' }, empty);
  return el('div', { class: 'scroll' }, el('table', { id },
    el('thead', {}, el('tr', {}, ...heads.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => (c instanceof Node ? c : el('td', {}, c))))))));
}

/** What the chain holds of an ingested period, in words. */
function anchorCell(p) {
  if (p.anchor === 'anchored') return el('td', { class: 'ok' }, `anchored in block ${p.height}, ${time(p.anchoredAt)}`);
  if (p.anchor === 'not anchored') return el('td', { class: 'bad' }, 'not anchored');
  return el('td', { class: 'bad' }, `anchored in block ${p.height} with another Hash_G: ${p.anchoredRoot}`);
}

function chainSections(c) {
  const out = [];
  if (c.ingested) {
    const notAnchored = c.ingested.filter((p) => p.anchor === 'not anchored').length;
    const shown = c.ingested.length < c.ingestedTotal ? ` (the latest ${c.ingested.length} of ${c.ingestedTotal})` : '';
    out.push(el('section', {}, el('h2', {}, `Ingested periods for ${c.id}${shown}`),
      el('p', { class: notAnchored ? 'bad' : 'muted', id: 'ingested-summary' }, notAnchored
        ? `${count(notAnchored, 'period')} ingested into the off-chain store but not anchored on ${c.id}.`
        : `Every period in the off-chain store is anchored on ${c.id}.`),
      table('ingested-table', ['Period', 'Hash_G', 'Plants', 'Readings', 'Ingested', 'On chain'], c.ingested.map((p) => [
        `${p.periodStart} to ${lastDay(p.periodEnd)}${p.version > 1 ? ' (version ' + p.version + ')' : ''}`,
        el('td', { class: 'hash' }, p.groupRoot), count(p.plants, 'plant'), count(p.readings, 'reading'), time(p.ingestedAt),
        anchorCell(p)]), 'Nothing ingested into the off-chain store yet.')));
  }
  if (c.anchors) {
    out.push(el('section', {}, el('h2', {}, `Anchored periods on ${c.id} (${count(c.anchors.length, 'period')})`),
      table('anchors-table', ['Period', 'Hash_G', 'Plants', 'Anchored'], c.anchors.map((a) => [
        `${a.periodStart} to ${lastDay(a.periodEnd)}${a.version > 1 ? ' (version ' + a.version + ')' : ''}`,
        el('td', { class: 'hash' }, a.groupRoot), count(a.plants.length, 'plant'), `${time(a.anchoredAt)} (block ${a.height})`]),
      'Nothing anchored yet.')));
  }
  if (c.filings) {
    out.push(el('section', {}, el('h2', {}, `Filings on ${c.id}`),
      table('filings-table', ['Period', 'Hash_G', 'Filed', 'Status'], c.filings.map((f) => [
        `${f.periodStart} to ${lastDay(f.periodEnd)}`, el('td', { class: 'hash' }, f.groupRoot), time(f.filedAt),
        el('td', { class: f.acknowledged ? 'ok' : '' }, f.acknowledged ? `acknowledged by ${f.acknowledgedBy}${f.note ? ': ' + f.note : ''}` : 'awaiting acknowledgement')]),
      'Nothing filed yet.')));
  }
  if (c.destructions) {
    out.push(el('section', {}, el('h2', {}, `Destruction records on ${c.id}`),
      table('destructions-table', ['#', 'Plant', 'Days', 'Readings deleted', 'Reason', 'Recorded'], c.destructions.map((d) => [
        String(d.id), d.plant, `${d.from} to ${lastDay(d.to)} (${count(d.days, 'day')})`, d.readingsDeleted.toLocaleString('en'), d.reason,
        `${time(d.recordedAt)} (block ${d.height})`]), 'No data destroyed.')));
  }
  if (c.listings) {
    out.push(el('section', {}, el('h2', {}, `Listings on ${c.id}`),
      table('listings-table', ['Listing', 'Data', 'Price', 'Version'], c.listings.map((l) => [
        l.id, `${l.measurement} in ${l.measurementUnit}, ${l.from.slice(0, 10)} to ${l.to.slice(0, 10)}`, money(l.price), String(l.version)]),
      'No active listing.')),
    el('section', {}, el('h2', {}, `Sales on ${c.id}`),
      table('sales-table', ['Listing', 'Buyer', 'Price', 'Status', 'Bought'], c.sales.map((s) => [
        s.listingId, s.buyer, money(s.price), s.status.toLowerCase(), time(s.purchasedAt)]), 'Nothing sold yet.')));
  }
  return out;
}

requireLogin().then(async () => {
  try {
    const g = await get('/console/api/group');
    if (g.chains.length === 0) {
      main.replaceChildren(el('section', {}, el('p', { class: 'muted' }, 'This node\'s organisation is not a group on any chain it runs.')));
      return;
    }
    const store = !g.store.configured
      ? el('section', {}, el('h2', {}, 'Off-chain store'), el('p', { class: 'muted', id: 'store-note' },
        'No off-chain store is configured for this node (console.offchain-db or offchain-db-url in node.yaml), '
        + 'so periods ingested but not anchored cannot be shown: the page shows what the chains hold.'))
      : g.store.problem ? el('section', {}, el('h2', {}, 'Off-chain store'), el('p', { class: 'error', role: 'alert', id: 'store-note' }, g.store.problem + '.'))
        : null;
    main.replaceChildren(...[store, ...g.chains.flatMap(chainSections)].filter((x) => x));
  } catch (e) {
    showError(main, e);
  }
}).catch((e) => { if (e.code !== 'NOT_LOGGED_IN') showError(main, e); });
