/* Monthly cost of a workload for every served model, and its bill line by line.
 * Prices come from each row's data-prices (the entry in force on as_of and any
 * scheduled ones, written at build time by hooks/catalog/bill.py entry_data). */
(function () {
  "use strict";
  /* The bill, line by line: the same steps in the same order as hooks/catalog/bill.py
   * (tests/test_bill_parity.py proves the two equal). `e` is one price entry as
   * bill.entry_data ships it; `w` a workload with the Python Workload's field names. */
  var KEYS = ["input", "cached_input", "cache_write", "cache_write_1h", "output", "batch_input", "batch_output"];
  var UNIT_LABELS = { per_1m_tokens: "per 1M tokens", per_image: "per image", per_minute: "per minute", per_second: "per second",
                      per_request: "per request", per_1k_calls: "per 1,000 calls", per_1m_tokens_per_hour: "per 1M tokens per hour" };
  var UNIT_SIZE = { per_1m_tokens: 1000000, per_image: 1, per_minute: 1, per_second: 1, per_request: 1, per_1k_calls: 1000,
                    per_1m_tokens_per_hour: 1000000 };
  function nv(v) { return v === undefined ? null : v; }
  function find(list, key, name) { for (var i = 0; i < (list || []).length; i++) if (list[i][key] === name) return list[i]; return null; }
  function dayAfter(iso) { var d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 1); return d.toISOString().slice(0, 10); }

  /* The entry in force on `day` (ISO date): the latest that started by then; its regular price once its promotion ended. */
  function priceOn(entries, day) {
    var last = null;
    entries.forEach(function (e) { if (e.since <= day) last = e; });
    if (!last) return null;
    var promo = last.promotion;
    if (promo && promo.until !== null && promo.until < day && promo.regular) {
      var copy = JSON.parse(JSON.stringify(last)), r = promo.regular;
      copy.since = dayAfter(promo.until); copy.input = r.input; copy.output = r.output;
      if (nv(r.cached_input) !== null) copy.cached_input = r.cached_input;
      copy.promotion = null;
      return copy;
    }
    return last;
  }

  function bill(p, w) {
    var notes = [];
    if (p.scheduled) notes.push("scheduled price from " + p.since);
    if (p.promotion) notes.push("promotional price " + (p.promotion.until ? "until " + p.promotion.until : "until further notice"));
    var prompt = w.input_tokens + w.cached_input_tokens + w.cache_write_tokens + w.audio_input_tokens;
    var long = null;
    (p.tiers || []).forEach(function (t) { if (prompt > t.above) long = t; });
    var st = w.service_tier ? find(p.service_tiers, "name", w.service_tier) : null;
    if (w.service_tier && !st) notes.push("no " + w.service_tier + " tier published: standard prices");
    var useLong = long !== null;
    if (long && st) {
      if (st.stacks_with.long_context_tiers === false) {
        useLong = false; notes.push(st.name + " prices do not rise for long prompts (vendor)");
      } else if (st.stacks_with.long_context_tiers === null) {
        notes.push("the vendor does not say whether " + st.name + " combines with long-context prices: the long-context price");
      }
    }
    if (long && useLong) notes.push("long-context price above " + long.above.toLocaleString("en-US") + " input tokens");
    var src = long && useLong ? long : p, prices = {};
    KEYS.forEach(function (k) { prices[k] = nv(src[k]); });
    var batch = w.batch;
    if (batch && st && st.stacks_with.batch !== true) {
      batch = false;
      notes.push(st.stacks_with.batch === false ? "batch does not combine with " + st.name + " (vendor): no batch price"
                 : "the vendor does not say whether batch combines with " + st.name + ": no batch price");
    }
    if (batch) {
      if (prices.batch_input !== null && prices.batch_output !== null) { prices.input = prices.batch_input; prices.output = prices.batch_output; }
      else notes.push("no batch price published");
    }
    if (st) {
      if (nv(st.multiplier) !== null) {
        notes.push(st.name + " tier: " + String(st.multiplier) + " × standard prices");
        ["input", "cached_input", "cache_write", "cache_write_1h", "output"].forEach(function (k) {
          if (prices[k] !== null) prices[k] = prices[k] * st.multiplier;
        });
      } else if (st.prices) {
        notes.push(st.name + " tier prices");
        var scaled = function (value, key) {
          var base = p[key], raised = src[key];
          return src !== p && base ? value * raised / base : value;
        };
        var own = null;
        (st.tiers || []).forEach(function (t) { if (src !== p && prompt > t.above) own = t; });
        if (own) { prices.input = own.input; prices.output = own.output; prices.cached_input = nv(own.cached_input); }
        else {
          prices.input = scaled(st.prices.input, "input");
          prices.output = scaled(st.prices.output, "output");
          prices.cached_input = nv(st.prices.cached_input) !== null ? scaled(st.prices.cached_input, "input") : null;
        }
      }
      if (w.cached_input_tokens > 0 && st.stacks_with.cached_input !== true) {
        prices.cached_input = prices.input;
        notes.push(st.stacks_with.cached_input === false ? "cached input at the " + st.name + " input price (vendor: no caching discount)"
                   : "the vendor does not say whether caching discounts " + st.name + ": cached input at the " + st.name + " input price");
      }
    }
    var pin = prices.input, pout = prices.output, lines = [];
    function add(label, quantity, unit, price, note) {
      if (quantity > 0) lines.push({ label: label, quantity: quantity, unit: UNIT_LABELS[unit], unit_price: price,
                                     amount: quantity * price / UNIT_SIZE[unit], note: note || "" });
    }
    var r = w.requests;
    add("Input", r * w.input_tokens, "per_1m_tokens", pin);
    var cached = prices.cached_input;
    add("Cached input", r * w.cached_input_tokens, "per_1m_tokens", cached !== null ? cached : pin,
        cached !== null ? "" : "no cached price published: the input price");
    var write = prices.cache_write, writeNote = "";
    if (w.cache_ttl === "1h" && prices.cache_write_1h !== null) write = prices.cache_write_1h;
    else if (w.cache_ttl === "1h" && write !== null) writeNote = "no 1-hour cache-write price published: the 5-minute price";
    if (write === null) { write = pin; writeNote = "no cache-write price published: the input price"; }
    add("Cache write (" + w.cache_ttl + ")", r * w.cache_write_tokens, "per_1m_tokens", write, writeNote);
    add("Output", r * w.output_tokens, "per_1m_tokens", pout);
    add("Reasoning (billed as output)", r * w.reasoning_tokens, "per_1m_tokens", pout);
    [["Audio input", "audio_input", w.audio_input_tokens, "per_1m_tokens", "no audio price published: the text input price"],
     ["Audio input (minutes)", "audio_input_minute", w.audio_input_minutes, "per_minute", "no per-minute audio price published: not priced"],
     ["Images generated", "image_generated", w.images, "per_image", "no per-image price published: not priced"],
     ["Web searches", "web_search", w.searches, "per_1k_calls", "no search price published: not priced"],
     ["Request fee", "request", 1, "per_request", ""]].forEach(function (c) {
      var comp = find(p.components, "item", c[1]);
      if (comp) add(c[0], r * c[2], comp.unit, comp.price);
      else if (c[4]) add(c[0], r * c[2], c[3], c[1] === "audio_input" ? pin : 0, c[4]);
    });
    var subtotal = 0;
    lines.forEach(function (l) { subtotal = subtotal + l.amount; });
    if (w.region) {
      var region = find(p.regions, "name", w.region);
      if (!region) notes.push("no uplift published for " + w.region);
      else {
        var share = region.multiplier - 1;
        lines.push({ label: "Region uplift: " + region.name, quantity: subtotal, unit: "of the bill", unit_price: share,
                     amount: subtotal * share, note: "× " + String(region.multiplier) });
      }
    }
    var total = 0;
    lines.forEach(function (l) { total = total + l.amount; });
    return { lines: lines, total: total, since: p.since, notes: notes };
  }
  window.llmCompareBill = { bill: bill, priceOn: priceOn };

  // Every form field the address bar keeps, with its default (a default is left out of the URL).
  var FIELDS = { requests: "1000000", input: "500", output: "200", cache: "0", batch: "", cache_write: "0", ttl: "5m",
                 reasoning: "0", audio_tokens: "0", audio_minutes: "0", images: "0", searches: "0", tier: "", region: "",
                 date: "", model: "" };

  function money(v) { return "$" + v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  function count(v) { return v.toLocaleString("en-US", { maximumFractionDigits: 2 }); }
  function unitPrice(v) { return "$" + v.toLocaleString("en-US", { maximumFractionDigits: 6 }); }
  function num(row, name) { var v = row.getAttribute("data-" + name); return v === "" || v === null ? null : parseFloat(v); }

  function fits(row, w) {
    var context = num(row, "context"), maxOut = num(row, "max-output");
    var prompt = w.input_tokens + w.cached_input_tokens + w.cache_write_tokens + w.audio_input_tokens;
    var out = w.output_tokens + w.reasoning_tokens;
    return prompt + out <= context && (maxOut === null || out <= maxOut);
  }

  function rowBill(row, w, day) {
    if (!row._entries) row._entries = JSON.parse(row.getAttribute("data-prices") || "[]");
    var entry = priceOn(row._entries, day);
    return entry ? bill(entry, w) : null;
  }

  function setup(form) {
    if (form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "true");
    var table = document.querySelector("table[data-table=calculator]");
    var summary = document.querySelector(".calculator-summary");
    var billTable = document.querySelector("table[data-table=bill]");
    var billNotes = document.querySelector(".bill-notes");
    var asOf = form.getAttribute("data-as-of");
    FIELDS.date = asOf;
    var params = new URLSearchParams(window.location.search);
    Object.keys(FIELDS).forEach(function (name) {
      var field = form.elements[name];
      if (!field || !params.has(name)) return;
      if (field.type === "checkbox") field.checked = params.get(name) === "1"; else field.value = params.get(name);
    });
    // A shared address that sets a folded field opens the fold, so the reader sees what the bill was priced with.
    var more = form.querySelector("details.calculator-more");
    if (more && Object.keys(FIELDS).some(function (name) {
      var field = form.elements[name];
      return field && more.contains(field) && params.has(name) && params.get(name) !== FIELDS[name];
    })) more.open = true;

    function read() {
      function n(name) { var f = form.elements[name], v = f ? parseFloat(f.value) : NaN; return isNaN(v) || v < 0 ? 0 : v; }
      function s(name) { var f = form.elements[name]; return f ? f.value : ""; }
      var input = n("input"), share = Math.min(n("cache"), 100) / 100, cached = input * share;
      var day = s("date") && s("date") > asOf ? s("date") : asOf;
      return { day: day, w: { requests: n("requests"), input_tokens: input - cached, cached_input_tokens: cached,
               cache_write_tokens: n("cache_write"), cache_ttl: s("ttl") === "1h" ? "1h" : "5m", output_tokens: n("output"),
               reasoning_tokens: n("reasoning"), audio_input_tokens: n("audio_tokens"), audio_input_minutes: n("audio_minutes"),
               images: n("images"), searches: n("searches"), batch: form.elements.batch.checked,
               service_tier: s("tier"), region: s("region") } };
    }

    function showBill(row, b) {
      var body = billTable.tBodies[0];
      body.textContent = "";
      billTable.querySelector("caption").textContent = "Bill for " + row.querySelector("th a").textContent + ", price since " + b.since;
      b.lines.forEach(function (l) {
        var tr = document.createElement("tr");
        [l.label, count(l.quantity), l.unit === "of the bill" ? (l.unit_price * 100).toFixed(1) + " % of the bill" : unitPrice(l.unit_price) + " " + l.unit,
         money(l.amount), l.note].forEach(function (text, i) {
          var cell = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) cell.setAttribute("scope", "row");
          cell.textContent = text; tr.appendChild(cell);
        });
        tr.setAttribute("data-amount", l.amount.toFixed(6));
        body.appendChild(tr);
      });
      var total = billTable.querySelector("tfoot .bill-total");
      total.textContent = money(b.total); total.setAttribute("data-total", b.total.toFixed(6));
      billNotes.textContent = b.notes.length ? "Notes: " + b.notes.join("; ") + "." : "";
    }

    function update(writeUrl) {
      var state = read(), w = state.w, body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows), best = null;
      rows.forEach(function (row) {
        var b = rowBill(row, w, state.day), ok = fits(row, w);
        row._bill = b; row._cost = b ? b.total : Infinity; row._fits = ok;
        var cell = row.querySelector(".cost");
        cell.textContent = b ? money(b.total) + (b.notes.length ? " (" + b.notes.join("; ") + ")" : "") : "no price on this date";
        cell.setAttribute("data-cost", b ? b.total.toFixed(6) : "");
        row.querySelector(".fits").textContent = ok ? "yes" : "no: request too large";
        row.classList.remove("cheapest");
      });
      rows.sort(function (a, b) { return a._cost - b._cost || (a.getAttribute("data-model") < b.getAttribute("data-model") ? -1 : 1); });
      // Only a model that is served and not retiring soon may be suggested.
      rows.forEach(function (row) { body.appendChild(row); if (!best && row._fits && row._bill && row.getAttribute("data-current") === "true") best = row; });
      if (best) {
        best.classList.add("cheapest");
        best.querySelector(".fits").textContent = "yes — cheapest that fits";
        summary.textContent = "Cheapest model that fits: " + best.querySelector("th a").textContent + " at " + money(best._cost) + " a month.";
      } else summary.textContent = "No model in the data fits requests of this size.";
      var chosen = form.elements.model.value, shown = null;
      rows.forEach(function (row) { if (row.getAttribute("data-model") === chosen) shown = row; });
      shown = shown || best || rows[0];
      if (billTable && shown && shown._bill) showBill(shown, shown._bill);
      if (writeUrl) {
        var p = new URLSearchParams();
        Object.keys(FIELDS).forEach(function (name) {
          var field = form.elements[name];
          if (!field) return;
          var value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
          if (name === "requests" || name === "input" || name === "output" || name === "cache" || value !== FIELDS[name]) { if (value !== "") p.set(name, value); }
        });
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
