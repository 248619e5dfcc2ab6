// Users: search by email, a user's detail with live sessions and recent events, and the administrator's actions,
// each behind a confirmation dialog.
import { del, get, post, put, query } from "./api.js";
import { confirmAction } from "./dialog.js";
import { $, $$, attempt, el, row, say, time } from "./dom.js";
import { eventRow } from "./events.js";

let searchParams = {};
let nextCursor = null;
let current = null; // the admin user view shown on the user page
let generation = 0; // a new search makes the answers of older requests stale

const ACTIONS = {
  disable: {
    ask: (u) => "Disable " + u.email + "? Their sessions end and they cannot log in until enabled again.",
    label: "Disable",
    run: (u) => post(path(u, "/disable")),
    done: (u) => u.email + " is disabled.",
  },
  enable: {
    ask: (u) => "Enable " + u.email + " again?",
    label: "Enable",
    run: (u) => post(path(u, "/enable")),
    done: (u) => u.email + " is enabled.",
  },
  unlock: {
    ask: (u) => "Clear the login lockout of " + u.email + "?",
    label: "Unlock",
    run: (u) => post(path(u, "/unlock")),
    done: (u) => u.email + " is unlocked.",
  },
  revoke: {
    ask: (u) => "End every session of " + u.email + "? They will have to log in again.",
    label: "Revoke sessions",
    run: (u) => post(path(u, "/sessions/revoke")),
    done: (u) => "Every session of " + u.email + " is revoked.",
  },
  "mfa-reset": {
    ask: (u) => "Remove the second factor of " + u.email + "? They log in with the password alone until they set one up again.",
    label: "Reset second factor",
    run: (u) => post(path(u, "/mfa/reset")),
    done: (u) => "The second factor of " + u.email + " is removed.",
  },
  delete: {
    ask: (u) => "Delete the account " + u.email + " for good? Its sessions and second factors go; its events stay without the email.",
    label: "Delete",
    run: (u) => del(path(u, "")),
    done: (u) => u.email + " is deleted.",
    after: () => {
      window.location.hash = "#/users";
    },
  },
};

function path(user, suffix) {
  return "/api/admin/users/" + encodeURIComponent(user.id) + suffix;
}

function status(user) {
  const parts = [];
  if (user.disabled) {
    parts.push("disabled");
  }
  if (user.locked_until && Date.parse(user.locked_until) > Date.now()) {
    parts.push("locked until " + time(user.locked_until));
  }
  if (user.mfa_enabled) {
    parts.push("second factor on");
  }
  return parts.length ? parts.join(", ") : "active";
}

async function search() {
  const form = $("#users-search");
  generation++;
  searchParams = { query: form.query.value.trim(), status: form.status.value };
  nextCursor = null;
  $("#users-table tbody").replaceChildren();
  await more();
}

async function more() {
  const asked = generation;
  const page = await attempt(() => get("/api/admin/users" + query({ ...searchParams, cursor: nextCursor })));
  if (!page || asked !== generation) {
    return;
  }
  const body = $("#users-table tbody");
  page.items.forEach((u) => {
    const open = el("a", { href: "#/users/" + encodeURIComponent(u.id), "aria-label": "Open " + u.email }, "Open");
    const tr = row(u.email, (u.roles || []).join(", "), status(u), time(u.last_login_at), el("td", { class: "nowrap" }, open));
    tr.dataset.email = u.email;
    body.append(tr);
  });
  nextCursor = page.next_cursor || null;
  $("#users-more").hidden = !nextCursor;
  if (!body.children.length) {
    say("No user matches.", "done");
  }
}

async function loadUser(id) {
  const user = await attempt(() => get("/api/admin/users/" + encodeURIComponent(id)));
  if (!user) {
    return;
  }
  current = user;
  $("#user-title").textContent = user.email;
  const fields = [
    ["Id", user.id],
    ["Display name", user.display_name || "\u2013"],
    ["Roles", (user.roles || []).join(", ")],
    ["Status", status(user)],
    ["Email verified", user.email_verified ? "yes" : "no"],
    ["Created (UTC)", time(user.created_at)],
    ["Last login (UTC)", time(user.last_login_at)],
  ];
  $("#user-fields").replaceChildren(...fields.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  $("[data-action=disable]").hidden = !!user.disabled;
  $("[data-action=enable]").hidden = !user.disabled;
  // hidden only when the service says there is no factor (a view without the flag keeps the action)
  $("[data-action=mfa-reset]").hidden = user.mfa_enabled === false;
  $$("#roles-form input[name=role]").forEach((box) => {
    box.checked = (user.roles || []).includes(box.value);
  });
  const sessions = Array.isArray(user.sessions) ? user.sessions : (user.sessions && user.sessions.items) || [];
  const sessionRows = sessions.map((s) => row(time(s.created_at), time(s.last_used_at), s.ip || "", s.user_agent || ""));
  $("#user-sessions tbody").replaceChildren(
    ...(sessionRows.length ? sessionRows : [row(el("td", { colspan: "4" }, "No live session."))])
  );
  const events = await attempt(() => get("/api/admin/auth-events" + query({ user_id: user.id, limit: 20 })));
  if (events) {
    $("#user-events tbody").replaceChildren(...events.items.map((e) => eventRow(e, false)));
  }
}

async function act(name) {
  const action = ACTIONS[name];
  const user = current;
  if (!user || !(await confirmAction(action.ask(user), action.label))) {
    return;
  }
  const done = await attempt(async () => {
    await action.run(user);
    return true;
  });
  if (!done) {
    return;
  }
  say(action.done(user), "done");
  if (action.after) {
    action.after();
  } else {
    await loadUser(user.id);
  }
}

async function saveRoles(event) {
  event.preventDefault();
  const user = current;
  const roles = $$("#roles-form input[name=role]:checked").map((box) => box.value);
  if (!user || !(await confirmAction("Give " + user.email + " the roles: " + (roles.join(", ") || "none") + "?", "Save roles"))) {
    return;
  }
  const updated = await attempt(() => put(path(user, "/roles"), { roles }));
  if (updated) {
    say("The roles of " + user.email + " are saved.", "done");
    await loadUser(user.id);
  }
}

export function setUpUsers() {
  $("#users-search").addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  $("#users-more").addEventListener("click", more);
  $$("#user-actions button").forEach((button) => button.addEventListener("click", () => act(button.dataset.action)));
  $("#roles-form").addEventListener("submit", saveRoles);
}

export function showUsers() {
  if (!$("#users-table tbody").children.length) {
    search();
  }
}

export function showUser(id) {
  $("#user-title").textContent = "User";
  $("#user-fields").replaceChildren();
  $("#user-sessions tbody").replaceChildren();
  $("#user-events tbody").replaceChildren();
  return loadUser(id);
}

export function resetUsers() {
  current = null;
  $("#users-table tbody").replaceChildren();
}
