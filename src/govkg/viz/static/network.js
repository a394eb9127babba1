// Draws the network of a page from the JSON in #graph-data with the vendored vis-network.
// Tooltips and the info panel are built as DOM text (never HTML) so document text cannot inject markup.
// Physics settles, then stops; labels that would overlap a better connected node's are hidden;
// a click shows a node's details, a double-click (or the panel's button) adds its neighbours.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var status = document.getElementById("net-status");
  var container = document.getElementById("network");
  var info = document.getElementById("net-info");
  var hidden = {};

  function tooltip(lines) {
    var box = document.createElement("div");
    box.className = "net-tip";
    (lines || []).forEach(function (kv) {
      if (!kv[1] && kv[1] !== 0) return;
      var row = document.createElement("div");
      var key = document.createElement("b");
      key.textContent = kv[0] + "：";
      row.appendChild(key);
      row.appendChild(document.createTextNode(String(kv[1])));
      box.appendChild(row);
    });
    return box;
  }

  function prepNode(n) {
    var m = Object.assign({}, n);
    m.title = tooltip(n.tip);
    m.short = n.label;
    return m;
  }
  function prepEdge(e) {
    var m = Object.assign({}, e);
    m.title = tooltip(e.tip);
    return m;
  }

  var layout = data.options.govkg || null;
  delete data.options.govkg;
  // a phone's screen: the layered picture two columns wide, read at full size by scrolling down
  var narrow = layout && container.clientWidth < 640;
  if (narrow) {
    data.nodes.forEach(function (n) { if (n.nx !== undefined) { n.x = n.nx; n.y = n.ny; } });
  }
  var nodes = new vis.DataSet(data.nodes.map(prepNode));
  var edges = new vis.DataSet(data.edges.map(prepEdge));
  var view = new vis.DataView(nodes, { filter: function (n) { return !hidden[n.kind]; } });
  var network = new vis.Network(container, { nodes: view, edges: edges }, data.options);
  window.govkgNetwork = network;

  function overlaps(a, b) {
    return !(a.right < b.left || a.left > b.right || a.bottom < b.top || a.top > b.bottom);
  }

  // a node's box with its label below it, measured here: vis measures only what it has drawn,
  // and it draws no node outside the view
  var measure = document.createElement("canvas").getContext("2d");
  var face = (data.options.nodes && data.options.nodes.font && data.options.nodes.font.face) || "sans-serif";
  function box(n) {
    var p = network.getPositions([n.id])[n.id];
    var fs = (n.font && n.font.size) || 14, size = n.size || 10;
    measure.font = fs + "px " + face;
    var w = n.short ? measure.measureText(n.short).width + 4 : 2 * size;
    return { left: p.x - Math.max(w / 2, size), right: p.x + Math.max(w / 2, size), top: p.y - size,
             bottom: p.y + size + (n.short ? fs * 1.3 + 4 : 0) };
  }

  // greedy by degree: a label is shown only where it covers no better connected node or label
  function declutter() {
    var shown = view.get().sort(function (a, b) {
      return (b.borderWidth - a.borderWidth) || (b.degree - a.degree) || (a.id < b.id ? -1 : 1);
    });
    var kept = [], updates = [];
    shown.forEach(function (n) {
      var b = box(n);
      var clash = kept.some(function (k) { return overlaps(b, k); });
      if (clash) {
        var p = network.getPositions([n.id])[n.id], size = n.size || 10;
        kept.push({ left: p.x - size, right: p.x + size, top: p.y - size, bottom: p.y + size });
      } else {
        kept.push(b);
      }
      var want = clash ? "" : n.short;
      if (n.label !== want) updates.push({ id: n.id, label: want });
    });
    if (updates.length) nodes.update(updates);
    container.dataset.hiddenLabels = String(view.get().filter(function (n) { return !n.label; }).length);
  }

  function done(reason) {
    network.setOptions({ physics: false });
    network.once("afterDrawing", function () {
      declutter();
      container.dataset.drawn = String(view.length);
      status.textContent = "已完成 drawn (" + reason + ")";
      window.govkgDrawnAt = performance.now();
    });
    network.redraw();
  }

  function fitView() {
    if (!narrow) { network.fit(); return; }
    var scale = Math.min(1, container.clientWidth / layout.narrowWidth);
    network.moveTo({ position: { x: 0, y: (container.clientHeight / 2) / scale - 40 }, scale: scale });
  }

  if (data.options.physics && data.options.physics.enabled === false) {
    fitView();
    done("layered");
  } else {
    network.once("stabilizationIterationsDone", function () { done("stabilised"); });
    network.on("stabilizationProgress", function (p) {
      status.textContent = "布局中 laying out " + Math.round(100 * p.iterations / p.total) + "%";
    });
  }
  if (data.nodes.length === 0) { done("empty"); }

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) el.className = cls;
    return el;
  }

  function showInfo(node) {
    info.textContent = "";
    info.appendChild(text("h3", node.name || node.short));
    info.appendChild(tooltip((node.tip || []).slice(1)));
    if (node.href) {
      var open = text("a", "打开页面 open page", "button small");
      open.id = "net-open";
      open.href = node.href;
      info.appendChild(open);
      var more = text("button", "展开邻居 expand", "button small");
      more.id = "net-expand";
      more.type = "button";
      more.addEventListener("click", function () { expand(node); });
      info.appendChild(more);
    }
  }

  function expand(node) {
    if (!node.entity) return;
    status.textContent = "展开中 expanding…";
    var url = "/viz/neighbours/" + encodeURIComponent(node.kind) + "/" + encodeURIComponent(node.entity) + "?max_nodes=40";
    fetch(url).then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); }).then(function (d) {
      var at = network.getPositions([node.id])[node.id] || { x: 0, y: 0 };
      var fresh = d.nodes.filter(function (n) { return !nodes.get(n.id); });
      var radius = Math.max(160, fresh.length * 32 / Math.PI);
      fresh = fresh.map(function (n, i) {
        var m = prepNode(n), a = 2 * Math.PI * i / Math.max(fresh.length, 1);
        m.x = at.x + radius * Math.cos(a);
        m.y = at.y + radius * Math.sin(a);
        m.borderWidth = 1;
        return m;
      });
      nodes.add(fresh);
      edges.update(d.edges.filter(function (e) { return !edges.get(e.id); }).map(prepEdge));
      document.getElementById("net-count").textContent = "节点 nodes: " + view.length + " · 边 edges: " + edges.length;
      container.dataset.expanded = String(fresh.length);
      done("展开 expanded +" + fresh.length);
    }).catch(function (err) { status.textContent = "展开失败 expand failed (" + err + ")"; });
  }

  document.querySelectorAll(".type-filter").forEach(function (box) {
    box.addEventListener("change", function () {
      hidden[box.value] = !box.checked;
      view.refresh();
      document.getElementById("net-count").textContent = "节点 nodes: " + view.length + " · 边 edges: " + edges.length;
      declutter();
    });
  });
  document.getElementById("net-fit").addEventListener("click", function () { network.fit(); });

  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var node = nodes.get(params.nodes[0]);
    if (node) showInfo(node);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length === 1) { expand(nodes.get(params.nodes[0])); } else { network.fit(); }
  });
  window.govkgExpand = function (id) { expand(nodes.get(id)); };
})();
