/* Load the search index only when search is used (issue #17).
 *
 * Material's bundle fetches search/search_index.json (megabytes) on every first visit, before
 * anyone searches. This file runs in <head>, before the bundle, and holds that one request back
 * until the reader opens search (focuses the search box, by click, tap or the / s f shortcuts).
 * Material shows "Initializing search" meanwhile and runs the query once the index arrives.
 * Every other request passes through untouched.
 */
(function () {
  "use strict";
  if (window.llmLazySearch) return;
  var wanted = false, waiting = [];
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.llmSearchIndex = /\/search\/search_index\.json(\?|#|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.llmSearchIndex && !wanted) {
      var xhr = this, args = arguments;
      waiting.push(function () { send.apply(xhr, args); });
      return undefined;
    }
    return send.apply(this, arguments);
  };
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.matches && e.target.matches("[data-md-component=search-query], .md-search__input")) want();
  }, true);
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) want();
  }, true);
  window.llmLazySearch = { load: want, loaded: function () { return wanted; } };
})();
