// Events: the filters of GET /api/admin/auth-events, older pages through next_cursor, a live tail that polls
// for newer events, and the detail of one event.
import { get, query } from "./api.js";
import { $, attempt, el, row, say, time, utcInstant } from "./dom.js";

export const EVENT_TYPES = [
  "SIGNUP", "LOGIN", "LOGOUT", "TOKEN_REFRESH", "REFRESH_TOKEN_REUSE", "RATE_LIMITED", "ACCOUNT_LOCKED",
  "PASSWORD_CHANGED", "SESSION_REVOKED", "ACCESS_DENIED", "EMAIL_VERIFICATION_SENT", "EMAIL_VERIFIED",
  "PASSWORD_RESET_REQUESTED", "PASSWORD_RESET", "MAIL_DELIVERY_FAILED", "MFA_ENABLED", "MFA_DISABLED",
  "MFA_CHALLENGE", "RECOVERY_CODES_REGENERATED", "TOKEN_INTROSPECTED", "TOKEN_REVOKED", "SIGNING_KEY_ROTATED",
  "CLIENT_CREATED", "CLIENT_DELETED", "USER_DISABLED", "USER_ENABLED", "USER_UNLOCKED", "USER_ROLES_CHANGED",
  "USER_DELETED", "MFA_RESET",
];
const TAIL_MILLIS = 3000;
const DETAIL_FIELDS = [
  ["id", "Id"], ["type", "Type"], ["outcome", "Outcome"], ["occurred_at", "Occurred at (UTC)"],
  ["user_id", "User id"], ["actor_id", "Administrator (actor) id"], ["email", "Email"], ["ip", "IP address"],
  ["user_agent", "User agent"], ["session_id", "Session id"], ["reason", "Reason"],
];

let filters = {};
let nextCursor = null;
const shownIds = new Set();
let tailTimer = null;
let newest = null; // epoch millis of the newest event shown
let generation = 0; // a new search makes the answers of older requests stale

function readFilters() {
  const form = $("#events-filters");
  return {
    type: form.type.value,
    email: form.email.value.trim(),
    user_id: form.user_id.value.trim(),
    since: utcInstant(form.since.value),
    until: utcInstant(form.until.value),
    limit: form.limit.value,
  };
}

/** A table row for an event, with a button that opens its detail. */
export function eventRow(event, withDetail = true) {
  const cells = [time(event.occurred_at), el("td", { class: "nowrap" }, event.type), event.outcome];
  if (withDetail) {
    cells.push(event.email || "", event.ip || "", event.reason || "");
    const open = el("button", { type: "button", class: "link", "aria-label": "Details of event " + event.id }, "Details");
    open.addEventListener("click", () => showDetail(event));
    cells.push(el("td", { class: "nowrap" }, open));
  } else {
    cells.push(event.ip || "", event.reason || "");
  }
  const tr = row(...cells);
  tr.dataset.eventId = event.id;
  if (event.outcome === "FAILURE") {
    tr.classList.add("failure");
  }
  return tr;
}

function showDetail(event) {
  const detail = $("#event-detail");
  const list = $("dl", detail);
  list.replaceChildren(
    ...DETAIL_FIELDS.filter(([key]) => event[key] !== undefined && event[key] !== null).flatMap(([key, label]) => [
      el("dt", {}, label),
      el("dd", {}, key === "occurred_at" ? time(event[key]) : event[key]),
    ])
  );
  detail.hidden = false;
  detail.focus();
}

async function search() {
  generation++;
  filters = readFilters();
  nextCursor = null;
  newest = null;
  shownIds.clear();
  $("#events-table tbody").replaceChildren();
  $("#event-detail").hidden = true;
  await more();
}

async function more() {
  const asked = generation;
  const page = await attempt(() => get("/api/admin/auth-events" + query({ ...filters, cursor: nextCursor })));
  if (!page || asked !== generation) {
    return;
  }
  const body = $("#events-table tbody");
  page.items.filter((e) => !shownIds.has(e.id)).forEach((e) => {
    remember(e);
    body.append(eventRow(e));
  });
  nextCursor = page.next_cursor || null;
  $("#events-more").hidden = !nextCursor;
  if (!body.children.length) {
    say("No event matches these filters.", "done");
  }
}

/** Newer events than the newest shown (same filters), put on top; since is inclusive, so ids are deduplicated. */
async function tail() {
  const asked = generation;
  const since = newest === null ? filters.since : new Date(newest).toISOString();
  const page = await attempt(() => get("/api/admin/auth-events" + query({ ...filters, since, until: "", limit: 200 })));
  if (!page || asked !== generation) {
    return;
  }
  const body = $("#events-table tbody");
  page.items
    .filter((e) => !shownIds.has(e.id))
    .reverse()
    .forEach((e) => {
      remember(e);
      body.prepend(eventRow(e));
    });
}

function remember(event) {
  shownIds.add(event.id);
  const at = Date.parse(event.occurred_at);
  if (newest === null || at > newest) {
    newest = at;
  }
}

function setTail(on) {
  clearInterval(tailTimer);
  tailTimer = on ? setInterval(tail, TAIL_MILLIS) : null;
}

export function setUpEvents() {
  const type = $("#ev-type");
  EVENT_TYPES.forEach((t) => type.append(el("option", { value: t }, t)));
  $("#events-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  $("#events-more").addEventListener("click", more);
  $("#ev-tail").addEventListener("change", (event) => setTail(event.target.checked));
  $("#event-detail-close").addEventListener("click", () => {
    $("#event-detail").hidden = true;
  });
}

export function showEvents() {
  if (!$("#events-table tbody").children.length) {
    search();
  }
  setTail($("#ev-tail").checked);
}

export function hideEvents() {
  clearInterval(tailTimer);
  tailTimer = null;
}

export function resetEvents() {
  hideEvents();
  newest = null;
  $("#ev-tail").checked = false;
  $("#events-table tbody").replaceChildren();
  shownIds.clear();
}
