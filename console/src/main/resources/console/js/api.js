// Calls of the console's own endpoints: JSON in and out, the session cookie sent by the browser, the CSRF
// token on every write, and errors turned into sentences.
let csrf = null;

export class ApiFailure extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, path, body, raw) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = raw ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body), credentials: 'same-origin' });
  } catch (e) {
    throw new ApiFailure(0, 'UNREACHABLE', 'The node cannot be reached. Check that it is running, then reload.');
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { /* not JSON */ }
  if (!res.ok) {
    const message = json && json.message ? json.message : `the node answered ${res.status}`;
    throw new ApiFailure(res.status, json && json.error ? json.error : 'HTTP_' + res.status, message[0].toUpperCase() + message.slice(1) + '.');
  }
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
/** A write whose body is bytes (a file), with the CSRF token. */
export const postBytes = (path, bytes) => call('POST', path, bytes, true);

/** The session: {loggedIn, organisation, csrf}; remembers the CSRF token for the writes that follow. */
export async function session() {
  const s = await get('/console/api/session');
  csrf = s.csrf || null;
  return s;
}

export function setCsrf(token) {
  csrf = token;
}

/** Sends the browser to the login page unless logged in; answers the session. */
export async function requireLogin() {
  const s = await session();
  if (!s.loggedIn) {
    location.replace('/console/login.html');
    throw new ApiFailure(401, 'NOT_LOGGED_IN', 'Log in first.');
  }
  const who = document.getElementById('who');
  if (who) who.textContent = 'Organisation ' + s.organisation;
  const out = document.getElementById('logout');
  if (out) {
    out.hidden = false;
    out.addEventListener('click', async () => {
      await post('/console/api/logout');
      location.replace('/console/login.html');
    });
  }
  return s;
}

/** An element with text (never HTML from the network). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c == null) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

export function showError(target, e) {
  target.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message || String(e)));
}

/** A count with its unit: "1 block", "3 blocks". */
export function count(n, unit) {
  return `${Number(n).toLocaleString('en')} ${unit}${n === 1 ? '' : 's'}`;
}
