// Actor network: nodes and edges from /api/events/network, laid out by a small force simulation.
// Deterministic (nodes start on a circle, fixed number of steps); labels set with textContent.
"use strict";
(function () {
  var svg = document.getElementById("network");
  var status = document.getElementById("network-status");
  var legend = document.getElementById("network-legend");
  if (!svg) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var W = 900, H = 600;

  function say(text) { if (status) { status.textContent = text; } }

  function node(tag, attrs, cls) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (cls) { n.setAttribute("class", cls); }
    return n;
  }

  function layout(nodes, edges) {
    var index = {};
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / Math.max(nodes.length, 1);
      n.x = W / 2 + Math.cos(a) * W / 3;
      n.y = H / 2 + Math.sin(a) * H / 3;
      index[n.id] = n;
    });
    var links = edges.map(function (e) { return { s: index[e.source], t: index[e.target], e: e }; })
      .filter(function (l) { return l.s && l.t; });
    var k = Math.sqrt(W * H / Math.max(nodes.length, 1)) * 0.45;
    for (var step = 0; step < 250; step++) {
      var temp = 20 * (1 - step / 250) + 0.5;
      nodes.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var f = k * k / d;
          a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      links.forEach(function (l) {
        var dx = l.s.x - l.t.x, dy = l.s.y - l.t.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = d * d / k;
        l.s.dx -= dx / d * f; l.s.dy -= dy / d * f; l.t.dx += dx / d * f; l.t.dy += dy / d * f;
      });
      nodes.forEach(function (n) {
        n.dx += (W / 2 - n.x) * 0.6; n.dy += (H / 2 - n.y) * 0.6;  // gravity: keeps components on the canvas
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 0.01;
        n.x = Math.min(W - 120, Math.max(30, n.x + n.dx / d * Math.min(d, temp)));
        n.y = Math.min(H - 20, Math.max(20, n.y + n.dy / d * Math.min(d, temp)));
      });
    }
    return links;
  }

  function draw(data) {
    var nodes = data.nodes || [], edges = data.edges || [];
    if (!nodes.length) { say("No events with an actor and a target for these filters."); return; }
    var links = layout(nodes, edges);
    var defs = node("defs", {});
    var marker = node("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "18", refY: "5", markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" });
    marker.appendChild(node("path", { d: "M 0 0 L 10 5 L 0 10 z" }, "arrowhead"));
    defs.appendChild(marker);
    svg.appendChild(defs);
    var types = {};
    links.forEach(function (l) {
      types[l.e.type] = true;
      var line = node("line", { x1: l.s.x.toFixed(1), y1: l.s.y.toFixed(1), x2: l.t.x.toFixed(1), y2: l.t.y.toFixed(1),
        "stroke-width": String(Math.min(1 + l.e.events, 8)), "marker-end": "url(#arrow)" }, "edge t-" + l.e.type);
      var title = node("title", {});
      title.textContent = l.s.label + " → " + l.t.label + ": " + l.e.type + " × " + l.e.events;
      line.appendChild(title);
      svg.appendChild(line);
    });
    nodes.forEach(function (n) {
      var g = node("g", { transform: "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")" }, "node kind-" + n.kind);
      g.setAttribute("data-node-id", n.id);
      g.appendChild(node("circle", { r: String(Math.min(5 + n.events, 16)) }));
      var label = node("text", { x: "10", y: "4" });
      label.textContent = n.label;
      g.appendChild(label);
      if (n.entity_id) {
        g.classList.add("link");
        g.addEventListener("click", function () { window.location.href = "/entities/" + encodeURIComponent(n.entity_id); });
      }
      svg.appendChild(g);
    });
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
    say(nodes.length + " actors, " + edges.length + " links.");
  }

  fetch(svg.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
    .then(function (res) {
      if (!res.ok) { say(res.body && res.body.error ? res.body.error.message : "Could not load the network."); return; }
      draw(res.body);
    })
    .catch(function () { say("Could not load the network."); });
})();
