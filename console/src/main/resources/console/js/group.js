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

function chainSections(c) {
  const out = [];
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
    main.replaceChildren(...g.chains.flatMap(chainSections));
  } catch (e) {
    showError(main, e);
  }
}).catch((e) => { if (e.code !== 'NOT_LOGGED_IN') showError(main, e); });
