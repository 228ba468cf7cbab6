/* Monthly cost of a workload for every served model; prices come from the
 * page's data-* attributes, written at build time from data/models.yaml. */
(function () {
  "use strict";
  var FIELDS = ["requests", "input", "output", "cache", "batch"];

  function money(v) { return "$" + v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  function num(row, name) { var v = row.getAttribute("data-" + name); return v === "" || v === null ? null : parseFloat(v); }

  /* Long-context tiers bill the whole request at the highest tier whose
   * threshold the prompt exceeds: [above, input, output, cached, batchIn, batchOut]. */
  function tierFor(row, promptTokens) {
    var tiers = JSON.parse(row.getAttribute("data-tiers") || "[]"), chosen = null;
    tiers.forEach(function (t) { if (promptTokens > t[0]) chosen = t; });
    return chosen;
  }

  function cost(row, w) {
    var pin = num(row, "input"), pout = num(row, "output"), cached = num(row, "cached"), note = "";
    var tier = tierFor(row, w.input);
    if (tier) {
      pin = tier[1]; pout = tier[2]; cached = tier[3];
      note = "long-context price above " + tier[0].toLocaleString("en-US") + " input tokens";
    }
    if (w.batch) {
      var bin = tier ? tier[4] : num(row, "batch-input"), bout = tier ? tier[5] : num(row, "batch-output");
      if (bin !== null && bout !== null) { pin = bin; pout = bout; } else note = (note ? note + "; " : "") + "no batch price published";
    }
    var pcached = cached === null ? pin : cached;
    var perRequest = w.input * (w.cache * pcached + (1 - w.cache) * pin) + w.output * pout;
    return { value: w.requests * perRequest / 1e6, note: note };
  }

  function fits(row, w) {
    var context = num(row, "context"), maxOut = num(row, "max-output");
    return w.input + w.output <= context && (maxOut === null || w.output <= maxOut);
  }

  function setup(form) {
    if (form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    if (form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var table = document.querySelector("table[data-table=calculator]");
    var summary = document.querySelector(".calculator-summary");
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      if (!params.has(name)) return;
      var field = form.elements[name];
      if (field.type === "checkbox") field.checked = params.get(name) === "1"; else field.value = params.get(name);
    });

    function read() {
      function n(name) { var v = parseFloat(form.elements[name].value); return isNaN(v) || v < 0 ? 0 : v; }
      return { requests: n("requests"), input: n("input"), output: n("output"),
               cache: Math.min(n("cache"), 100) / 100, batch: form.elements.batch.checked };
    }

    function update(writeUrl) {
      var w = read(), body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows), best = null;
      rows.forEach(function (row) {
        var c = cost(row, w), ok = fits(row, w);
        row._cost = c.value; row._fits = ok;
        var cell = row.querySelector(".cost");
        cell.textContent = money(c.value) + (c.note ? " (" + c.note + ")" : "");
        cell.setAttribute("data-cost", c.value.toFixed(6));
        row.querySelector(".fits").textContent = ok ? "yes" : "no: request too large";
        row.classList.remove("cheapest");
      });
      rows.sort(function (a, b) { return a._cost - b._cost || (a.getAttribute("data-model") < b.getAttribute("data-model") ? -1 : 1); });
      // Only a model that is served and not retiring soon may be suggested.
      rows.forEach(function (row) { body.appendChild(row); if (!best && row._fits && row.getAttribute("data-current") === "true") best = row; });
      if (best) {
        best.classList.add("cheapest");
        best.querySelector(".fits").textContent = "yes — cheapest that fits";
        summary.textContent = "Cheapest model that fits: " + best.querySelector("th a").textContent + " at " + money(best._cost) + " a month.";
      } else summary.textContent = "No model in the data fits requests of this size.";
      if (writeUrl) {
        var p = new URLSearchParams();
        p.set("requests", w.requests); p.set("input", w.input); p.set("output", w.output);
        p.set("cache", Math.round(w.cache * 100)); if (w.batch) p.set("batch", "1");
        window.history.replaceState(window.history.state, "", window.location.pathname + "?" + p.toString());
      }
    }
    form.addEventListener("input", function () { update(true); });
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
    update(false);
  }

  function init() { var form = document.getElementById("calculator-form"); if (form) setup(form); }
  // Loaded by the pages that use it, from inside their content, so Material's
  // instant navigation runs this file again on each arrival: subscribe once,
  // and let init run any number of times (setup skips elements already set up).
  if (window.llmCompareCalculator) return;
  window.llmCompareCalculator = true;
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(init); else init();
  });
})();
