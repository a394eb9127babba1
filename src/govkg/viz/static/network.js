// Draws the network of a page from the JSON in #graph-data with the vendored vis-network.
// Tooltips are built as DOM text (never HTML) so document text cannot inject markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var status = document.getElementById("net-status");
  var container = document.getElementById("network");

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

  var nodes = data.nodes.map(function (n) {
    var m = Object.assign({}, n);
    m.title = tooltip(n.tip);
    delete m.tip;
    return m;
  });
  var edges = data.edges.map(function (e, i) {
    var m = Object.assign({ id: "e" + i }, e);
    m.title = tooltip(e.tip);
    delete m.tip;
    return m;
  });

  function done(reason) {
    network.setOptions({ physics: false });
    container.dataset.drawn = String(network.body.data.nodes.length);
    status.textContent = "已完成 drawn (" + reason + ")";
    window.govkgDrawnAt = performance.now();
  }

  var network = new vis.Network(container, {
    nodes: new vis.DataSet(nodes),
    edges: new vis.DataSet(edges)
  }, data.options);
  window.govkgNetwork = network;

  // stop physics once the layout has settled, so big pictures stay still and cheap
  network.once("stabilizationIterationsDone", function () { done("stabilised"); });
  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局中 laying out " + Math.round(100 * p.iterations / p.total) + "%";
  });
  if (nodes.length === 0) { done("empty"); }

  network.on("doubleClick", function () { network.fit(); });
  network.on("click", function (params) {
    if (params.nodes.length !== 1) return;
    var node = network.body.data.nodes.get(params.nodes[0]);
    if (node && node.href) window.location.href = node.href;
  });
})();
