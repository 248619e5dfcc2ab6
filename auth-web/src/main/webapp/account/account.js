// The pages mailed links open: read the token from the URL fragment (never sent to a server), drop it from
// the address bar and history, and post it with the form to the confirm endpoint named by the form.
(function () {
  "use strict";

  var token = new URLSearchParams(window.location.hash.replace(/^#/, "")).get("token");
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname);
  }

  function show(text, kind) {
    var status = document.getElementById("status");
    status.textContent = text;
    status.className = kind;
  }

  function describe(problem, status) {
    if (status === 400 && problem && problem.errors && problem.errors.length) {
      return problem.errors.map(function (e) { return e.message ? "The password " + e.message + "." : ""; }).join(" ");
    }
    if (status === 400) {
      return "This link is invalid, has expired or was already used. Ask for a new one.";
    }
    if (status === 429) {
      return "Too many attempts. Please wait a moment and try again.";
    }
    return "Something went wrong on our side. Please try again later.";
  }

  function submit(form, body, success) {
    var button = form.querySelector("button");
    button.disabled = true;
    show("Please wait\u2026", "");
    fetch(form.getAttribute("data-endpoint"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json, application/problem+json" },
      body: JSON.stringify(body),
      credentials: "omit",
      referrerPolicy: "no-referrer"
    }).then(function (response) {
      if (response.ok) {
        form.hidden = true;
        show(success, "done");
        return;
      }
      return response.json().catch(function () { return null; }).then(function (problem) {
        button.disabled = false;
        show(describe(problem, response.status), "error");
      });
    }).catch(function () {
      button.disabled = false;
      show("The service cannot be reached. Check your connection and try again.", "error");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-endpoint]");
    if (!form) {
      return;
    }
    if (!token) {
      form.hidden = true;
      show("This page needs the link from your mail. Open the link again, or ask for a new one.", "error");
      return;
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.id === "verify-email") {
        submit(form, { token: token }, "Your email address is confirmed. You can close this page.");
        return;
      }
      var password = document.getElementById("new-password").value;
      var repeat = document.getElementById("repeat-password").value;
      if (password.length < 8 || password.length > 128) {
        show("The password must be between 8 and 128 characters.", "error");
        return;
      }
      if (password !== repeat) {
        show("The two passwords are not the same.", "error");
        return;
      }
      submit(form, { token: token, new_password: password },
        "Your password is changed, and every session has ended. You can now log in with the new password.");
    });
  });
})();
