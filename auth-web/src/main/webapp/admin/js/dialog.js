// A confirmation dialog (the native <dialog>, modal: focus stays inside, Escape cancels).
import { $ } from "./dom.js";

/** Resolves true when the administrator confirms. */
export function confirmAction(question, confirmLabel) {
  const dialog = $("#confirm");
  $("#confirm-text").textContent = question;
  $("#confirm-ok").textContent = confirmLabel;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true });
    dialog.returnValue = "cancel";
    dialog.showModal();
  });
}
