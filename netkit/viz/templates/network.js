(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("nk-data").textContent);
  var N = D.nodes, E = D.edges, n = N.id.length, m = E.from.length;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined) { return "–"; }
    if (typeof v === "number") {
      if (Number.isInteger(v)) { return v.toLocaleString("en"); }
      return Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4);
    }
    return String(v);
  }
  var cats = D.categories, colors = D.colors, regions = D.regions;
  // --- node and edge items (tooltips are plain text: vis-network sets innerText) ---
  // labels: the largest nodes' are drawn at once, every other one appears when zoomed in
  // (vis-network skips a label whose on-screen size is below drawThreshold)
  var degree = new Array(n).fill(0);
  for (var d = 0; d < m; d++) { degree[E.from[d]] += 1; degree[E.to[d]] += 1; }
  var nIsolated = degree.filter(function (k) { return k === 0; }).length;
  var nodeItems = new Array(n);
  for (var i = 0; i < n; i++) {
    var tip = N.label[i] + "\n" + D.color_by + ": " + cats[N.cat[i]];
    if (N.region[i] >= 0) { tip += "\nregion: " + regions[N.region[i]]; }
    if (D.size_by) { tip += "\n" + D.size_by + ": " + fmt(N.value[i]); }
    nodeItems[i] = {
      id: i, x: N.x[i], y: N.y[i], size: N.size[i], title: tip,
      color: colors[N.cat[i]], label: N.label[i],
      font: { size: N.show_label[i] ? 14 : 5 }
    };
  }
  var wmax = 1;
  for (var q = 0; q < m; q++) { if (E.weight[q] > wmax) { wmax = E.weight[q]; } }
  var edgeItems = new Array(m);
  for (var j = 0; j < m; j++) {
    var et = N.label[E.from[j]] + " — " + N.label[E.to[j]] + "\n" + fmt(E.count[j]) + " joint event(s)";
    if (E.y0[j] !== null) { et += ", " + E.y0[j] + "–" + E.y1[j]; }
    edgeItems[j] = { id: j, from: E.from[j], to: E.to[j], width: 1 + 5 * Math.log1p(Math.max(E.weight[j], 0)) / Math.log1p(wmax), title: et };
  }
  var nodes = new vis.DataSet(nodeItems), edges = new vis.DataSet(edgeItems);
  var state = { cats: {}, region: -1, y0: D.years[0], y1: D.years[1], isolated: false };
  for (var c = 0; c < cats.length; c++) { state.cats[c] = true; }
  var fullYears = function () { return state.y0 <= D.years[0] && state.y1 >= D.years[1]; };
  var nodeOk = function (i) {
    if (!state.cats[N.cat[i]]) { return false; }
    if (degree[i] === 0 && !state.isolated) { return false; }
    if (state.region >= 0 && N.region[i] !== state.region) { return false; }
    if (N.y0[i] === null) { return fullYears(); }
    return N.y1[i] >= state.y0 && N.y0[i] <= state.y1;
  };
  var edgeOk = function (j) {
    if (E.y0[j] !== null && (E.y1[j] < state.y0 || E.y0[j] > state.y1)) { return false; }
    return nodeOk(E.from[j]) && nodeOk(E.to[j]);
  };
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return nodeOk(item.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (item) { return edgeOk(item.id); } });
  var options = {
    physics: D.physics ? { stabilization: { iterations: 150 }, barnesHut: { gravitationalConstant: -3000, springLength: 120 } } : false,
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: m > 20000, hideEdgesOnZoom: m > 20000 },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 12, face: "system-ui, sans-serif" },
             scaling: { label: { drawThreshold: 9 } } },
    edges: { color: { color: "rgba(120,120,120,0.35)", highlight: "#333", hover: "#555" }, smooth: false, selectionWidth: 2 },
    layout: { improvedLayout: false }
  };
  var container = document.getElementById("nk-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  window.nkNetwork = network;
  window.nkView = { nodes: nodeView, edges: edgeView, data: D };
  // --- legend with sector (category) filters ---
  var legend = document.getElementById("nk-legend");
  var counts = new Array(cats.length).fill(0);
  for (var k = 0; k < n; k++) { counts[N.cat[k]] += 1; }
  cats.forEach(function (name, idx) {
    var lab = el("label"), box = el("input"), sw = el("span", null, "nk-swatch");
    box.type = "checkbox"; box.checked = true; box.dataset.cat = String(idx);
    sw.style.background = colors[idx];
    lab.appendChild(box); lab.appendChild(sw);
    lab.appendChild(document.createTextNode(name + " (" + counts[idx].toLocaleString("en") + ")"));
    box.addEventListener("change", function () { state.cats[idx] = box.checked; refresh(); });
    legend.appendChild(lab);
  });
  // --- region filter ---
  var regionSel = document.getElementById("nk-region");
  regions.forEach(function (name, idx) {
    var o = el("option", name); o.value = String(idx); regionSel.appendChild(o);
  });
  regionSel.addEventListener("change", function () { state.region = parseInt(regionSel.value, 10); refresh(); });
  // --- year range ---
  var yf = document.getElementById("nk-year-from"), yt = document.getElementById("nk-year-to");
  if (D.years[0] !== null) {
    yf.min = yt.min = String(D.years[0]); yf.max = yt.max = String(D.years[1]);
    yf.value = String(D.years[0]); yt.value = String(D.years[1]);
    var onYears = function () {
      var a = parseInt(yf.value, 10), b = parseInt(yt.value, 10);
      state.y0 = isNaN(a) ? D.years[0] : a; state.y1 = isNaN(b) ? D.years[1] : b; refresh();
    };
    yf.addEventListener("change", onYears); yt.addEventListener("change", onYears);
  } else { yf.disabled = yt.disabled = true; }
  // --- organisations without ties: hidden unless asked for ---
  var isolatedBox = document.getElementById("nk-isolated");
  document.getElementById("nk-isolated-count").textContent = nIsolated.toLocaleString("en");
  isolatedBox.disabled = nIsolated === 0;
  isolatedBox.addEventListener("change", function () { state.isolated = isolatedBox.checked; refresh(); });
  var filterResult = document.getElementById("nk-filter-result");
  function refresh() {
    nodeView.refresh(); edgeView.refresh();
    filterResult.textContent = nodeView.length.toLocaleString("en") + " organisations and " +
      edgeView.length.toLocaleString("en") + " ties shown" +
      (nIsolated && !state.isolated ? " (" + nIsolated.toLocaleString("en") + " without ties hidden)" : "");
  }
  refresh();
  // --- details panel ---
  var details = document.getElementById("nk-details");
  function table(rows) {
    var t = el("table");
    rows.forEach(function (r) {
      var tr = el("tr"); tr.appendChild(el("td", r[0]));
      var text = /year/.test(r[0]) && typeof r[1] === "number" ? String(r[1]) : fmt(r[1]);
      tr.appendChild(el("td", text, typeof r[1] === "number" ? "num" : ""));
      t.appendChild(tr);
    });
    return t;
  }
  function showNode(i) {
    details.replaceChildren();
    details.appendChild(el("h3", N.label[i]));
    var rows = [["id", N.id[i]], [D.color_by, cats[N.cat[i]]]];
    if (N.region[i] >= 0) { rows.push(["region", regions[N.region[i]]]); }
    Object.keys(N.attrs).forEach(function (a) { var v = N.attrs[a][i]; if (v !== null && v !== "") { rows.push([a, v]); } });
    D.metric_names.forEach(function (name, c) { rows.push([name, D.metric_values[c][i]]); });
    details.appendChild(table(rows));
  }
  function showEdge(j) {
    details.replaceChildren();
    details.appendChild(el("h3", N.label[E.from[j]] + " — " + N.label[E.to[j]]));
    var rows = [["joint events", E.count[j]], ["weight", E.weight[j]]];
    if (E.y0[j] !== null) { rows.push(["years", E.y0[j] + "–" + E.y1[j]]); }
    Object.keys(E.layers).forEach(function (a) { rows.push([a, E.layers[a][j]]); });
    details.appendChild(table(rows));
    if (D.events) {
      var list = D.events.ev.slice(D.events.ptr[j], D.events.ptr[j + 1]);
      details.appendChild(el("h4", "Events behind this tie (" + list.length + (E.count[j] > list.length ? " of " + E.count[j] : "") + ")"));
      var ol = el("ol");
      list.forEach(function (ev) {
        var yr = D.events.year[ev];
        ol.appendChild(el("li", D.events.kinds[D.events.kind[ev]] + ", " + (yr === null ? "year unknown" : yr) + ": " + D.events.title[ev]));
      });
      details.appendChild(ol);
    }
  }
  network.on("click", function (p) {
    if (p.nodes.length) { showNode(p.nodes[0]); } else if (p.edges.length) { showEdge(p.edges[0]); }
  });
  window.nkShowNode = showNode; window.nkShowEdge = showEdge;
  // --- search ---
  var search = document.getElementById("nk-search"), result = document.getElementById("nk-search-result");
  var lower = N.label.map(function (s) { return s.toLowerCase(); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var q = search.value.trim().toLowerCase();
    if (!q) { result.textContent = ""; network.unselectAll(); return; }
    var hits = [];
    for (var i = 0; i < n; i++) { if ((lower[i].indexOf(q) >= 0 || N.id[i].toLowerCase() === q) && nodeOk(i)) { hits.push(i); } }
    result.textContent = hits.length ? hits.length + " match(es); showing " + N.label[hits[0]] : "no match among the organisations shown";
    if (hits.length) {
      network.selectNodes(hits.slice(0, 200));
      network.focus(hits[0], { scale: 1.2, animation: false });
      showNode(hits[0]);
    }
  });
  network.once("afterDrawing", function () { document.body.dataset.rendered = "1"; });
})();
