// The administrator's session and every call to the service. Tokens live in this module's memory only (never in
// localStorage, sessionStorage or a cookie): a reload or a closed tab logs out. The access token is refreshed
// before it expires; a 401 triggers one refresh and one retry.

/** An error the service answered in problem+json (or a network failure), carrying the words to show. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem || {};
  }

  get type() {
    return this.problem.type || "";
  }
}

function describe(status, problem) {
  if (status === 0) {
    return "The service cannot be reached. Check the network and try again.";
  }
  if (problem && Array.isArray(problem.errors) && problem.errors.length) {
    return problem.errors.map((e) => (e.field ? e.field + ": " : "") + e.message).join("; ");
  }
  if (problem && problem.detail) {
    return problem.detail;
  }
  if (problem && problem.title) {
    return problem.title;
  }
  return "The service answered " + status + ".";
}

let session = null; // {accessToken, refreshToken, user, expiresAt}
let refreshTimer = null;
let refreshing = null;
const listeners = new Set();

/** Called with the session (or null) whenever one starts or ends. */
export function onSessionChange(listener) {
  listeners.add(listener);
}

export function currentUser() {
  return session ? session.user : null;
}

async function send(method, path, body, token) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (token) {
    headers.Authorization = "Bearer " + token;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
    });
  } catch (e) {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

function start(tokens) {
  session = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    user: tokens.user,
    expiresAt: Date.now() + tokens.expires_in * 1000,
  };
  scheduleRefresh(tokens.expires_in);
}

function scheduleRefresh(expiresInSeconds) {
  clearTimeout(refreshTimer);
  // a minute before expiry, or at 80 % of a short lifetime
  const inMillis = Math.max(1000, Math.min(expiresInSeconds - 60, expiresInSeconds * 0.8) * 1000);
  refreshTimer = setTimeout(() => refresh().catch(() => end()), inMillis);
}

function end() {
  clearTimeout(refreshTimer);
  const had = session !== null;
  session = null;
  if (had) {
    listeners.forEach((l) => l(null));
  }
}

function requireAdmin(tokens) {
  const roles = (tokens.user && tokens.user.roles) || [];
  if (!roles.includes("admin")) {
    // the tokens are worthless here: end that session on the service too
    send("POST", "/api/auth/logout", { scope: "local" }, tokens.access_token).catch(() => {});
    throw new ApiError(403, { detail: "This account is not an administrator." });
  }
  start(tokens);
  listeners.forEach((l) => l(session));
}

/**
 * Logs in with email and password. Resolves to {mfaToken} when the account has a second factor (then call
 * completeMfa), or to null once the session is on.
 */
export async function logIn(email, password) {
  try {
    requireAdmin(await send("POST", "/api/auth/login", { email, password }));
    return null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401 && e.type.endsWith("mfa-required") && e.problem.mfa_token) {
      return { mfaToken: e.problem.mfa_token };
    }
    throw e;
  }
}

export async function completeMfa(mfaToken, code, isRecoveryCode) {
  const body = isRecoveryCode ? { mfa_token: mfaToken, recovery_code: code } : { mfa_token: mfaToken, code };
  requireAdmin(await send("POST", "/api/auth/login/mfa", body));
}

/** One refresh at a time: concurrent callers wait for the same one. */
function refresh() {
  if (!session) {
    return Promise.reject(new ApiError(401, { detail: "Please log in." }));
  }
  if (!refreshing) {
    refreshing = send("POST", "/api/auth/refresh", { refresh_token: session.refreshToken })
      .then((tokens) => {
        start(tokens);
      })
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing;
}

export async function logOut() {
  if (session) {
    const token = session.accessToken;
    end();
    await send("POST", "/api/auth/logout", { scope: "local" }, token).catch(() => {});
  }
}

/** An authenticated call; a 401 refreshes once and retries, a second 401 ends the session. */
export async function call(method, path, body) {
  if (!session) {
    throw new ApiError(401, { detail: "Please log in." });
  }
  try {
    return await send(method, path, body, session.accessToken);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) {
      throw e;
    }
  }
  try {
    await refresh();
  } catch (e) {
    end();
    throw new ApiError(401, { detail: "Your session has ended. Please log in again." });
  }
  return send(method, path, body, session.accessToken);
}

export const get = (path) => call("GET", path);
export const post = (path, body) => call("POST", path, body);
export const put = (path, body) => call("PUT", path, body);
export const del = (path) => call("DELETE", path);

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== "") {
      q.set(k, v);
    }
  });
  const s = q.toString();
  return s ? "?" + s : "";
}
