// Overview: logins by outcome and the threat signals (lockouts, rate-limited calls, refresh-token reuse) of the
// last hour, day or week, from GET /api/admin/auth-events/stats (counted by the database), with the period's
// totals as figures. Refreshes itself while shown: every 15 s (hour), minute (day) or 5 minutes (week).
import { get, query } from "./api.js";
import { $, el, say } from "./dom.js";

// A longer period is refreshed less often: its query reads more events (a week of a busy service: a million).
const RANGES = {
  hour: { bucket: "PT1M", millis: 3600e3, refresh: 15e3, label: (iso) => iso.slice(11, 16) },
  day: { bucket: "PT1H", millis: 86400e3, refresh: 60e3, label: (iso) => iso.slice(11, 16) },
  week: { bucket: "PT1H", millis: 7 * 86400e3, refresh: 300e3, label: (iso) => iso.slice(5, 10) + " " + iso.slice(11, 16) },
};

/** What the figures and the charts show: a name, and which counts (TYPE/OUTCOME, or TYPE for every outcome). */
const SERIES = [
  { id: "login-success", label: "Successful logins", keys: ["LOGIN/SUCCESS"], chart: "logins", color: "#2e7d32" },
  { id: "login-failure", label: "Failed logins", keys: ["LOGIN/FAILURE"], chart: "logins", color: "#c62828" },
  { id: "account-locked", label: "Lockouts", keys: ["ACCOUNT_LOCKED"], chart: "threats", color: "#6a1b9a" },
  { id: "rate-limited", label: "Rate-limited calls", keys: ["RATE_LIMITED"], chart: "threats", color: "#ef6c00" },
  { id: "token-reuse", label: "Refresh-token reuse", keys: ["REFRESH_TOKEN_REUSE"], chart: "threats", color: "#1565c0" },
];

let charts = {};
let timer = null;
let shown = false;

function count(counts, keys) {
  return Object.entries(counts).reduce(
    (sum, [key, n]) => (keys.some((k) => key === k || key.startsWith(k + "/")) ? sum + n : sum),
    0
  );
}

function selectedRange() {
  const checked = document.querySelector("#overview-controls input[name=range]:checked");
  return checked ? checked.value : "hour";
}

async function load() {
  const range = RANGES[selectedRange()];
  const until = new Date();
  const since = new Date(until.getTime() - range.millis);
  let stats;
  try {
    stats = await get(
      "/api/admin/auth-events/stats" +
        query({ bucket: range.bucket, since: since.toISOString(), until: until.toISOString() })
    );
  } catch (e) {
    say(e.message, "error");
    return;
  }
  const labels = stats.items.map((item) => range.label(item.start));
  const figures = $("#figures");
  figures.replaceChildren(
    ...SERIES.map((s) => {
      const total = stats.items.reduce((sum, item) => sum + count(item.counts, s.keys), 0);
      return el(
        "li",
        { "data-figure": s.id },
        el("span", { class: "value" }, String(total)),
        el("span", { class: "label" }, s.label)
      );
    })
  );
  draw("logins", labels, stats, true);
  draw("threats", labels, stats, false);
  $("#overview-updated").textContent =
    "Counts per " + { PT1M: "minute", PT1H: "hour", P1D: "day" }[stats.bucket] + ", updated " +
    until.toISOString().slice(11, 19) + " UTC.";
}

function draw(name, labels, stats, stacked) {
  const datasets = SERIES.filter((s) => s.chart === name).map((s) => ({
    label: s.label,
    data: stats.items.map((item) => count(item.counts, s.keys)),
    backgroundColor: s.color,
    borderColor: s.color,
    borderWidth: stacked ? 0 : 2,
    pointRadius: 0,
    tension: 0.2,
  }));
  const chart = charts[name];
  if (chart) {
    chart.data.labels = labels;
    chart.data.datasets = datasets;
    chart.update();
    return;
  }
  if (!window.Chart) {
    say("The chart library did not load; the figures above are still current.", "error");
    return;
  }
  charts[name] = new window.Chart($("#" + name + "-chart"), {
    type: stacked ? "bar" : "line",
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked, ticks: { maxTicksLimit: 12, autoSkip: true } },
        y: { stacked, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { legend: { position: "bottom" } },
    },
  });
}

function schedule() {
  clearInterval(timer);
  timer = null;
  if (shown && $("#auto-refresh").checked) {
    timer = setInterval(load, RANGES[selectedRange()].refresh);
  }
}

export function setUpOverview() {
  $("#overview-controls").addEventListener("change", (event) => {
    if (event.target.name === "range") {
      load();
    }
    schedule();
  });
  $("#overview-controls").addEventListener("submit", (event) => event.preventDefault());
  $("#overview-refresh").addEventListener("click", load);
}

export function showOverview() {
  shown = true;
  schedule();
  return load();
}

export function hideOverview() {
  shown = false;
  schedule();
}

/** After a logout the charts go (they hold the last session's data). */
export function resetOverview() {
  hideOverview();
  Object.values(charts).forEach((c) => c.destroy());
  charts = {};
  $("#figures").replaceChildren();
}
