// Stance map and board: click a country (map, chip) or a cell to read its evidence in the side panel
// (a bottom sheet on a phone), its statements fetched from /api/stances/history when it is first opened;
// the "as of" slider replays positions from each cell's dated positions, sent with the page.
// Text goes into the page with textContent only: statements are scraped text.
"use strict";
(function () {
  var dataNode = document.getElementById("stance-data");
  var panel = document.getElementById("evidence-panel");
  var body = document.getElementById("evidence-body");
  var hint = document.getElementById("evidence-hint");
  var slider = document.getElementById("as-of-slider");
  var sliderLabel = document.getElementById("as-of-label");
  if (!dataNode || !panel || !body) { return; }
  var data = { cells: {}, dates: [], classes: {} };
  try { data = JSON.parse(dataNode.textContent || "{}"); } catch (e) { return; }
  var asOf = null;  // null: the latest statement of every cell
  var current = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function posClass(position) {
    return data.classes[(position || "").toLowerCase()] || "pos-other";
  }

  // The statements of a cell on or before the slider's date (undated ones count at every date).
  function visible(cell) {
    return cell.history.filter(function (h) { return asOf === null || !h.date || h.date <= asOf; });
  }

  var loaded = {};  // key -> the cell's statements with their evidence, once fetched

  // Each statement with the issue as its own document named it, where that is not the column's label
  // (the column is the issue across articles: every label clustered into it).
  function statementList(items, issue) {
    var list = el("ol", "evidence-list");
    items.slice().reverse().forEach(function (h) {
      var li = el("li");
      li.appendChild(el("span", "pos " + posClass(h.position), h.position));
      li.appendChild(el("span", "date", " " + (h.date || "undated")));
      if (h.issue && h.issue !== issue) { li.appendChild(el("span", "member-issue", " on " + h.issue)); }
      li.appendChild(el("blockquote", "evidence", h.sentence));
      var a = el("a", "source-link", h.title || h.document_id);
      a.href = "/articles/" + encodeURIComponent(h.document_id);
      li.appendChild(a);
      list.appendChild(li);
    });
    return list;
  }

  // The cell's statements with their evidence: fetched from the API the first time the cell is opened.
  function evidence(key, cell, done) {
    if (loaded[key]) { done(loaded[key]); return; }
    var url = "/api/stances/history?country=" + encodeURIComponent(cell.country) +
      "&issue=" + encodeURIComponent(cell.issue) + "&exact=" + (cell.exact === false ? "false" : "true");
    if (data.as_of) { url += "&as_of=" + encodeURIComponent(data.as_of); }
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { data: [] }; })
      .then(function (j) { loaded[key] = j.data || []; done(loaded[key]); })
      .catch(function () { done(null); });
  }

  function show(key) {
    var cell = data.cells[key];
    if (!cell) { return; }
    current = key;
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var items = visible(cell);
    var latest = items.length ? items[items.length - 1] : null;
    var head = el("div", "evidence-head");
    head.appendChild(el("strong", "evidence-country", cell.name));
    head.appendChild(el("span", "evidence-issue", " on " + cell.issue));
    body.appendChild(head);
    if (latest) {
      var now = el("p", "evidence-now");
      now.appendChild(el("span", "pos " + posClass(latest.position), latest.position));
      now.appendChild(el("span", "date", latest.date ? " as of " + latest.date : " (undated)"));
      body.appendChild(now);
    } else {
      body.appendChild(el("p", "empty", "Nothing found on or before " + asOf + "."));
    }
    var slot = el("div", "evidence-slot");
    var shown = cell.latest && (asOf === null || !cell.latest.date || cell.latest.date <= asOf) ? [cell.latest] : [];
    slot.appendChild(statementList(shown, cell.issue));  // the latest statement at once; the earlier ones once fetched
    if (cell.history.length > 1 || cell.more) { slot.appendChild(el("p", "hint", "Loading the earlier statements…")); }
    body.appendChild(slot);
    evidence(key, cell, function (rows) {
      if (current !== key) { return; }
      while (slot.firstChild) { slot.removeChild(slot.firstChild); }
      if (rows === null) { slot.appendChild(el("p", "empty", "The statements could not be loaded.")); return; }
      slot.appendChild(statementList(rows.filter(function (h) { return asOf === null || !h.date || h.date <= asOf; }), cell.issue));
    });
    if (hint) { hint.hidden = true; }
    Array.prototype.forEach.call(document.querySelectorAll("[data-key].selected"), function (n) { n.classList.remove("selected"); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-key]"), function (n) {
      if (n.getAttribute("data-key") === key) { n.classList.add("selected"); }
    });
    panel.classList.add("open");
  }

  function setClass(node, cls) {
    var keep = (node.getAttribute("class") || "").split(/\s+/).filter(function (c) { return c && c.indexOf("pos-") !== 0; });
    keep.push(cls);
    node.setAttribute("class", keep.join(" "));
  }

  // Recolour the map, the chips and the board as of the slider's date.
  function replay() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-key]"), function (n) {
      var cell = data.cells[n.getAttribute("data-key")];
      if (!cell) { return; }
      var items = visible(cell);
      var latest = items.length ? items[items.length - 1] : null;
      var cls = latest ? posClass(latest.position) : "pos-empty";
      var target = n.classList.contains("cell-btn") ? n.parentNode : n;
      setClass(target, cls);
      target.setAttribute("data-position", latest ? latest.position : "");
      var label = n.querySelector(".pos-label");
      if (label) { label.textContent = latest ? latest.position : "nothing found"; }
      var date = n.querySelector(".date");
      if (date) { date.textContent = latest && latest.date ? latest.date : ""; }
    });
    if (current) { show(current); }
  }

  document.addEventListener("click", function (ev) {
    var node = ev.target.closest ? ev.target.closest("[data-key]") : null;
    if (node) { show(node.getAttribute("data-key")); }
  });
  document.addEventListener("keydown", function (ev) {
    var node = ev.target;
    if ((ev.key === "Enter" || ev.key === " ") && node.getAttribute && node.getAttribute("data-key") && node.tagName.toLowerCase() === "path") {
      ev.preventDefault();
      show(node.getAttribute("data-key"));
    }
  });
  var closer = panel.querySelector(".sheet-close");
  if (closer) { closer.addEventListener("click", function () { panel.classList.remove("open"); }); }
  if (slider && data.dates.length) {
    slider.addEventListener("input", function () {
      var i = parseInt(slider.value, 10);
      asOf = i >= data.dates.length - 1 ? null : data.dates[i];
      if (sliderLabel) { sliderLabel.textContent = data.dates[i]; }
      replay();
    });
  }
})();
