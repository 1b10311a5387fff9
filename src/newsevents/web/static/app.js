// newsevents workbench: small progressive enhancements. Every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // a click anywhere on an events-table row opens that event
  document.querySelectorAll("#events-table tbody tr[data-id]").forEach(function (row) {
    row.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) return;
      window.location.href = "/events/" + encodeURIComponent(row.dataset.id);
    });
  });
  // "/" focuses the sentence search
  document.addEventListener("keydown", function (ev) {
    const box = document.querySelector("input[name=q]");
    if (ev.key === "/" && box && document.activeElement.tagName !== "INPUT") {
      ev.preventDefault();
      box.focus();
    }
  });
  // the overview's data island: a one-line summary of the busiest bucket
  const island = document.getElementById("series-data");
  const target = document.getElementById("timeline");
  if (island && target) {
    const data = JSON.parse(island.textContent);
    let best = -1;
    data.totals.forEach(function (n, i) { if (best < 0 || n > data.totals[best]) best = i; });
    if (best >= 0) {
      const p = document.createElement("p");
      p.className = "hint";
      p.id = "busiest";
      p.textContent = "Busiest " + data.interval + ": " + data.buckets[best] + " (" +
        data.totals[best] + " events).";
      target.after(p);
    }
  }
});
