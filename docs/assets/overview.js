/* Sort and filter the model overview table; the state lives in the URL.
 *
 * Own code rather than tablesort: sorting rows by a data-sort value is a few
 * lines, and doing it here gives real <button>s (keyboard and screen-reader
 * friendly), aria-sort, missing values always last, and URL state.
 * Runs on every page view, including Material's instant navigation.
 */
(function () {
  "use strict";
  var FILTERS = ["vendor", "in", "out", "status", "reasoning", "tools", "open", "ctx", "maxprice", "q", "retired"];

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

  function matches(row, f) {
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
    if (f.maxprice !== "" && f.maxprice !== undefined) {
      var price = row.getAttribute("data-input-price");
      if (price === "" || parseFloat(price) > parseFloat(f.maxprice)) return false;
    }
    if (f.q && row.getAttribute("data-search").indexOf(f.q.trim().toLowerCase()) < 0) return false;
    return true;
  }

  function setup(root) {
    if (root.hasAttribute("data-ready")) return;
    root.setAttribute("data-ready", "");
    if (root.getAttribute("data-ready")) return;
    root.setAttribute("data-ready", "true");
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
      var params = new URLSearchParams(window.location.search);
      FILTERS.forEach(function (name) { if (f[name]) params.set(name, f[name]); else params["delete"](name); });
      if (state.sort !== null) { params.set("sort", state.sort); params.set("dir", state.dir); }
      else { params["delete"]("sort"); params["delete"]("dir"); }
      var query = params.toString();
      window.history.replaceState(window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
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
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
    apply(false);
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
