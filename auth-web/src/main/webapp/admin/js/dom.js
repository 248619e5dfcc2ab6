// Small DOM helpers. Text always goes in through textContent, never as HTML, so nothing the service returns
// (an email, a user agent) can inject markup.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

/** el("td", {class: "x"}, "text", child...) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === true) {
      node.setAttribute(name, "");
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  children.forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/** A table row of text cells and nodes. */
export function row(...cells) {
  return el("tr", {}, ...cells.map((c) => (c instanceof Node && c.tagName === "TD" ? c : el("td", {}, c ?? ""))));
}

/** An ISO-8601 instant as "2026-11-30 15:04:05" (UTC), or a dash. */
export function time(iso) {
  if (!iso) {
    return "\u2013";
  }
  return iso.replace("T", " ").replace(/\.\d+Z$/, "").replace(/Z$/, "");
}

/** A datetime-local value read as UTC, as an ISO-8601 instant (or "" when empty). */
export function utcInstant(localValue) {
  if (!localValue) {
    return "";
  }
  const withSeconds = localValue.length === 16 ? localValue + ":00" : localValue;
  return withSeconds + "Z";
}

let statusTimer = null;

/** Shows a message in the status line (role=status, read by screen readers); kind "error" or "done". */
export function say(text, kind = "") {
  const status = $("#status");
  status.textContent = text;
  status.className = kind;
  clearTimeout(statusTimer);
  if (kind === "done") {
    statusTimer = setTimeout(() => {
      if (status.textContent === text) {
        status.textContent = "";
        status.className = "";
      }
    }, 8000);
  }
}

/** Runs an async action and shows its error in words; answers its result or undefined. */
export async function attempt(action) {
  try {
    return await action();
  } catch (e) {
    say(e.message || String(e), "error");
    return undefined;
  }
}
