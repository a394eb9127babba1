// Review controls on an entity page (docs/review.md). The page carries them only when the server has
// GOVKG_REVIEW_TOKEN set; they show once the reviewer gives the token, which is kept in sessionStorage
// and sent as the X-Review-Token header. Every text from the graph goes in with textContent, never as markup.
(function () {
  "use strict";
  var KEY = "govkg-review-token";
  var box = document.getElementById("review");
  var article = document.querySelector("article.entity");
  if (!box || !article) { return; }
  var entityId = article.dataset.id;
  var entityLabel = article.dataset.label;
  var status = document.getElementById("review-status");
  var tools = document.getElementById("review-tools");
  var login = document.getElementById("review-login");

  function say(text) { status.textContent = text; }
  function token() { return sessionStorage.getItem(KEY) || ""; }

  function send(method, url, body) {
    var init = { method: method, headers: { "X-Review-Token": token() } };
    if (body) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(url, init);
  }

  function judge(body, where) {
    body.by = document.getElementById("review-by").value || undefined;
    body.why = document.getElementById("review-why").value || "";
    return send("POST", "/review/judgements", body).then(function (r) {
      return r.json().then(function (data) {
        var text = r.ok ? "已保存 saved " + data.id + ": " + data.judgement + " — 下次构建后生效 shows after the next build"
                        : "未保存 not saved: " + (data.detail || r.status);
        say(text);
        if (where) { where.textContent = r.ok ? "已保存 saved (" + data.id + ")" : "未保存 not saved"; }
        return r.ok;
      });
    }).catch(function () { say("未保存 not saved: the server did not answer"); });
  }

  function edgeTarget(edge) {
    // the row names the other end and this page is the one it leaves from or arrives at, unless the row
    // goes through someone (an agency's people and posts): then it names both ends itself
    var out = edge.dir === "out";
    var t = edge.src ? { edge: edge.edge, src: edge.src, dst: edge.dst }
                     : { edge: edge.edge, src: out ? entityId : edge.other, dst: out ? edge.other : entityId };
    if (edge.role) { t.role = edge.role; }
    if (edge.doc) { t.doc = edge.doc; }
    return t;
  }

  function rowButtons() {
    var rows = document.querySelectorAll("tr[data-edge]");
    Array.prototype.forEach.call(rows, function (tr) {
      if (tr.querySelector(".review-row")) { return; }
      var edge = JSON.parse(tr.dataset.edge);
      var cell = tr.lastElementChild;
      var span = document.createElement("span");
      span.className = "review-row";
      var done = document.createElement("small");
      [["wrong", "✗ 错误 wrong"], ["right", "✓ 正确 right"]].forEach(function (v) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "review-" + v[0];
        b.textContent = v[1];
        b.addEventListener("click", function () { judge({ verdict: v[0], target: edgeTarget(edge) }, done); });
        span.appendChild(b);
      });
      span.appendChild(done);
      cell.appendChild(document.createElement("br"));
      cell.appendChild(span);
    });
  }

  function sameSearch(ev) {
    ev.preventDefault();
    var q = document.getElementById("review-same-q").value.trim();
    var list = document.getElementById("review-same-hits");
    list.textContent = "";
    if (!q) { return; }
    fetch("/search?limit=8&label=" + encodeURIComponent(entityLabel) + "&q=" + encodeURIComponent(q))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        (data.hits || []).filter(function (h) { return h.id !== entityId; }).forEach(function (h) {
          var li = document.createElement("li");
          var name = document.createElement("span");
          name.textContent = h.name + " (" + h.id + ") ";
          var b = document.createElement("button");
          b.type = "button";
          b.className = "review-same-pick";
          b.textContent = "是同一个 the same";
          var done = document.createElement("small");
          b.addEventListener("click", function () {
            judge({ verdict: "same", target: { entity: entityId }, other: h.id }, done);
          });
          li.appendChild(name);
          li.appendChild(b);
          li.appendChild(done);
          list.appendChild(li);
        });
        if (!list.firstChild) { say("没有找到 nothing found"); }
      });
  }

  function open() {
    login.hidden = true;
    tools.hidden = false;
    rowButtons();
    say("审核中 reviewing");
  }

  function check(t) {
    sessionStorage.setItem(KEY, t);
    return send("GET", "/review/check").then(function (r) {
      if (r.status === 204) { open(); return; }
      sessionStorage.removeItem(KEY);
      say(r.status === 403 ? "令牌错误 wrong token" : "需要令牌 a token is needed");
    });
  }

  login.addEventListener("submit", function (ev) {
    ev.preventDefault();
    check(document.getElementById("review-token").value);
  });
  document.getElementById("review-stop").addEventListener("click", function () {
    sessionStorage.removeItem(KEY);
    window.location.reload();
  });
  var fix = document.getElementById("review-fix-name");
  if (fix) {
    fix.addEventListener("submit", function (ev) {
      ev.preventDefault();
      judge({ verdict: "fix", target: { entity: entityId }, field: "name",
              value: document.getElementById("review-name").value });
    });
    document.getElementById("review-same").addEventListener("submit", sameSearch);
  }
  if (token()) { check(token()); }
})();
