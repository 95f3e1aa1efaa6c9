// Actor network: nodes and edges from /api/events/network, laid out by a small force simulation
// (repulsion between every pair, springs along edges, a weak pull to the centre), deterministic:
// nodes start on a spiral by degree and the simulation runs a fixed number of steps. Then: wheel or
// pinch to zoom, drag the background to pan, drag a node to move it, hover (tap) for its counts,
// click (second tap) to open its page. Labels go in with textContent only.
"use strict";
(function () {
  var svg = document.getElementById("network");
  var box = document.getElementById("network-box");
  var tip = document.getElementById("node-tip");
  var status = document.getElementById("network-status");
  var legend = document.getElementById("network-legend");
  if (!svg || !box) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var STEPS = 300, LABELS = 30;
  var W = 900, H = 600;
  var view = { k: 1, x: 0, y: 0 };
  var nodes = [], links = [], byId = {}, viewport = null;
  var tipFor = null;

  function say(text) { if (status) { status.textContent = text; } }
  function make(tag, attrs, cls) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (cls) { n.setAttribute("class", cls); }
    return n;
  }
  function radius(n) { return 4 + 2.4 * Math.sqrt(n.degree || 1); }
  function width(e) { return Math.min(1 + 1.6 * Math.log2(e.events), 9); }
  function href(n) {
    if (n.entity_id) { return "/entities/" + encodeURIComponent(n.entity_id); }
    return n.country ? "/timeline?country=" + encodeURIComponent(n.country) : null;
  }

  function layout() {
    nodes.sort(function (a, b) { return (b.degree - a.degree) || (a.id < b.id ? -1 : 1); });
    nodes.forEach(function (n, i) {  // a sunflower spiral: hubs in the middle
      var r = 12 * Math.sqrt(i + 0.5), a = i * 2.39996;
      n.x = r * Math.cos(a); n.y = r * Math.sin(a); n.vx = 0; n.vy = 0;
    });
    var charge = 420, length = 80;
    for (var step = 0; step < STEPS; step++) {
      var alpha = Math.pow(0.001, step / STEPS);
      for (var i = 0; i < nodes.length; i++) {
        var a = nodes[i];
        for (var j = i + 1; j < nodes.length; j++) {
          var b = nodes[j], dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy || 0.01;
          if (d2 > 250000) { continue; }
          var f = charge * alpha / d2;
          a.vx -= dx * f; a.vy -= dy * f; b.vx += dx * f; b.vy += dy * f;
        }
      }
      links.forEach(function (l) {
        var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = (d - length) / d * alpha * 0.3 / Math.min(l.s.degree, l.t.degree);
        l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
      });
      nodes.forEach(function (n) {
        n.vx -= n.x * 0.006; n.vy -= n.y * 0.006;  // gravity at every step: components stay close
        n.vx *= 0.6; n.vy *= 0.6;
        n.x += n.vx; n.y += n.vy;
      });
    }
  }

  function apply() {
    viewport.setAttribute("transform", "translate(" + view.x.toFixed(1) + "," + view.y.toFixed(1) + ") scale(" + view.k.toFixed(4) + ")");
    // Labels and strokes keep their size on screen whatever the zoom.
    viewport.setAttribute("font-size", (12 / view.k).toFixed(3));
    nodes.forEach(function (n) { n.text.setAttribute("stroke-width", (3 / view.k).toFixed(3)); });
    declutter();
  }

  // Show the labels of the best-connected nodes first, each only where it overlaps no label shown before.
  function declutter() {
    var placed = [], shown = 0;
    nodes.forEach(function (n) {
      var x = view.x + n.x * view.k, y = view.y + n.y * view.k;
      var w = 7 * n.name.length + radius(n) + 4, box = { x0: x - radius(n), y0: y - 9, x1: x + w, y1: y + 9 };
      var free = shown < LABELS && x > 0 && x < W && y > 0 && y < H && placed.every(function (b) {
        return box.x1 < b.x0 || box.x0 > b.x1 || box.y1 < b.y0 || box.y0 > b.y1;
      });
      n.text.setAttribute("class", free ? "label shown" : "label");
      if (free) { placed.push(box); shown++; }
    });
  }

  function fit() {
    if (!nodes.length) { return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    });
    var pad = 40, k = Math.min((W - 2 * pad) / Math.max(x1 - x0, 1), (H - 2 * pad) / Math.max(y1 - y0, 1), 2.5);
    view = { k: k, x: W / 2 - k * (x0 + x1) / 2, y: H / 2 - k * (y0 + y1) / 2 };
    apply();
  }

  function zoomAt(factor, px, py) {
    var k = Math.min(Math.max(view.k * factor, 0.1), 12);
    view.x = px - (px - view.x) * k / view.k;
    view.y = py - (py - view.y) * k / view.k;
    view.k = k;
    apply();
  }

  function place(n) {
    n.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
    n.links.forEach(function (l) {
      // The arrow stops at the target's rim, where its head shows.
      var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1, back = (radius(l.t) + 1.5) / d;
      l.line.setAttribute("x1", l.s.x.toFixed(1)); l.line.setAttribute("y1", l.s.y.toFixed(1));
      l.line.setAttribute("x2", (l.t.x - dx * back).toFixed(1)); l.line.setAttribute("y2", (l.t.y - dy * back).toFixed(1));
    });
  }

  function showTip(n) {
    tipFor = n;
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    var name = document.createElement("strong");
    name.textContent = n.name;
    tip.appendChild(name);
    var lines = [n.kind + (n.country && n.kind !== "country" ? " · " + n.country : ""),
      n.events + " events: " + n.as_actor + " as actor, " + n.as_target + " as target",
      n.degree + " neighbour" + (n.degree === 1 ? "" : "s") + " here"];
    lines.forEach(function (t) { var d = document.createElement("div"); d.textContent = t; tip.appendChild(d); });
    var link = href(n);
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.className = "tap";
      a.textContent = n.entity_id ? "Open its page" : "Its events";
      tip.appendChild(a);
    }
    var rect = box.getBoundingClientRect(), sr = svg.getBoundingClientRect();
    var px = sr.left - rect.left + (view.x + n.x * view.k) * sr.width / W;
    var py = sr.top - rect.top + (view.y + n.y * view.k) * sr.height / H;
    tip.hidden = false;
    tip.setAttribute("data-node-id", n.id);
    var left = Math.min(Math.max(px + 12, 4), rect.width - tip.offsetWidth - 4);
    var top = py + 12 + tip.offsetHeight > rect.height ? py - tip.offsetHeight - 12 : py + 12;
    tip.style.left = Math.max(left, 4) + "px";
    tip.style.top = Math.max(top, 4) + "px";
    svg.classList.add("focus");
    nodes.forEach(function (m) { m.g.classList.remove("near"); });
    n.g.classList.add("near");
    n.links.forEach(function (l) { l.s.g.classList.add("near"); l.t.g.classList.add("near"); l.line.classList.add("near"); });
  }
  function hideTip() {
    tipFor = null;
    tip.hidden = true;
    svg.classList.remove("focus");
    nodes.forEach(function (m) { m.g.classList.remove("near"); });
    links.forEach(function (l) { l.line.classList.remove("near"); });
  }

  function toSvg(ev) {
    var r = svg.getBoundingClientRect();
    return { x: (ev.clientX - r.left) * W / r.width, y: (ev.clientY - r.top) * H / r.height };
  }

  function interact() {
    var pointers = {}, drag = null, pinch = null;
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var p = toSvg(ev);
      zoomAt(Math.exp(-ev.deltaY * 0.0015), p.x, p.y);
    }, { passive: false });
    svg.addEventListener("pointerdown", function (ev) {
      pointers[ev.pointerId] = toSvg(ev);
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), k: view.k };
        drag = null;
        return;
      }
      var g = ev.target.closest ? ev.target.closest("g.node") : null;
      var p = toSvg(ev);
      drag = { node: g ? byId[g.getAttribute("data-node-id")] : null, start: p, last: p, moved: false, type: ev.pointerType };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (pointers[ev.pointerId]) { pointers[ev.pointerId] = toSvg(ev); }
      var ids = Object.keys(pointers);
      if (pinch && ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        zoomAt(pinch.k * Math.hypot(a.x - b.x, a.y - b.y) / pinch.d / view.k, (a.x + b.x) / 2, (a.y + b.y) / 2);
        return;
      }
      if (!drag) {
        var g = ev.target.closest ? ev.target.closest("g.node") : null;
        if (g && ev.pointerType === "mouse") { showTip(byId[g.getAttribute("data-node-id")]); }
        else if (!g && tipFor && ev.pointerType === "mouse" && !tip.contains(ev.target)) { hideTip(); }
        return;
      }
      var p = toSvg(ev);
      if (Math.hypot(p.x - drag.start.x, p.y - drag.start.y) > 4) { drag.moved = true; }
      if (!drag.moved) { return; }
      if (tipFor) { hideTip(); }
      if (drag.node) {
        drag.node.x += (p.x - drag.last.x) / view.k;
        drag.node.y += (p.y - drag.last.y) / view.k;
        place(drag.node);
      } else {
        view.x += p.x - drag.last.x;
        view.y += p.y - drag.last.y;
        apply();
      }
      drag.last = p;
    });
    function end(ev) {
      delete pointers[ev.pointerId];
      if (pinch) { if (Object.keys(pointers).length < 2) { pinch = null; } return; }
      var d = drag;
      drag = null;
      if (!d || d.moved) { return; }
      if (!d.node) { if (d.type !== "mouse") { hideTip(); } return; }
      // A click opens the node's page; a first tap on a touch screen shows its counts instead.
      if (d.type !== "mouse" && tipFor !== d.node) { showTip(d.node); return; }
      var link = href(d.node);
      if (link) { window.location.href = link; }
    }
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", function (ev) { delete pointers[ev.pointerId]; drag = null; pinch = null; });
    var zin = document.getElementById("zoom-in"), zout = document.getElementById("zoom-out"), zfit = document.getElementById("zoom-fit");
    if (zin) { zin.addEventListener("click", function () { zoomAt(1.4, W / 2, H / 2); }); }
    if (zout) { zout.addEventListener("click", function () { zoomAt(1 / 1.4, W / 2, H / 2); }); }
    if (zfit) { zfit.addEventListener("click", fit); }
  }

  function draw(data) {
    nodes = (data.nodes || []).map(function (n) { return Object.assign({ links: [], name: n.label }, n); });
    nodes.forEach(function (n) { byId[n.id] = n; });
    links = (data.edges || []).map(function (e) { return { s: byId[e.source], t: byId[e.target], e: e }; })
      .filter(function (l) { return l.s && l.t; });
    links.forEach(function (l) { l.s.links.push(l); l.t.links.push(l); });
    if (!nodes.length) { say("No events between two named actors for these filters."); return; }
    W = Math.max(box.clientWidth, 300);
    H = W < 600 ? 460 : 620;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("width", String(W));
    svg.setAttribute("height", String(H));
    layout();
    var defs = make("defs");
    var marker = make("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerUnits: "userSpaceOnUse",
      markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" });
    marker.appendChild(make("path", { d: "M 0 0 L 10 5 L 0 10 z" }, "arrowhead"));
    defs.appendChild(marker);
    svg.appendChild(defs);
    viewport = make("g", {}, "viewport");
    svg.appendChild(viewport);
    var types = {};
    links.forEach(function (l) {
      types[l.e.type] = true;
      l.line = make("line", { "stroke-width": width(l.e).toFixed(1), "marker-end": "url(#arrow)",
        "vector-effect": "non-scaling-stroke" }, "edge t-" + l.e.type);
      var title = make("title");
      title.textContent = l.s.name + " → " + l.t.name + ": " + l.e.type + " × " + l.e.events;
      l.line.appendChild(title);
      viewport.appendChild(l.line);
    });
    nodes.forEach(function (n) {
      n.g = make("g", { "data-node-id": n.id }, "node kind-" + n.kind + (href(n) ? " link" : ""));
      if (n.entity_id) { n.g.setAttribute("data-entity-id", n.entity_id); }
      n.g.appendChild(make("circle", { r: radius(n).toFixed(1), "vector-effect": "non-scaling-stroke" }));
      n.text = make("text", { x: (radius(n) + 3).toFixed(1), y: "4" }, "label");
      n.text.textContent = n.name;
      n.g.appendChild(n.text);
      viewport.appendChild(n.g);
    });
    nodes.forEach(place);
    fit();
    interact();
    if (legend) {
      Object.keys(types).sort().forEach(function (t) {
        var li = document.createElement("li");
        var sw = document.createElement("span");
        sw.className = "swatch t-" + t;
        li.appendChild(sw);
        li.appendChild(document.createTextNode(t));
        legend.appendChild(li);
      });
    }
    say(nodes.length + " actors, " + links.length + " links.");
  }

  fetch(svg.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
    .then(function (res) {
      if (!res.ok) { say(res.body && res.body.error ? res.body.error.message : "Could not load the network."); return; }
      draw(res.body);
    })
    .catch(function () { say("Could not load the network."); });
})();
