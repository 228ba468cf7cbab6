/* Compare any two models, in the browser, from api/compare.json (a compact extract of api/models.json).
 *
 * The side-by-side rows are data: hooks/catalog/rows.py defines them once and api/compare.json
 * ships the definitions and each model's cells; this file only draws them and marks the best
 * (rowSet). The key-difference sentences are a port of hooks/catalog/differences.py (the Python
 * is the reference; tests/test_parity.py checks both say the same for every pair page).
 * Data text is only ever set with textContent, never as HTML.
 */
(function () {
  "use strict";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var MIX = [3, 1];

  /* `v` to `places` decimals, a half rounded away from zero on the decimal as written (text.fixed):
     5.25 -> "5.3", 92.5 -> "93", where toFixed would go by the binary value. */
  function fixed(v, places) {
    var s = String(Math.abs(v));
    if (s.indexOf("e") >= 0) return v.toFixed(places);
    var r = Math.round(Number(s + "e" + places));
    return (v < 0 && r !== 0 ? "-" : "") + (r / Math.pow(10, places)).toFixed(places);
  }
  function trimZeros(s) { return s.indexOf(".") < 0 ? s : s.replace(/0+$/, "").replace(/\.$/, ""); }
  function grouped(n, digits) {
    return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  /* A list price exactly as the file writes it (text.usd): cents always, then every digit the data has. */
  function usd(v) {
    if (v === null || v === undefined) return "—";
    v = v + 0;
    if (Math.round(v * 100) / 100 === v) return "$" + grouped(v, 2);
    var parts = String(v).split(".");
    return "$" + grouped(Number(parts[0]), 0) + "." + parts[1];
  }
  /* Computed amounts: to the cent, or three significant figures under $0.10 (text.money). */
  function money(v) {
    if (v === null || v === undefined) return "—";
    if (v === 0) return "$0.00";
    if (Math.abs(v) < 0.1) return "$" + (Math.abs(v) >= 1e-4 ? String(Number(v.toPrecision(3))) : v.toExponential(2));
    return "$" + grouped(Number(fixed(v, 2)), 2);
  }
  function tokensLong(n) { return grouped(n, 0); }
  /* The vendors' convention (text.tokens_short): binary sizes in K = 1,024. */
  function tokensShort(n) {
    if (n >= 1024 && n % 1024 === 0 && n % 1000 !== 0) {
      if (n % 1048576 === 0) return (n / 1048576) + "M";
      if (n >= 1048576) return trimZeros(fixed(n / 1048576, 2)) + "M";
      return trimZeros(fixed(n / 1024, 1)) + "K";
    }
    if (n >= 1e6) return trimZeros(fixed(n / 1e6, 2)) + "M";
    if (n >= 1e3) { var k = trimZeros(fixed(n / 1e3, 1)); return k === "1000" ? "1M" : k + "K"; }  /* 999,999: 1M, not 1000K */
    return String(n);
  }
  function longDate(iso) {
    var p = iso.split("-").map(Number);
    return MONTHS[p[1] - 1] + " " + p[2] + ", " + p[0];
  }
  function monthOrDate(iso) {
    if (iso.length === 7) { var p = iso.split("-").map(Number); return MONTHS[p[1] - 1] + " " + p[0]; }
    return longDate(iso);
  }
  function scoreText(bench, value) {
    var t = Math.round(value * 10) / 10 === value ? value.toFixed(1) : String(value);
    return bench.unit === "percent" ? t + "%" : t;
  }
  function blended(p) { return (p.input * MIX[0] + p.output * MIX[1]) / (MIX[0] + MIX[1]); }
  function words(items) {
    if (items.length <= 1) return items.join("");
    return items.slice(0, -1).join(", ") + " and " + items[items.length - 1];
  }
  function cheaperPhrase(low, high) {
    var saving = (1 - low / high) * 100;
    var percent = fixed(saving, saving >= 1 ? 0 : 1);
    return [percent + "% cheaper", fixed(high / low, 1) + "× cheaper"];
  }

  function pctChange(old, now) {
    if (old === now) return "unchanged";
    if (old === 0) return "from free to " + usd(now);
    var v = (now - old) / old * 100;
    var shown = fixed(v, 0);
    return (shown.charAt(0) === "-" ? "" : "+") + shown + "%";
  }
  function dayNumber(iso) { var p = iso.split("-").map(Number); return Date.UTC(p[0], p[1] - 1, p[2]) / 86400000; }
  function span(days) {
    if (days < 60) return days + " days";
    var months = Number(fixed(days / 30.44, 0));
    if (months < 24) return months + " months";
    return fixed(days / 365.25, 1) + " years";
  }
  function describeStatus(m) {
    var r = m.retirement;
    return r && r.shutdown ? m.status + " (shutdown " + longDate(r.shutdown) + ")" : m.status;
  }

  /* The one price sentence of a pair (differences._blended_sentence): blended price, plus where input or output points the other way. */
  function blendedSentence(a, b, pa, pb) {
    var va = blended(pa), vb = blended(pb), mix = "a " + MIX[0] + ":" + MIX[1] + " input/output mix", unit = "per 1M tokens";
    var sentence, better = null;
    if (va === vb) sentence = "Both cost the same at " + mix + ": " + money(va) + " " + unit + ".";
    else {
      var low = va < vb ? a : b, high = va < vb ? b : a, lv = Math.min(va, vb), hv = Math.max(va, vb);
      if (lv === 0) sentence = low.name + " is free; " + high.name + " costs " + money(hv) + " " + unit + " at " + mix + ".";
      else {
        var phrase = cheaperPhrase(lv, hv);
        sentence = low.name + " is " + phrase[0] + " than " + high.name + " (" + phrase[1] + ") at " + mix + ": " + money(lv) + " vs " + money(hv) + " " + unit + ".";
      }
      better = low.id;
    }
    [["input", pa.input, pb.input], ["output", pa.output, pb.output]].forEach(function (k) {
      if (k[1] === k[2]) return;
      var cheap = k[1] < k[2] ? a : b;
      if (better === null || cheap.id !== better) {
        sentence += " " + cheap.name + " is cheaper on " + k[0] + ": " + usd(Math.min(k[1], k[2])) + " vs " + usd(Math.max(k[1], k[2])) + ".";
      }
    });
    return sentence;
  }

  function sizeSentence(a, b, label, va, vb) {
    if (va == null && vb == null) return "Neither " + a.name + " nor " + b.name + " has a published " + label + ".";
    if (va == null || vb == null) {
      var has = va != null ? a : b, lacks = va != null ? b : a;
      return "Only " + has.name + " publishes a " + label + " (" + tokensLong(va != null ? va : vb) + " tokens); " + lacks.name + " does not.";
    }
    if (va === vb) return "Both have the same " + tokensShort(va) + " " + label + " (" + tokensLong(va) + " tokens).";
    var big = va > vb ? a : b, small = va > vb ? b : a;
    return big.name + "'s " + label + " (" + tokensLong(Math.max(va, vb)) + " tokens) is " + fixed(Math.max(va, vb) / Math.min(va, vb), 1) + "× " + small.name + "'s (" + tokensLong(Math.min(va, vb)) + " tokens).";
  }

  function differences(a, b, benchmarks) {
    var out = { price: [], context: [], modalities: [], benchmarks: [], dates: [] };
    var pa = a.price, pb = b.price;
    if (!pa && !pb) out.price.push("Neither " + a.name + " nor " + b.name + " has a published per-token API price.");
    else if (!pa || !pb) {
      var priced = pa ? a : b, other = pa ? b : a;
      out.price.push("Only " + priced.name + " has a published API price (" + usd(priced.price.input) + " input / " + usd(priced.price.output) + " output per 1M tokens); " + other.name + " has none.");
    } else out.price.push(blendedSentence(a, b, pa, pb));
    [a, b].forEach(function (m) {
      var h = m.price_history;
      if (!h.length) return;
      var first = h[0], now = h[h.length - 1];
      if (h.length === 1 || (first.input === now.input && first.output === now.output)) {
        out.price.push(m.name + "'s input and output prices have not changed since " + longDate(first.since) + " (" + usd(now.input) + " / " + usd(now.output) + ").");
      } else {
        out.price.push(m.name + " launched at " + usd(first.input) + " input / " + usd(first.output) + " output (" + longDate(first.since) + ") and costs " + usd(now.input) + " / " + usd(now.output) + " since " + longDate(now.since) + " (input " + pctChange(first.input, now.input) + ", output " + pctChange(first.output, now.output) + ").");
      }
    });
    out.context.push(sizeSentence(a, b, "context window", a.context_window, b.context_window));
    out.context.push(sizeSentence(a, b, "maximum output", a.max_output_tokens, b.max_output_tokens));
    [["input", "accept"], ["output", "produce"]].forEach(function (d) {
      var ma = a.modalities[d[0]], mb = b.modalities[d[0]];
      var shared = ma.filter(function (x) { return mb.indexOf(x) >= 0; });
      if (ma.length === mb.length && shared.length === ma.length) {
        out.modalities.push("Both " + d[1] + " the same " + d[0] + ": " + words(shared) + ".");
        return;
      }
      [[a, ma, mb], [b, mb, ma]].forEach(function (x) {
        var extra = x[1].filter(function (m) { return x[2].indexOf(m) < 0; });
        if (extra.length) out.modalities.push("Only " + x[0].name + " can " + d[1] + " " + words(extra) + " as " + d[0] + " (both " + d[1] + " " + (shared.length ? words(shared) : "nothing in common") + ").");
      });
    });
    [a, b].forEach(function (m) {
      var an = m.announced_modalities;
      if (an && (an.input.length || an.output.length)) {
        var parts = [];
        if (an.input.length) parts.push(words(an.input) + " input");
        if (an.output.length) parts.push(words(an.output) + " output");
        out.modalities.push(m.name + "'s launch announced " + parts.join(" and ") + ", which the " + m.api_id + " API model does not offer.");
      }
    });
    var common = Object.keys(a.scores).filter(function (k) { return k in b.scores; });
    common.forEach(function (k) {
      var bench = benchmarks[k], sa = a.scores[k], sb = b.scores[k];
      var dir = bench.higher_is_better ? "" : " (lower is better)";
      var setting = "";
      if ((sa.note || sb.note) && sa.note !== sb.note) {
        setting = " Settings differ: " + [[a, sa], [b, sb]].filter(function (x) { return x[1].note; })
          .map(function (x) { return x[0].name + ": " + x[1].note; }).join("; ") + ".";
      }
      if (sa.value === sb.value) { out.benchmarks.push("Both score " + scoreText(bench, sa.value) + " on " + bench.name + dir + "." + setting); return; }
      var aBetter = (sa.value > sb.value) === bench.higher_is_better;
      var best = aBetter ? a : b, worst = aBetter ? b : a, bs = aBetter ? sa : sb, ws = aBetter ? sb : sa;
      out.benchmarks.push("On " + bench.name + dir + ", " + best.name + " scores " + scoreText(bench, bs.value) + " against " + worst.name + "'s " + scoreText(bench, ws.value) + ": " + best.name + " is ahead by " + fixed(Math.abs(sa.value - sb.value), 1) + (bench.unit === "percent" ? " points" : "") + "." + setting);
    });
    var anyOnly = false;
    [a, b].forEach(function (m) {
      var only = Object.keys(m.scores).filter(function (k) { return common.indexOf(k) < 0; }).map(function (k) { return benchmarks[k].name; });
      if (only.length) { anyOnly = true; out.benchmarks.push("Only " + m.name + " has a published score on " + words(only) + "; no comparison is made there."); }
    });
    if (!common.length && !anyOnly) out.benchmarks.push("Neither model has a benchmark score from a primary source in the data.");
    if (a.released === b.released) out.dates.push("Both were released on " + longDate(a.released) + ".");
    else {
      var newer = a.released > b.released ? a : b, older = a.released > b.released ? b : a;
      out.dates.push(newer.name + " is newer: released " + longDate(newer.released) + ", " + span(dayNumber(newer.released) - dayNumber(older.released)) + " after " + older.name + " (" + longDate(older.released) + ").");
    }
    var ka = a.knowledge_cutoff, kb = b.knowledge_cutoff;
    if (ka && kb) {
      if (ka === kb) out.dates.push("Both have a knowledge cutoff of " + monthOrDate(ka) + ".");
      else {
        var later = ka > kb ? a : b, earlier = ka > kb ? b : a;
        out.dates.push(later.name + " knows more recent events: knowledge cutoff " + monthOrDate(later.knowledge_cutoff) + " vs " + monthOrDate(earlier.knowledge_cutoff) + ".");
      }
    } else if (ka || kb) {
      var hasK = ka ? a : b;
      out.dates.push("Only " + hasK.name + " publishes a knowledge cutoff (" + monthOrDate(hasK.knowledge_cutoff) + ").");
    }
    var da = describeStatus(a), db = describeStatus(b);
    if (a.status === b.status && da === db) out.dates.push("Both are " + da + ".");
    else if (a.status === b.status) {
      out.dates.push("Both are " + a.status + ": " + [a, b].filter(function (m) { return m.retirement && m.retirement.shutdown; })
        .map(function (m) { return m.name + " shuts down on " + longDate(m.retirement.shutdown); }).join("; ") + ".");
    } else out.dates.push(a.name + " is " + da + "; " + b.name + " is " + db + ".");
    return out;
  }

  /* Which columns hold the best value (rows.best_of): the highest or lowest as the row says, every one of
     them on a tie; none where the row has no direction, fewer than two models have a value, or all are the same. */
  function bestOf(values, better) {
    if (better === null || better === undefined) return [];
    var present = values.filter(function (v) { return v !== null && v !== undefined; });
    if (present.length < 2 || present.every(function (v) { return v === present[0]; })) return [];
    var best = present.reduce(function (x, y) { return (better ? y > x : y < x) ? y : x; });
    return values.map(function (v, i) { return v === best ? i : -1; }).filter(function (i) { return i >= 0; });
  }

  /* The rows of a comparison of `models`, as hooks/catalog/rows.py defines them and api/compare.json ships
     them (doc.rows, each model's cells): the fixed rows in order, then the benchmarks any of the models
     reports, most reported first, then the data's order. Labels, formats and directions are the data's. */
  function rowSet(models, doc) {
    var fixed = doc.rows.filter(function (r) { return !r.benchmark; });
    var list = fixed.map(function (def, i) {
      return { def: def, cells: models.map(function (m) {
        var c = m.cells[i];
        return c === null || c === undefined ? { text: "—", value: null } : Array.isArray(c) ? { text: c[0], value: c[1] } : { text: c, value: null };
      }) };
    });
    var benches = doc.rows.filter(function (r) { return r.benchmark; }).map(function (def, order) {
      var id = def.key.slice("score:".length);
      return { def: def, id: id, order: order, count: models.filter(function (m) { return id in m.scores; }).length };
    }).filter(function (x) { return x.count; });
    benches.sort(function (x, y) { return y.count - x.count || x.order - y.order; });
    benches.forEach(function (x) {
      list.push({ def: x.def, cells: models.map(function (m) {
        var s = m.scores[x.id];
        return s ? { text: s.text, value: s.value } : { text: "—", value: null };
      }) });
    });
    return list.map(function (r) {
      var best = bestOf(r.cells.map(function (c) { return c.value; }), r.def.better);
      return { key: r.def.key, label: r.def.label,
               cells: r.cells.map(function (c, i) { return { text: c.text, best: best.indexOf(i) >= 0 }; }) };
    });
  }

  /* The side-by-side rows of two models: rowSet, with the better side named "a" or "b". */
  function rows(a, b, doc) {
    return rowSet([a, b], doc).map(function (r) {
      return { key: r.key, label: r.label, a: r.cells[0].text, b: r.cells[1].text,
               better: r.cells[0].best ? "a" : r.cells[1].best ? "b" : null };
    });
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function render(target, a, b, doc, root) {
    var benchmarks = {};
    doc.benchmarks.forEach(function (x) { benchmarks[x.id] = x; });
    target.textContent = "";
    var h = el("h2", a.name + " vs " + b.name, { id: "comparison" });
    target.appendChild(h);
    var pair = doc.pairs.filter(function (p) { return (p.models[0] === a.id && p.models[1] === b.id) || (p.models[0] === b.id && p.models[1] === a.id); })[0];
    var intro = el("p");
    [[a, " and "], [b, "."]].forEach(function (x) {
      intro.appendChild(el("a", x[0].name, { href: root + x[0].page }));
      intro.appendChild(document.createTextNode(x[1]));
    });
    if (pair) {
      intro.appendChild(document.createTextNode(" This pair has its own page: "));
      intro.appendChild(el("a", "read the full comparison", { href: root + pair.page }));
      intro.appendChild(document.createTextNode("."));
    }
    intro.appendChild(document.createTextNode(" "));
    intro.appendChild(el("a", "Add more models to these two", { href: root + "compare/many/?m=" + encodeURIComponent(a.id) + "," + encodeURIComponent(b.id) }));
    intro.appendChild(document.createTextNode("."));
    target.appendChild(intro);
    var wrap = el("div", null, { "class": "catalog-table-wrap", tabindex: "0", role: "region", "aria-label": "Side-by-side table" });
    var table = el("table", null, { "data-table": "side-by-side" });
    var head = el("thead"), tr = el("tr");
    ["Specification", a.name, b.name].forEach(function (t) { tr.appendChild(el("th", t, { scope: "col" })); });
    head.appendChild(tr); table.appendChild(head);
    var body = el("tbody");
    rows(a, b, doc).forEach(function (r) {
      var row = el("tr", null, { "data-row": r.key });
      row.appendChild(el("th", r.label, { scope: "row" }));
      ["a", "b"].forEach(function (side) {
        var td = el("td", r[side]);
        if (r.better === side) {
          td.className = "better";
          td.appendChild(el("span", " ▲", { "class": "better-mark", "aria-hidden": "true" }));
          td.appendChild(el("span", " (better)", { "class": "sr-only" }));
        }
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    table.appendChild(body); wrap.appendChild(table); target.appendChild(wrap);
    var diffs = differences(a, b, benchmarks);
    [["Price", "price"], ["Context and output length", "context"], ["Multimodal capabilities", "modalities"],
     ["Performance on benchmarks", "benchmarks"], ["Age and status", "dates"]].forEach(function (s) {
      target.appendChild(el("h3", s[0]));
      var ul = el("ul", null, { "data-dimension": s[1] });
      diffs[s[1]].forEach(function (t) { ul.appendChild(el("li", t)); });
      target.appendChild(ul);
    });
    target.appendChild(el("p", "Each figure's source is on the model pages linked above.", { "class": "note" }));
  }

  function hasOption(select, value) {
    return !!value && Array.prototype.some.call(select.options, function (o) { return o.value === value && !o.disabled; });
  }

  /* The menus follow the address at once, before the data arrives: ?a=x&b=y picks both; ?a=x alone
     leaves the second for the reader to choose (never an arbitrary model); no address, the page's defaults. */
  function choose(form) {
    var a = form.querySelector("#compare-a"), b = form.querySelector("#compare-b");
    var params = new URLSearchParams(window.location.search);
    if (hasOption(a, params.get("a"))) a.value = params.get("a");
    if (hasOption(b, params.get("b"))) b.value = params.get("b");
    else if (params.has("a")) b.value = "";
    if (b.value && b.value === a.value) b.value = "";
    return params;
  }

  function prompt(target, a) {
    target.textContent = "";
    target.appendChild(el("p", "Choose the second model to compare with " + a.options[a.selectedIndex].text + ".", { "class": "compare-prompt" }));
  }

  function setup(form, doc, params) {
    var a = form.querySelector("#compare-a"), b = form.querySelector("#compare-b");
    var target = document.getElementById("compare-result");
    var byId = {};
    doc.models.forEach(function (m) { byId[m.id] = m; });
    function update(push) {
      var query = "?a=" + encodeURIComponent(a.value) + (b.value ? "&b=" + encodeURIComponent(b.value) : "");
      if (push) window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
      if (!b.value || !byId[a.value] || !byId[b.value]) { prompt(target, a); return; }
      if (a.value === b.value) {
        target.textContent = "";
        target.appendChild(el("p", "Both menus name " + byId[a.value].name + ": choose a different second model.", { "class": "compare-prompt" }));
        return;
      }
      render(target, byId[a.value], byId[b.value], doc, form.getAttribute("data-site-root"));
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); update(true); });
    a.addEventListener("change", function () { update(true); });
    b.addEventListener("change", function () { update(true); });
    update(params.has("a") || params.has("b"));
  }

  function init() {
    var form = document.getElementById("compare-form");
    if (!form || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var params = choose(form);
    var target = document.getElementById("compare-result");
    target.setAttribute("aria-busy", "true");
    target.textContent = "";
    target.appendChild(el("p", "Loading the model data…", { "class": "compare-loading" }));
    fetch(form.getAttribute("data-models"))
      .then(function (r) { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.json(); })
      .then(function (doc) { target.removeAttribute("aria-busy"); setup(form, doc, params); })
      .catch(function (err) {
        target.removeAttribute("aria-busy");
        target.textContent = "Could not load the model data: " + err.message;
      });
  }

  // The number and date formats, shared with compare-many.js (loaded after this file).
  window.llmFormat = { MIX: MIX, usd: usd, money: money, tokensShort: tokensShort, tokensLong: tokensLong,
                       longDate: longDate, monthOrDate: monthOrDate, scoreText: scoreText, blended: blended, el: el,
                       rowSet: rowSet };
  // The rules, for the browser test that checks them against the Python for every pair.
  window.LLMCompareRules = { differences: differences, rows: rows, rowSet: rowSet };

  // Loaded by the pages that use it, from inside their content, so Material's
  // instant navigation runs this file again on each arrival: subscribe once,
  // and let init run any number of times (setup skips elements already set up).
  if (window.llmCompareCompare) return;
  window.llmCompareCompare = true;
  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", function () {
    if (window.document$) window.document$.subscribe(init); else init();
  });
})();
