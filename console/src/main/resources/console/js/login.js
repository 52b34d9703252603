import { post, session } from './api.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

session().then((s) => {
  document.getElementById('org').textContent = 'organisation ' + s.organisation;
  if (s.loggedIn) location.replace('/console/');
  if (!s.passwordSet) {
    error.hidden = false;
    error.textContent = 'No console password is set on this node: set console.password-hash in its node.yaml.';
  }
}).catch((e) => { error.hidden = false; error.textContent = e.message; });

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  error.hidden = true;
  const button = document.getElementById('login');
  button.disabled = true;
  try {
    await post('/console/api/login', { password: document.getElementById('password').value });
    location.replace('/console/');
  } catch (e) {
    error.hidden = false;
    error.textContent = e.code === 'WRONG_PASSWORD' ? 'Wrong password.' : e.message;
  } finally {
    button.disabled = false;
  }
});
