/* Relative dates, computed in the reader's browser from today's date.
 *
 * The build writes <time datetime="YYYY-MM-DD" data-relative="shutdown" data-as-of="YYYY-MM-DD">
 * with a static text counted from the data's as_of date (the no-script fallback). Here that
 * text becomes "shuts down in 5 days", "shuts down today" or "shut down 3 days ago", counted
 * from today, and the element's title states both dates. Text only, via textContent.
 */
(function () {
  "use strict";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function day(iso) { var p = iso.split("-").map(Number); return Date.UTC(p[0], p[1] - 1, p[2]) / 86400000; }
  function today() { var d = new Date(); return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86400000; }
  function longDate(iso) { var p = iso.split("-").map(Number); return MONTHS[p[1] - 1] + " " + p[2] + ", " + p[0]; }
  function days(n) { return n + (n === 1 ? " day" : " days"); }

  /* What a shutdown `gap` days from now reads as: the only wording used, in the page and the tests. */
  function shutdownText(gap) {
    if (gap > 0) return "shuts down in " + days(gap);
    if (gap === 0) return "shuts down today";
    return "shut down " + days(-gap) + " ago";
  }

  /* The short form, beside a date that is already written out: "in 5 days", "today", "3 days ago". */
  function shortText(gap) {
    if (gap > 0) return "in " + days(gap);
    if (gap === 0) return "today";
    return days(-gap) + " ago";
  }

  function init() {
    var now = window.llmToday !== undefined ? window.llmToday : today();
    Array.prototype.forEach.call(document.querySelectorAll("time[data-relative=shutdown]"), function (t) {
      var when = t.getAttribute("datetime"), gap = day(when) - now;
      t.textContent = t.getAttribute("data-style") === "short" ? shortText(gap) : shutdownText(gap);
      t.setAttribute("data-days", String(gap));
      var asOf = t.getAttribute("data-as-of");
      t.title = "Shutdown " + longDate(when) + "; counted from today" + (asOf ? " (the data was checked on " + longDate(asOf) + ")" : "");
      var row = t.closest("tr");
      if (row) { row.classList.toggle("is-past", gap < 0); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-today]"), function (node) {
      var d = new Date(now * 86400000);
      node.textContent = "Counted from today, " + MONTHS[d.getUTCMonth()] + " " + d.getUTCDate() + ", " + d.getUTCFullYear() + ".";
    });
  }

  window.llmDates = { shutdownText: shutdownText, shortText: shortText, init: init };
  if (window.llmDatesReady) { init(); return; }
  window.llmDatesReady = true;
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(init); else init();
  });
})();
