/* Sort and filter the model overview table, and the chooser's short list; the state lives in the URL.
 *
 * Own code rather than tablesort: sorting rows by a data-sort value is a few
 * lines, and doing it here gives real <button>s (keyboard and screen-reader
 * friendly), aria-sort, missing values always last, and URL state.
 * Runs on every page view, including Material's instant navigation.
 */
(function () {
  "use strict";
  var FILTERS = ["use", "vendor", "in", "out", "status", "reasoning", "tools", "open", "ctx", "maxprice", "maxout", "q", "retired"];
  // The overview's filters that a short list's "see them all" link can carry over.
  var OVERVIEW_FILTERS = ["in", "tools", "open", "ctx", "maxprice", "maxout"];

  function value(cell, type) {
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    if (raw === "") return null;
    if (type === "number") return parseFloat(raw);
    return raw.toLowerCase();
  }

  function sortRows(table, column, direction) {
    var headers = table.tHead.rows[0].cells;
    var type = headers[column].getAttribute("data-type");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row._order = i; });
    rows.sort(function (r1, r2) {
      var a = value(r1.cells[column], type), b = value(r2.cells[column], type);
      if (a === null && b === null) return r1._order - r2._order;
      if (a === null) return 1;             // missing values last, whatever the direction
      if (b === null) return -1;
      var c = a < b ? -1 : a > b ? 1 : 0;
      return (direction === "desc" ? -c : c) || r1._order - r2._order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(headers, function (th, i) {
      if (i === column) th.setAttribute("aria-sort", direction === "desc" ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  function over(row, attribute, limit) {
    if (limit === "" || limit === undefined) return false;
    var price = row.getAttribute(attribute);
    return price === "" || price === null || parseFloat(price) > parseFloat(limit);  // no price: not within a cap
  }

  // A short-list row's places per use case (computed at build time: [order, "2–4"]). Own keys only: a use case
  // id is data, and "constructor" must not find Object's.
  function places(row) {
    if (!row._places) row._places = JSON.parse(row.getAttribute("data-places") || "{}");
    return row._places;
  }
  function ranks(row, use) { return Object.prototype.hasOwnProperty.call(places(row), use); }

  function matches(row, f) {
    if (f.use && !ranks(row, f.use)) return false;
    if (f.vendor && row.getAttribute("data-vendor") !== f.vendor) return false;
    if (f.status && row.getAttribute("data-status") !== f.status) return false;
    // Retired models stay out of the way unless asked for (toggle, or the status filter).
    if (!f.retired && f.status !== "retired" && row.getAttribute("data-status") === "retired") return false;
    if (f.reasoning && row.getAttribute("data-reasoning") !== f.reasoning) return false;
    if (f.tools && row.getAttribute("data-tools") !== f.tools) return false;
    if (f.open && row.getAttribute("data-open") !== f.open) return false;
    if (f["in"] && row.getAttribute("data-input").split(" ").indexOf(f["in"]) < 0) return false;
    if (f.out && row.getAttribute("data-output").split(" ").indexOf(f.out) < 0) return false;
    if (f.ctx && parseInt(row.getAttribute("data-context"), 10) < parseInt(f.ctx, 10)) return false;
    if (over(row, "data-input-price", f.maxprice) || over(row, "data-output-price", f.maxout)) return false;
    if (f.q && row.getAttribute("data-search").indexOf(f.q.trim().toLowerCase()) < 0) return false;
    return true;
  }

  function setup(root) {
    if (root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "true");
    if (root.getAttribute("data-catalog") === "shortlist") return setupShortlist(root);
    var form = root.querySelector("form.catalog-filters");
    var table = root.querySelector("table");
    var count = root.querySelector(".catalog-count");
    var state = { sort: null, dir: "asc" };

    // Vendor pages carry only the "show retired" toggle; the overview has every filter.
    function field(name) { return form.elements[name] || null; }
    function read() {
      var f = {};
      FILTERS.forEach(function (name) {
        var el = field(name);
        f[name] = !el ? "" : el.type === "checkbox" ? (el.checked ? "1" : "") : el.value;
      });
      return f;
    }
    function writeUrl(f) {
      replaceQuery(f, function (params) {
        if (state.sort !== null) { params.set("sort", state.sort); params.set("dir", state.dir); }
        else { params["delete"]("sort"); params["delete"]("dir"); }
      });
    }
    function apply(updateUrl) {
      var f = read(), shown = 0, rows = table.tBodies[0].rows;
      for (var i = 0; i < rows.length; i++) {
        var ok = matches(rows[i], f);
        rows[i].hidden = !ok;
        if (ok) shown++;
      }
      var retired = table.querySelectorAll("tbody tr[data-status=retired]").length;
      count.textContent = "Showing " + shown + " of " + rows.length + " models" +
        (retired && !f.retired && f.status !== "retired" ? " (" + retired + " retired hidden)." : ".");
      if (updateUrl) writeUrl(f);
    }

    var params = new URLSearchParams(window.location.search);
    // Filters start open where there is room, or when the address asks for one.
    var more = root.querySelector("details[data-open-wide]");
    if (more && (window.matchMedia("(min-width: 60em)").matches || FILTERS.some(function (n) { return n !== "retired" && params.has(n); }))) more.open = true;
    FILTERS.forEach(function (name) {
      var el = field(name);
      if (!el || !params.has(name)) return;
      if (el.type === "checkbox") el.checked = params.get(name) === "1"; else el.value = params.get(name);
    });
    var headers = table.tHead.rows[0].cells;
    var sortParam = parseInt(params.get("sort"), 10);
    if (!isNaN(sortParam) && sortParam >= 0 && sortParam < headers.length) {
      state.sort = sortParam;
      state.dir = params.get("dir") === "desc" ? "desc" : "asc";
      sortRows(table, state.sort, state.dir);
    }
    Array.prototype.forEach.call(table.querySelectorAll("button.sort"), function (button) {
      button.addEventListener("click", function () {
        var column = parseInt(button.getAttribute("data-column"), 10);
        state.dir = state.sort === column && state.dir === "asc" ? "desc" : "asc";
        state.sort = column;
        sortRows(table, column, state.dir);
        apply(true);
      });
    });
    listen(form, apply);
    apply(false);
  }

  // The chooser: the rows that meet the needs, best first for the use case (its ranking's order), else
  // cheapest first (blended price); the first `data-limit` are shown. Without script the div stays hidden
  // and the page's static lists answer instead.
  function setupShortlist(root) {
    var form = root.querySelector("form"), body = root.querySelector("tbody"), count = root.querySelector(".catalog-count");
    var link = root.querySelector("[data-overview-link]"), limit = parseInt(root.getAttribute("data-limit"), 10) || 5;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row._order = i; });
    function read() {
      var f = {};
      FILTERS.forEach(function (name) { f[name] = form.elements[name] ? form.elements[name].value : ""; });
      return f;
    }
    function key(row, f) {
      if (f.use) return places(row)[f.use][0];
      var blended = row.getAttribute("data-blended");
      return blended === "" ? Infinity : parseFloat(blended);
    }
    function apply(updateUrl) {
      var f = read();
      var fit = rows.filter(function (row) { return matches(row, f); });
      fit.sort(function (a, b) { return (key(a, f) - key(b, f)) || a._order - b._order; });
      rows.forEach(function (row) { row.hidden = true; });
      fit.forEach(function (row, i) {
        body.appendChild(row);
        row.hidden = i >= limit;
        row.cells[0].textContent = f.use ? places(row)[f.use][1] : String(i + 1);
      });
      var useName = f.use ? form.elements.use.options[form.elements.use.selectedIndex].text : "";
      count.textContent = fit.length === 0 ? "No model meets all of these needs: drop one." :
        fit.length + (fit.length === 1 ? " model meets" : " models meet") + " these needs" +
        (fit.length > limit ? "; the first " + limit + " are shown" : "") +
        (f.use ? ", in " + useName + "'s order (a place like 2–4: the ranking cannot order them)." : ", cheapest first (blended price).");
      var params = new URLSearchParams();
      OVERVIEW_FILTERS.forEach(function (name) { if (f[name]) params.set(name, f[name]); });
      link.href = link.href.split("?")[0] + (params.toString() ? "?" + params.toString() : "");
      if (updateUrl) replaceQuery(f);
    }
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var el = form.elements[name];
      if (!el || !params.has(name)) return;
      el.value = params.get(name);
      // An address asking for a value the menu does not have (a use case since removed): back to "any".
      if (el.tagName === "SELECT" && el.value !== params.get(name)) el.value = "";
    });
    listen(form, apply);
    root.hidden = false;
    apply(false);
  }

  // The address keeps the filters (and whatever `more` adds), without a history entry per keystroke.
  function replaceQuery(f, more) {
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) { if (f[name]) params.set(name, f[name]); else params["delete"](name); });
    if (more) more(params);
    var query = params.toString();
    window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function listen(form, apply) {
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  }

  function init() { Array.prototype.forEach.call(document.querySelectorAll("[data-catalog]"), setup); }
  // Loaded by the pages that use it, from inside their content, so Material's
  // instant navigation runs this file again on each arrival: subscribe once,
  // and let init run any number of times (setup skips elements already set up).
  if (window.llmCompareOverview) return;
  window.llmCompareOverview = true;
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(init); else init();
  });
})();
