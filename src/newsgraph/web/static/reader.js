// Article reader: click a highlighted phrase (or a fact in the side lists) to see its fact.
// Text goes into the page with textContent only, never innerHTML: fact values are scraped text.
"use strict";
(function () {
  var dataNode = document.getElementById("fact-data");
  var textNode = document.getElementById("article-text");
  var cards = document.getElementById("fact-cards");
  var hint = document.getElementById("fact-hint");
  var panel = document.getElementById("fact-panel");
  var closer = panel ? panel.querySelector(".sheet-close") : null;
  if (!dataNode || !textNode || !cards) { return; }
  var facts = {};
  try { facts = JSON.parse(dataNode.textContent || "{}"); } catch (e) { facts = {}; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function card(id) {
    var f = facts[id];
    if (!f) { return null; }
    var box = el("div", "fact-card fact-card-" + f.kind);
    box.setAttribute("data-fact-id", id);
    var head = el("div", "fact-card-head");
    head.appendChild(el("span", "badge fact-" + f.kind, f.kind));
    head.appendChild(el("span", "fact-label", f.label || ""));
    box.appendChild(head);
    var dl = el("dl", "fact-fields");
    Object.keys(f.fields || {}).forEach(function (key) {
      dl.appendChild(el("dt", null, key));
      dl.appendChild(el("dd", null, f.fields[key] === true ? "yes" : f.fields[key]));
    });
    box.appendChild(dl);
    if (f.evidence && f.evidence.sentence) {
      box.appendChild(el("blockquote", "evidence", f.evidence.sentence));
      box.appendChild(el("div", "span-info", "characters " + f.evidence.start + "–" + f.evidence.end));
    }
    if (f.entity_id) {
      var link = el("a", "entity-link", "Open the entity page");
      link.href = "/entities/" + encodeURIComponent(f.entity_id);
      box.appendChild(link);
    }
    return box;
  }

  function show(ids) {
    while (cards.firstChild) { cards.removeChild(cards.firstChild); }
    var seen = {};
    ids.forEach(function (id) {
      if (seen[id]) { return; }
      seen[id] = true;
      var c = card(id);
      if (c) { cards.appendChild(c); }
    });
    if (hint) { hint.hidden = cards.childNodes.length > 0; }
    // On a phone the panel is a bottom sheet (app.css): it slides up over the text just tapped.
    if (panel) { panel.classList.toggle("open", cards.childNodes.length > 0); }
    Array.prototype.forEach.call(textNode.querySelectorAll("mark.active"), function (m) { m.classList.remove("active"); });
    if (ids.length) {
      Array.prototype.forEach.call(textNode.querySelectorAll("mark.fact"), function (m) {
        if (m.getAttribute("data-fact-id") === ids[0]) { m.classList.add("active"); }
      });
    }
  }

  function chain(node) {
    var ids = [];
    while (node && node !== textNode) {
      if (node.nodeType === 1 && node.classList.contains("fact")) { ids.push(node.getAttribute("data-fact-id")); }
      node = node.parentNode;
    }
    return ids;
  }

  function open(id, scroll) {
    show([id]);
    if (scroll) {
      var marks = textNode.querySelectorAll("mark.fact");
      for (var i = 0; i < marks.length; i++) {
        if (marks[i].getAttribute("data-fact-id") === id) { marks[i].scrollIntoView({ block: "center" }); break; }
      }
    }
  }

  if (closer) {
    closer.addEventListener("click", function () { panel.classList.remove("open"); });
  }
  textNode.addEventListener("click", function (ev) {
    var ids = chain(ev.target);
    if (ids.length) { show(ids); }
  });
  textNode.addEventListener("keydown", function (ev) {
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.classList && ev.target.classList.contains("fact")) {
      ev.preventDefault();
      show(chain(ev.target));
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll(".fact-link"), function (button) {
    button.addEventListener("click", function () { open(button.getAttribute("data-fact-id"), true); });
  });
  var match = /^#fact=([a-z]+-\d+)$/.exec(window.location.hash || "");
  if (match && facts[match[1]]) { open(match[1], true); }
})();

// Related articles: fetched after the page shows (ranking them is the slow part of an article).
(function () {
  var list = document.getElementById("related-list");
  if (!list || !window.fetch) { return; }
  fetch(list.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : { data: [] }; })
    .then(function (body) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var items = (body && body.data) || [];
      if (!items.length) {
        var none = document.createElement("li");
        none.className = "empty";
        none.textContent = "None found.";
        list.appendChild(none);
      }
      items.forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = "/articles/" + encodeURIComponent(r.id);
        a.textContent = r.title;
        var why = document.createElement("span");
        why.className = "reason";
        why.textContent = " " + (r.reason || "");
        li.appendChild(a);
        li.appendChild(why);
        list.appendChild(li);
      });
    })
    .catch(function () { /* the JSON link stays */ });
})();
