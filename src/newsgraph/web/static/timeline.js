// Timeline: events per bin on a true time axis, stacked by type (colours from app.css t-TYPE classes).
// Drawn at the box's pixel width so text keeps its size on a phone. Click a bar: that period's events
// with their evidence, from /api/events/period. Drag across the chart: zoom into that range in place (the
// chart from /api/events/bins, the table from /api/events/period) with a URL that can be shared.
"use strict";
(function () {
  var box = document.getElementById("timeline-chart");
  var dataNode = document.getElementById("timeline-data");
  if (!box || !dataNode) { return; }
  var data;
  try { data = JSON.parse(dataNode.textContent || "{}"); } catch (e) { return; }
  if (!data.bins || !data.bins.length) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var panel = document.getElementById("period-panel");
  var list = document.getElementById("period-events");
  var heading = document.getElementById("period-title");
  var more = document.getElementById("period-more");
  var country = box.getAttribute("data-country") || "", type = box.getAttribute("data-type") || "";

  function ms(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function svgEl(tag, attrs, cls) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (cls) { n.setAttribute("class", cls); }
    return n;
  }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = String(text); }
    return n;
  }
  // The y axis: a step of 1, 2 or 5 × 10^n giving at most 5 ticks, and the top tick.
  function yScale(v) {
    var raw = Math.max(v, 1) / 4, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = Math.max(1, [1, 2, 5, 10].map(function (m) { return m * mag; }).filter(function (s) { return s >= raw; })[0]);
    return { step: step, top: Math.max(step, Math.ceil(Math.max(v, 1) / step) * step) };
  }

  // Tick dates: calendar days, months or years, every k of them so labels stay >= 72 px apart.
  function ticks(t0, t1, px) {
    var spanDays = (t1 - t0) / DAY, options = [];
    [1, 2, 7, 14].forEach(function (k) { options.push({ unit: "day", k: k, n: spanDays / k }); });
    [1, 2, 3, 6].forEach(function (k) { options.push({ unit: "month", k: k, n: spanDays / 30.4 / k }); });
    [1, 2, 5, 10, 20, 50].forEach(function (k) { options.push({ unit: "year", k: k, n: spanDays / 365.25 / k }); });
    var pick = options.filter(function (o) { return o.n >= 1 && px / o.n >= 72; })[0] || options[options.length - 1];
    var out = [], d = new Date(t0);
    if (pick.unit === "day") {
      if (pick.k === 7 || pick.k === 14) { d = new Date(t0 + ((8 - new Date(t0).getUTCDay()) % 7) * DAY); }  // Mondays
    } else if (pick.unit === "month") {
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0), 1));
      while (d.getUTCMonth() % pick.k) { d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); }
    } else {
      d = new Date(Date.UTC(d.getUTCFullYear() + (d.getUTCMonth() || d.getUTCDate() > 1 ? 1 : 0), 0, 1));
      while (d.getUTCFullYear() % pick.k) { d = new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1)); }
    }
    while (d.getTime() < t1) {
      out.push({ t: d.getTime(), label: label(d, pick, out.length === 0) });
      if (pick.unit === "day") { d = new Date(d.getTime() + pick.k * DAY); }
      else if (pick.unit === "month") { d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + pick.k, 1)); }
      else { d = new Date(Date.UTC(d.getUTCFullYear() + pick.k, 0, 1)); }
    }
    return out;
  }
  function label(d, pick, first) {
    if (pick.unit === "year") { return String(d.getUTCFullYear()); }
    if (pick.unit === "month") {
      return d.getUTCMonth() === 0 || first ? MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear() : MONTHS[d.getUTCMonth()];
    }
    var text = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
    return first || (d.getUTCMonth() === 0 && d.getUTCDate() <= pick.k) ? text + " " + d.getUTCFullYear() : text;
  }

  function draw() {
    while (box.firstChild) { box.removeChild(box.firstChild); }
    var W = Math.max(box.clientWidth, 300), H = W < 600 ? 230 : 290;
    var L = 44, R = 14, T = 12, B = 30, plotW = W - L - R, plotH = H - T - B;
    var t0 = ms(data.bins[0].start), t1 = ms(data.bins[data.bins.length - 1].end);
    var scale = yScale(data.max || 1), top = scale.top;
    function x(t) { return L + (t - t0) / (t1 - t0) * plotW; }
    function y(v) { return T + plotH - v / top * plotH; }
    var svg = svgEl("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img",
      "aria-label": "Events per " + data.step + " by type" }, "chart timeline");
    for (var v = 0; v <= top; v += scale.step) {
      svg.appendChild(svgEl("line", { x1: L, x2: W - R, y1: y(v), y2: y(v) }, "grid"));
      var yl = svgEl("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, "axis");
      yl.textContent = String(v);
      svg.appendChild(yl);
    }
    ticks(t0, t1, plotW).forEach(function (tk) {
      svg.appendChild(svgEl("line", { x1: x(tk.t), x2: x(tk.t), y1: T + plotH, y2: T + plotH + 5 }, "tick"));
      var tl = svgEl("text", { x: x(tk.t), y: H - 8, "text-anchor": "middle" }, "axis");
      tl.textContent = tk.label;
      svg.appendChild(tl);
    });
    data.bins.forEach(function (b) {
      var x0 = x(ms(b.start)), x1 = x(ms(b.end)), gap = Math.min(2, (x1 - x0) * 0.15);
      var g = svgEl("g", { "data-start": b.start, "data-end": b.end }, "bin" + (b.total ? " has-events" : ""));
      var title = svgEl("title", {});
      var parts = Object.keys(b.counts).map(function (k) { return k + " " + b.counts[k]; });
      title.textContent = b.start + (data.step === "day" ? "" : " – " + iso(ms(b.end) - DAY)) + ": " + b.total +
        " event" + (b.total === 1 ? "" : "s") + (parts.length ? " (" + parts.join(", ") + ")" : "");
      g.appendChild(title);
      g.appendChild(svgEl("rect", { x: x0, y: T, width: Math.max(x1 - x0, 1), height: plotH }, "hit"));
      var base = T + plotH;
      Object.keys(b.counts).forEach(function (k) {
        var h = b.counts[k] / top * plotH;
        base -= h;
        g.appendChild(svgEl("rect", { x: x0 + gap / 2, y: base, width: Math.max(x1 - x0 - gap, 1), height: h }, "t-" + k));
      });
      svg.appendChild(g);
    });
    svg.appendChild(svgEl("line", { x1: L, x2: W - R, y1: T + plotH, y2: T + plotH }, "baseline"));
    var brush = svgEl("rect", { x: 0, y: T, width: 0, height: plotH }, "brush");
    svg.appendChild(brush);
    box.appendChild(svg);
    brushing(svg, brush, function (px) { return t0 + (px - L) / plotW * (t1 - t0); });
  }

  function brushing(svg, brush, time) {
    var start = null, moved = false;
    function px(ev) { return ev.clientX - svg.getBoundingClientRect().left; }
    svg.addEventListener("pointerdown", function (ev) { start = px(ev); moved = false; });
    svg.addEventListener("pointermove", function (ev) {
      if (start === null) { return; }
      var now = px(ev);
      if (Math.abs(now - start) > 8) { moved = true; }
      brush.setAttribute("x", String(Math.min(start, now)));
      brush.setAttribute("width", String(Math.abs(now - start)));
    });
    svg.addEventListener("pointerup", function (ev) {
      if (start === null) { return; }
      var end = px(ev), s = start;
      start = null;
      if (!moved) {
        var g = ev.target.closest ? ev.target.closest("g.bin") : null;
        // At the bin's precision, so that an event dated "2022" falls in the bar of 2022.
        var cut = { year: 4, month: 7 }[data.step] || 10;
        if (g) { openPeriod(g.getAttribute("data-start").slice(0, cut), iso(ms(g.getAttribute("data-end")) - DAY).slice(0, cut)); }
        return;
      }
      zoom(iso(time(Math.min(s, end))), iso(time(Math.max(s, end))), true);
    });
    svg.addEventListener("pointerleave", function () { start = null; brush.setAttribute("width", "0"); });
  }

  // -- zoom in place: the chart from /api/events/bins, the table from /api/events/period, the URL kept
  // shareable with history.pushState (Back returns to the previous range) --------------------------

  var PER_PAGE = 25;
  var table = document.querySelector("#timeline-table tbody");
  var tableHeading = document.getElementById("timeline-heading");
  var pager = document.getElementById("timeline-pager");
  var hintNode = document.getElementById("timeline-hint");
  var legend = document.querySelector("ul.legend.types");

  function query(since, until, extra) {
    var q = new URLSearchParams();
    if (country) { q.set("country", country); }
    if (type) { q.set("type", type); }
    if (since) { q.set("since", since); }
    if (until) { q.set("until", until); }
    Object.keys(extra || {}).forEach(function (k) { q.set(k, extra[k]); });
    return q;
  }
  function getJSON(path, q) {
    return fetch(path + "?" + q.toString(), { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    });
  }
  function clear(node) { while (node && node.firstChild) { node.removeChild(node.firstChild); } }
  function who(name, id, code, sector) {
    var span = el("span");
    if (id) {
      var a = el("a", null, name || "");
      a.href = "/entities/" + encodeURIComponent(id);
      span.appendChild(a);
    } else { span.appendChild(document.createTextNode(name || "")); }
    var tag = [code, sector].filter(Boolean).join("-");
    if (tag) { span.appendChild(document.createTextNode(" ")); span.appendChild(el("span", "code", tag)); }
    return span;
  }
  function fillTable(rows, total, since, until) {
    clear(table);
    rows.forEach(function (e) {
      var tr = el("tr");
      tr.appendChild(el("td", "date", e.when || ""));
      var td = el("td");
      td.appendChild(el("span", "type t-" + e.type, e.type));
      tr.appendChild(td);
      var pair = el("td");
      pair.appendChild(who(e.actor, e.actor_entity_id, e.actor_country, e.actor_sector));
      pair.appendChild(document.createTextNode(" → "));
      pair.appendChild(who(e.target, e.target_entity_id, e.target_country, e.target_sector));
      tr.appendChild(pair);
      var ev = el("td");
      ev.appendChild(el("span", "evidence-text", e.sentence));
      ev.appendChild(document.createTextNode(" "));
      var a = el("a", null, e.title || e.document_id);
      a.href = "/articles/" + encodeURIComponent(e.document_id) + "#fact=event-" + e.id;
      ev.appendChild(a);
      tr.appendChild(ev);
      table.appendChild(tr);
    });
    if (!rows.length) {
      var none = el("tr"), cell = el("td", "empty", "No event.");
      cell.setAttribute("colspan", "4");
      none.appendChild(cell);
      table.appendChild(none);
    }
    if (tableHeading) {
      clear(tableHeading);
      tableHeading.appendChild(document.createTextNode("Events from " + (since || "the start") + " to " + (until || "the end") + " "));
      tableHeading.appendChild(el("span", "count", "(" + total + ")"));
    }
    if (pager) {
      clear(pager);
      var pages = Math.max(1, Math.ceil(total / PER_PAGE));
      if (pages > 1) {
        var nav = el("nav", "pager");
        nav.setAttribute("aria-label", "Pages");
        nav.appendChild(el("span", "count", "page 1 of " + pages));
        var next = el("a", "tap", "Older →");
        next.rel = "next";
        next.href = "?" + query(since, until, { page: "2" }).toString();
        nav.appendChild(document.createTextNode(" "));
        nav.appendChild(next);
        pager.appendChild(nav);
      }
    }
  }
  function describe(chart) {
    if (!hintNode) { return; }
    var text = chart.first + " – " + chart.last + ", one bar per " + chart.step +
      ". Click a bar for its events and evidence; drag across the chart to zoom into a range.";
    if (chart.coarse) {
      text += " " + chart.coarse + " event" + (chart.coarse === 1 ? "" : "s") + " dated only to a " +
        (chart.step === "day" || chart.step === "week" ? "year or month" : "year") + " are not drawn at this scale.";
    }
    hintNode.textContent = text;
  }
  function fillLegend(types) {
    if (!legend) { return; }
    clear(legend);
    types.forEach(function (t) {
      var li = el("li");
      li.appendChild(el("span", "swatch t-" + t));
      li.appendChild(document.createTextNode(t));
      legend.appendChild(li);
    });
  }
  function wholeRangeLink() {
    var form = document.querySelector("form.filters");
    if (!form || document.getElementById("whole-range")) { return; }
    var a = el("a", "button tap", "Whole range");
    a.id = "whole-range";
    a.href = "/timeline?" + query(null, null).toString();
    form.appendChild(a);
  }
  function zoom(since, until, push) {
    var q = query(since, until);
    if (push) { window.history.pushState({ since: since, until: until }, "", "/timeline?" + q.toString()); }
    ["since", "until"].forEach(function (name) {
      var input = document.querySelector("form.filters input[name=" + name + "]");
      if (input) { input.value = name === "since" ? (since || "") : (until || ""); }
    });
    box.classList.add("loading");
    Promise.all([getJSON("/api/events/bins", q), getJSON("/api/events/period", query(since, until, { limit: String(PER_PAGE) }))])
      .then(function (got) {
        box.classList.remove("loading");
        if (got[0].bins && got[0].bins.length) { data = got[0]; draw(); }
        describe(got[0]);
        fillLegend(got[0].types || []);
        fillTable(got[1].data || [], got[1].count || 0, since, until);
        if (since || until) { wholeRangeLink(); }
      })
      .catch(function () { window.location.search = q.toString(); });  // the server renders it instead
  }
  window.addEventListener("popstate", function (ev) {
    var st = ev.state;
    if (st && (st.since || st.until)) { zoom(st.since, st.until, false); }
    else { window.location.reload(); }
  });

  function openPeriod(since, until) {
    if (!panel || !list) { return; }
    var q = new URLSearchParams({ since: since, until: until, limit: "20" });
    if (country) { q.set("country", country); }
    if (type) { q.set("type", type); }
    heading.textContent = since === until ? since : since + " – " + until;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    list.appendChild(el("li", "empty", "Loading…"));
    more.textContent = "";
    panel.classList.add("open");
    if (window.getComputedStyle(panel).position !== "fixed") { panel.scrollIntoView({ block: "nearest" }); }
    fetch("/api/events/period?" + q.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        var rows = (body && body.data) || [];
        if (!rows.length) { list.appendChild(el("li", "empty", "No event in this period.")); }
        rows.forEach(function (e) {
          var li = el("li", "event-item");
          li.appendChild(el("span", "type t-" + e.type, e.type));
          li.appendChild(el("span", null, " " + (e.actor || e.actor_country || "?") + " → " + (e.target || e.target_country || "?") + " "));
          li.appendChild(el("span", "date", e.when || ""));
          li.appendChild(el("blockquote", "evidence", e.sentence));
          var a = el("a", null, e.title || e.document_id);
          a.href = "/articles/" + encodeURIComponent(e.document_id) + "#fact=event-" + e.id;
          li.appendChild(a);
          list.appendChild(li);
        });
        heading.textContent += ": " + body.count + " event" + (body.count === 1 ? "" : "s");
        if (window.getComputedStyle(panel).position !== "fixed") { panel.scrollIntoView({ block: "nearest" }); }
        if (body.count > rows.length) {
          var link = el("a", null, "All " + body.count + " events of this period");
          var page = new URLSearchParams(q);
          page.delete("limit");
          link.href = "/timeline?" + page.toString();
          more.appendChild(link);
        }
      })
      .catch(function () { list.textContent = "Could not load the events."; });
  }

  var closer = panel ? panel.querySelector(".sheet-close") : null;
  if (closer) { closer.addEventListener("click", function () { panel.classList.remove("open"); }); }
  draw();
  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(draw, 150);
  });
})();
