// Logs in and reads /me from another origin: both calls need a CORS preflight (JSON body, Authorization header).
const query = new URLSearchParams(location.search);
const api = query.get('api');
const result = document.getElementById('result');

async function run() {
  try {
    const login = await fetch(api + '/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: query.get('email'), password: query.get('password') })
    });
    const tokens = await login.json();
    const me = await fetch(api + '/api/auth/me', {
      headers: { 'Authorization': 'Bearer ' + tokens.access_token }
    });
    const user = await me.json();
    result.textContent = ['ok', login.status, login.headers.get('RateLimit-Limit'), me.status, user.email].join(' ');
  } catch (error) {
    result.textContent = 'blocked ' + error.name;
  }
}

run();
