// Grid and sources: demands and their negotiation, the weights V_k, and the committed plan as stacked
// generation by technology over the intervals with the demand line (Chart.js from its WebJar).
import { count, el, get, requireLogin, showError } from './api.js';

const COLOURS = { coal: '#4b4b4b', gas: '#b26b00', biomass: '#7a5c2e', 'solar-pv': '#f2b705', geothermal: '#a33b20',
  'solar-csp': '#e08e0b', hydro: '#1f77b4', nuclear: '#8e44ad', 'wind-offshore': '#2a9d8f', 'wind-onshore': '#57cc99' };
const charts = {};
let data = null;
let selected = null;
let source = null;

const kw = (n) => `${Number(n).toLocaleString('en')} kW`;
const pct = (ppm) => `${(ppm / 10000).toLocaleString('en', { maximumFractionDigits: 2 })} %`;
const fixed = (x, d) => Number(x).toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

function chart(id, config) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new window.Chart(document.getElementById(id), config);
}

function intervals(d) {
  return d.demandKw.map((_, i) => {
    const m = i * d.intervalMinutes;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
}

function show(d) {
  selected = d.id;
  document.getElementById('demand').hidden = false;
  document.getElementById('demand-title').textContent = `Demand ${d.id} for ${d.period} (${count(d.demandKw.length, 'interval')} of ${d.intervalMinutes} min): ${d.status.toLowerCase()}`;
  chart('weights-chart', {
    type: 'bar',
    data: { labels: d.participants.map((p) => `${p.source} (${p.technology})`),
      datasets: [{ label: 'weight V_k (%)', data: d.participants.map((p) => p.weightPpm / 10000), backgroundColor: d.participants.map((p) => COLOURS[p.technology] || '#888') }] },
    options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { title: { display: true, text: '%' }, beginAtZero: true } } },
  });
  const noPlan = document.getElementById('no-plan');
  const metrics = document.getElementById('metrics');
  if (!d.plan) {
    if (charts['plan-chart']) { charts['plan-chart'].destroy(); delete charts['plan-chart']; }
    noPlan.hidden = false;
    metrics.replaceChildren(el('p', { class: 'muted' }, 'No plan committed yet.'));
  } else {
    noPlan.hidden = true;
    const byTech = {};
    for (const row of d.plan.rows) {
      byTech[row.technology] = byTech[row.technology] || d.demandKw.map(() => 0);
      row.kw.forEach((v, i) => { byTech[row.technology][i] += v; });
    }
    chart('plan-chart', {
      data: { labels: intervals(d), datasets: [
        { type: 'line', label: 'demand (kW)', data: d.demandKw, borderColor: '#d62828', backgroundColor: '#d62828', stepped: 'middle', order: 0 },
        ...Object.entries(byTech).map(([tech, values]) => ({ type: 'bar', label: `${tech} (kW)`, data: values, backgroundColor: COLOURS[tech] || '#888', stack: 'plan', order: 1 })),
      ] },
      options: { animation: false, maintainAspectRatio: false, scales: { x: { stacked: true, title: { display: true, text: 'interval start (UTC)' } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'kW' } } } },
    });
    const c = d.committed;
    const m = d.meritOrder;
    const line = (name, f, unit) => el('tr', {}, el('td', {}, name), el('td', { class: 'num' }, `${f(c)} ${unit}`), el('td', { class: 'num' }, m ? `${f(m)} ${unit}` : '—'));
    metrics.replaceChildren(el('table', { id: 'metrics-table' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', { class: 'num' }, 'committed plan'), el('th', { class: 'num' }, 'merit order (cheapest first)'))),
      el('tbody', {}, line('energy', (x) => fixed(x.energyMwh, 3), 'MWh'), line('cost', (x) => fixed(x.cost, 2), 'currency units'),
        line('emissions', (x) => fixed(x.emissionsTonnes, 3), 't CO2-eq'), line('clean share', (x) => fixed(x.cleanSharePercent, 1), '%'))),
    d.meritOrderProblem ? el('p', { class: 'muted' }, `No merit-order plan fits: ${d.meritOrderProblem}`) : null);
  }
  document.getElementById('rounds').replaceChildren(el('table', { id: 'rounds-table' },
    el('thead', {}, el('tr', {}, ...['Round', 'Proposer', 'Accepting', 'Rejecting', 'Outcome', 'Votes'].map((h) => el('th', {}, h)))),
    el('tbody', {}, ...d.rounds.map((r) => el('tr', {}, el('td', { class: 'num' }, r.number), el('td', {}, r.proposer + (r.proposed ? '' : ' (no plan yet)')),
      el('td', { class: 'num' }, pct(r.acceptPpm)), el('td', { class: 'num' }, pct(r.rejectPpm)), el('td', { class: r.outcome === 'ACCEPTED' ? 'ok' : r.outcome === 'REJECTED' ? 'bad' : '' }, r.outcome.toLowerCase()),
      el('td', {}, r.votes.map((v) => `${v.voter} ${v.accept ? 'accepts' : 'rejects (' + v.reason + ')'} with ${pct(v.ppm)}`).join('; ') || 'none yet'))))));
}

async function load() {
  const box = document.getElementById('demands');
  try {
    data = await get('/console/api/grid');
    if (data.chains.length === 0) {
      box.replaceChildren(el('p', { class: 'muted' }, 'This node runs no dispatch chain.'));
      return;
    }
    const all = data.chains.flatMap((c) => c.demands.map((d) => ({ chain: c.id, d })));
    if (all.length === 0) {
      box.replaceChildren(el('p', { class: 'muted' }, 'No demand posted yet.'));
    } else {
      box.replaceChildren(el('table', { id: 'demands-table' },
        el('thead', {}, el('tr', {}, ...['Demand', 'Chain', 'Period', 'Peak', 'Sources', 'Rounds', 'Status'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...all.map(({ chain, d }) => el('tr', { class: 'clickable', 'data-demand': d.id, onclick: () => show(d) },
          el('td', {}, d.id), el('td', {}, chain), el('td', {}, d.period), el('td', { class: 'num' }, kw(Math.max(...d.demandKw))),
          el('td', { class: 'num' }, d.participants.length), el('td', { class: 'num' }, d.rounds.length), el('td', {}, d.status.toLowerCase()))))));
      show(all.find((x) => x.d.id === selected)?.d || all[0].d);
    }
    if (!source) follow(data.chains[0].id);
  } catch (e) {
    showError(box, e);
  }
}

function follow(chain) {
  const live = document.getElementById('live');
  source = new EventSource(`/console/api/chains/${encodeURIComponent(chain)}/events`);
  source.onopen = () => { live.textContent = '· live'; };
  source.onerror = () => { live.textContent = '· reconnecting…'; };
  source.addEventListener('block', () => load());
}

// a page left for another (and kept by the browser's back/forward cache) stops following the chain until shown
addEventListener('pagehide', () => {
  if (source) source.close();
  source = null;
});
addEventListener('pageshow', (ev) => {
  if (ev.persisted) load();
});

requireLogin().then(load).catch((e) => { if (e.code !== 'NOT_LOGGED_IN') showError(document.getElementById('demands'), e); });
