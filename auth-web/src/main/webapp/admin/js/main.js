// The operator console: login (password, then the second factor when asked), and a page per hash route:
// #/overview, #/events, #/users, #/users/{id}.
import { completeMfa, currentUser, logIn, logOut, onSessionChange } from "./api.js";
import { $, $$, say } from "./dom.js";
import { hideEvents, resetEvents, setUpEvents, showEvents } from "./events.js";
import { hideOverview, resetOverview, setUpOverview, showOverview } from "./overview.js";
import { resetUsers, setUpUsers, showUser, showUsers } from "./users.js";

let mfaToken = null;

function showPage(id) {
  $$(".page").forEach((page) => {
    page.hidden = page.id !== id + "-page";
  });
  $$("#nav a").forEach((link) => {
    if (link.dataset.page === id || (id === "user" && link.dataset.page === "users")) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
  });
}

function route() {
  if (!currentUser()) {
    showLogin();
    return;
  }
  const hash = window.location.hash || "#/overview";
  hideOverview();
  hideEvents();
  const user = hash.match(/^#\/users\/(.+)$/);
  if (user) {
    showPage("user");
    showUser(decodeURIComponent(user[1]));
  } else if (hash === "#/users") {
    showPage("users");
    showUsers();
  } else if (hash === "#/events") {
    showPage("events");
    showEvents();
  } else {
    showPage("overview");
    showOverview();
  }
  const heading = $(".page:not([hidden]) h1");
  if (heading) {
    document.title = heading.textContent + " - Sentinel console";
  }
}

function showLogin() {
  showPage("login");
  $("#login-form").hidden = mfaToken !== null;
  $("#mfa-form").hidden = mfaToken === null;
  document.title = "Log in - Sentinel console";
  (mfaToken === null ? $("#login-email") : $("#mfa-code")).focus();
}

function busy(form, on) {
  $$("button", form).forEach((b) => {
    b.disabled = on;
  });
}

async function submitLogin(event) {
  event.preventDefault();
  const form = event.target;
  if (!form.email.value.trim() || !form.password.value) {
    say("Enter the email and the password.", "error");
    return;
  }
  busy(form, true);
  say("Logging in\u2026");
  try {
    const step = await logIn(form.email.value.trim(), form.password.value);
    form.password.value = "";
    if (step) {
      mfaToken = step.mfaToken;
      say("Enter your second-factor code.");
      showLogin();
    }
  } catch (e) {
    say(e.message, "error");
  } finally {
    busy(form, false);
  }
}

async function submitMfa(event) {
  event.preventDefault();
  const form = event.target;
  busy(form, true);
  try {
    await completeMfa(mfaToken, form.code.value.trim(), $("#mfa-recovery").checked);
    mfaToken = null;
    form.code.value = "";
  } catch (e) {
    // a dead mfa_token (five wrong codes, or expired) needs the password again
    say(e.message + (e.status === 401 ? " If it keeps failing, start again with the password." : ""), "error");
  } finally {
    busy(form, false);
  }
}

onSessionChange((session) => {
  const on = session !== null;
  $("#nav").hidden = !on;
  $("#logout").hidden = !on;
  $("#who").hidden = !on;
  $("#who").textContent = on ? session.user.email : "";
  if (on) {
    say("");
  } else {
    resetOverview();
    resetEvents();
    resetUsers();
    say("You are logged out.", "done");
  }
  route();
});

document.addEventListener("DOMContentLoaded", () => {
  setUpOverview();
  setUpEvents();
  setUpUsers();
  $("#login-form").addEventListener("submit", submitLogin);
  $("#mfa-form").addEventListener("submit", submitMfa);
  $("#mfa-cancel").addEventListener("click", () => {
    mfaToken = null;
    say("");
    showLogin();
  });
  $("#logout").addEventListener("click", () => logOut());
  window.addEventListener("hashchange", route);
  route();
});
