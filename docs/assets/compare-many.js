/* Compare several models side by side, in the browser, from api/compare.json (a compact extract of api/models.json).
 *
 * The rows of a pair page's side-by-side table, one column per chosen model,
 * with the best value in each row marked (bold, ▲, and "(best)" for screen
 * readers). The choice lives in the address: ?m=id1,id2,id3 (&retired=1),
 * columns in the order they were picked. Number formats come from compare.js
 * (window.llmFormat). Data text is only ever set with textContent.
 */
(function () {
  "use strict";
  /* The rows of a pair page's side-by-side table, for any number of models: the data's own rows
     (hooks/catalog/rows.py, shipped in api/compare.json), drawn by compare.js's rowSet, then the
     independent evaluators' headline boards. */
  function specRows(f, models, doc) {
    var rows = f.rowSet(models, doc).map(function (r) {
      return { key: r.key, label: r.label, cells: r.cells.map(function (c) { return { text: c.text, title: null, best: c.best }; }) };
    });
    return rows.concat(independentRows(models));
  }

  /* Independent evaluators' headline boards, apart from the vendor's scores. An Arena
     rating is marked best only when its 95% interval clears every other one; models
     whose intervals overlap the top one read "within the margin". */
  var HEADLINE = [["arena", "text_style_control", "overall"], ["arena", "text", "overall"], ["arena", "text_style_control", "coding"],
                  ["arena", "webdev", "overall"], ["artificial_analysis", "intelligence_index", null],
                  ["artificial_analysis", "coding_index", null], ["artificial_analysis", "output_speed", null],
                  ["artificial_analysis", "ttft", null]];

  function independentRows(models) {
    return HEADLINE.map(function (key) {
      var figures = models.map(function (m) {
        return (m.independent || []).filter(function (x) {
          return x.evaluator === key[0] && x.board === key[1] && x.category === key[2];
        })[0] || null;
      });
      var present = figures.filter(function (x) { return x; });
      if (!present.length) return null;
      var sample = present[0], higher = sample.higher_is_better;
      var good = function (x) { return higher ? x.value : -x.value; };
      var top = present.reduce(function (a, b) { return good(b) > good(a) ? b : a; });
      var interval = function (x) { return x.lower !== null && x.upper !== null; };
      var overlaps = function (a, b) { return interval(a) && interval(b) && a.lower <= b.upper && b.lower <= a.upper; };
      var sameDate = present.every(function (x) { return x.date === sample.date; });
      var clear = present.length > 1 && sameDate && present.every(function (x) {
        return x === top || (!overlaps(x, top) && good(x) !== good(top));
      });
      return {
        label: sample.evaluator_name + " " + sample.board_name + (sample.category ? ", " + sample.category.replace(/_/g, " ") : "") +
               (sameDate ? " (" + sample.date + ")" : ""),
        cells: figures.map(function (x) {
          if (!x) return { text: "—", title: null, best: false };
          var tied = x !== top && sameDate && overlaps(x, top);
          return { text: x.text + (x.votes ? " (" + x.votes.toLocaleString("en-US") + " votes)" : "") + " · " + x.setting +
                         (sameDate ? "" : " · " + x.date) + (tied ? " · within the margin" : ""),
                   title: x.setting + " · " + x.date + " · " + x.row, best: clear && x === top };
        })
      };
    }).filter(function (r) { return r; });
  }

  function table(f, models, doc, root) {
    var el = f.el;
    var wrap = el("div", null, { "class": "catalog-table-wrap", tabindex: "0", role: "region",
                                 "aria-label": "Side-by-side table of " + models.length + " models" });
    var t = el("table", null, { "class": "catalog-table many-table", "data-table": "compare-many" });
    t.appendChild(el("caption", models.map(function (m) { return m.name; }).join(", ") + " side by side. Prices in USD per 1M tokens.",
                     { "class": "sr-only" }));
    var head = el("thead"), tr = el("tr");
    tr.appendChild(el("th", "Model", { scope: "col" }));
    models.forEach(function (m) {
      var th = el("th", null, { scope: "col", "data-model": m.id });
      th.appendChild(el("a", m.name, { href: root + m.page }));
      th.appendChild(el("button", "×", { type: "button", "class": "many-remove", "data-remove": m.id,
                                         "aria-label": "Remove " + m.name + " from the comparison", title: "Remove" }));
      tr.appendChild(th);
    });
    head.appendChild(tr); t.appendChild(head);
    var body = el("tbody");
    specRows(f, models, doc).forEach(function (r) {
      var row = el("tr", null, r.key ? { "data-row": r.key } : {});
      row.appendChild(el("th", r.label, { scope: "row" }));
      r.cells.forEach(function (c) {
        var td = el("td", c.text, c.title ? { title: c.title } : {});
        if (c.best) {
          td.className = "best";
          td.appendChild(el("span", " ▲", { "class": "better-mark", "aria-hidden": "true" }));
          td.appendChild(el("span", " (best)", { "class": "sr-only" }));
        }
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    t.appendChild(body); wrap.appendChild(t);
    return wrap;
  }

  function setup(form, doc) {
    var f = window.llmFormat, el = f.el;
    var root = form.getAttribute("data-site-root");
    var target = document.getElementById("many-result"), status = document.getElementById("many-status");
    var count = form.querySelector(".many-count");
    var retired = form.elements.retired, add = form.elements.add;
    var boxes = {}, byId = {};
    doc.models.forEach(function (m) { byId[m.id] = m; });
    Array.prototype.forEach.call(form.querySelectorAll("input[name=m]"), function (b) { boxes[b.value] = b; });

    var params = new URLSearchParams(window.location.search), asked = [];
    params.getAll("m").forEach(function (v) {
      v.split(",").forEach(function (id) { id = id.trim(); if (id && asked.indexOf(id) < 0) asked.push(id); });
    });
    var unknown = asked.filter(function (id) { return !(byId[id] && boxes[id]); });
    var chosen = params.has("m") ? asked.filter(function (id) { return byId[id] && boxes[id]; })
      : (form.getAttribute("data-default") || "").split(",").filter(function (id) { return byId[id] && boxes[id]; });
    retired.checked = params.get("retired") === "1";

    function showPicks() {
      Object.keys(boxes).forEach(function (id) {
        var box = boxes[id], label = box.closest("label");
        box.checked = chosen.indexOf(id) >= 0;
        label.hidden = label.getAttribute("data-retired") === "true" && !retired.checked && !box.checked;
      });
      Array.prototype.forEach.call(form.querySelectorAll("fieldset"), function (set) {
        set.hidden = !set.querySelector("label:not([hidden])");
      });
      Array.prototype.forEach.call(add.options, function (o) {
        if (!o.value) return;
        o.hidden = o.getAttribute("data-retired") === "true" && !retired.checked;
        o.disabled = chosen.indexOf(o.value) >= 0 || !byId[o.value];
      });
      add.value = "";
      count.textContent = "(" + chosen.length + " chosen)";
    }
    function writeUrl() {
      var query = "?m=" + chosen.map(encodeURIComponent).join(",") + (retired.checked ? "&retired=1" : "");
      window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
    }
    function update(push) {
      showPicks();
      if (push) writeUrl();
      var models = chosen.map(function (id) { return byId[id]; });
      target.textContent = "";
      var names = models.map(function (m) { return m.name; });
      var missing = unknown.length ? " Not in the data, left out: " + unknown.join(", ") + "." : "";
      if (models.length < 2) {
        status.textContent = (models.length ? "Only " + names[0] + " is chosen: pick at least one more model." : "Pick two or more models to compare.") + missing;
        return;
      }
      status.textContent = "Comparing " + names.slice(0, -1).join(", ") + " and " + names[names.length - 1] + "." + missing;
      target.appendChild(el("p", "Prices in USD per 1M tokens. Bold with ▲: the best value in the row. " +
                            "A wide table scrolls sideways; the row labels stay in place.",
                            { "class": "many-key" }));
      target.appendChild(table(f, models, doc, root));
    }

    form.addEventListener("change", function (e) {
      var box = e.target;
      if (box.name === "m") {
        chosen = chosen.filter(function (id) { return id !== box.value; });
        if (box.checked) chosen.push(box.value);
      }
      if (box.name === "add" && box.value && byId[box.value] && chosen.indexOf(box.value) < 0) chosen.push(box.value);
      update(true);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.querySelector("button.many-clear").addEventListener("click", function () { chosen = []; update(true); });
    target.addEventListener("click", function (e) {
      var button = e.target.closest("button[data-remove]");
      if (!button) return;
      chosen = chosen.filter(function (id) { return id !== button.getAttribute("data-remove"); });
      update(true);
      var next = target.querySelector("button[data-remove]");
      (next || add).focus();
    });
    update(params.has("m"));
  }

  function init() {
    var form = document.getElementById("many-form");
    if (!form || form.getAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    // Before the data arrives: say so, and tick what the address (or the default) chose, so the menus are right at once.
    var status = document.getElementById("many-status");
    status.textContent = "Loading the model data…";
    var params = new URLSearchParams(window.location.search);
    var first = params.has("m") ? params.getAll("m").join(",") : (form.getAttribute("data-default") || "");
    first.split(",").forEach(function (id) {
      var box = form.querySelector("input[name=m][value='" + (window.CSS && CSS.escape ? CSS.escape(id.trim()) : id.trim()) + "']");
      if (box) box.checked = true;
    });
    fetch(form.getAttribute("data-models"))
      .then(function (r) { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.json(); })
      .then(function (doc) { setup(form, doc); })
      .catch(function (err) {
        document.getElementById("many-status").textContent = "Could not load the model data: " + err.message;
      });
  }

  // The rows it draws, for tests/test_parity.py.
  window.LLMCompareMany = { specRows: function (models, doc) { return specRows(window.llmFormat, models, doc); } };

  // Loaded from inside the page content (after compare.js, which provides the
  // formats), so instant navigation runs this file on each arrival: subscribe once.
  if (window.llmCompareMany) return;
  window.llmCompareMany = true;
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(init); else init();
  });
})();
