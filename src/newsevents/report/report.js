// newsevents report: optional filtering by type / outlet / factuality, inlined by report/html.py.
// The page is complete without it: the filter bar starts hidden and this script reveals it.
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  if (!bar) { return; }
  bar.hidden = false;
  var selects = bar.querySelectorAll("select");
  function apply() {
    var want = {};
    selects.forEach(function (s) { want[s.name] = s.value; });
    document.querySelectorAll("[data-event]").forEach(function (el) {
      var ok = true;
      if (want.type && el.getAttribute("data-type") !== want.type) { ok = false; }
      if (want.factuality && el.getAttribute("data-factuality") !== want.factuality) { ok = false; }
      if (want.outlet) {
        var outlets = JSON.parse(el.getAttribute("data-outlets") || "[]");
        if (outlets.indexOf(want.outlet) < 0) { ok = false; }
      }
      el.hidden = !ok;
    });
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
})();
