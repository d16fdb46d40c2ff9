"""The page of the HTML report: markup, style and script, with ``@@NAME@@`` slots filled by :mod:`report`.

Nothing here is corpus text. The script reads the data from a JSON block with
``JSON.parse`` and builds every tooltip, option and table cell with
``createElement``/``textContent``, never ``innerHTML``, so a title such as
``<img src=x onerror=alert(1)>`` shows as text.

Example:
    >>> fill("<p>@@A@@ @@B@@</p>", {"A": "1", "B": "@@A@@"})
    '<p>1 @@A@@</p>'
"""

from __future__ import annotations

import re

_SLOT = re.compile(r"@@([A-Z_]+)@@")


def fill(template: str, values: dict[str, str]) -> str:
    """Fill every ``@@NAME@@`` slot in one pass, so filled text is never scanned again.

    Args:
        template: text with ``@@NAME@@`` slots.
        values: the text of each slot (already escaped for where it goes).

    Returns:
        The filled text.

    Example:
        >>> fill("@@X@@-@@X@@", {"X": "ok"})
        'ok-ok'
    """
    return _SLOT.sub(lambda m: values[m.group(1)], template)


CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1f2933; background: #f5f6f8; }
header { padding: 12px 20px 8px; background: #fff; border-bottom: 1px solid #dde1e6; }
h1 { margin: 0 0 2px; font-size: 20px; }
h2 { margin: 0 0 6px; font-size: 15px; }
.summary { color: #52606d; }
.note { margin-top: 4px; color: #8a4b08; }
.layout { display: flex; gap: 14px; padding: 14px 20px; align-items: flex-start; }
.graph-pane { position: sticky; top: 8px; flex: 1 1 auto; min-width: 0; background: #fff; border: 1px solid #dde1e6;
  border-radius: 6px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 10px 12px;
  border-bottom: 1px solid #e4e7eb; }
.toolbar label { white-space: nowrap; }
.toolbar input[type=search] { width: 300px; padding: 4px 8px; font: inherit; border: 1px solid #bcc4cc;
  border-radius: 4px; }
.toolbar select, .toolbar button { font: inherit; padding: 3px 6px; }
.toolbar select { max-width: 240px; }
#dg-status { color: #52606d; min-width: 10em; }
#dg-graph { height: 72vh; min-height: 420px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 8px 12px; border-top: 1px solid #e4e7eb;
  color: #3e4c59; font-size: 13px; }
.sw { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px;
  border-radius: 50%; border: 2px solid transparent; }
.sw.article { background: #4e79a7; }
.sw.directive { background: #f28e2b; }
.sw.unresolved { background: #e6e6e6; border: 2px dashed #f28e2b; }
.sw.issuer { background: #59a14f; transform: rotate(45deg); border-radius: 1px; }
.ln { display: inline-block; width: 22px; margin-right: 5px; vertical-align: 3px; border-top: 2px solid #9aa5b1; }
.ln.issued { border-top: 2px dashed #8cc084; }
.ln.rel { border-top-color: #8e6bbf; }
aside { flex: 0 0 480px; min-width: 0; }
.card { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 10px 12px; margin-bottom: 14px; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eef0f2; vertical-align: top; }
th { color: #52606d; font-weight: 600; }
#dg-t-directives td:first-child, #dg-t-unresolved td:first-child { white-space: nowrap; }
td.small { font-size: 12px; color: #52606d; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:hover td { background: #f3f6fa; }
a.node { color: #1d5fa8; text-decoration: none; }
a.node:hover { text-decoration: underline; }
.muted { color: #7b8794; }
.more { color: #7b8794; font-size: 12px; margin: 4px 0 0; }
div.vis-tooltip { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: #1f2933; background: #fff; border: 1px solid #bcc4cc; border-radius: 5px; padding: 8px 10px;
  box-shadow: 0 3px 10px rgba(0, 0, 0, 0.15); }
.tip { max-width: 380px; white-space: normal; font-size: 13px; }
.tip .t { font-weight: 600; margin-bottom: 3px; }
.tip .k { color: #52606d; }
.tip .s { margin-top: 4px; color: #3e4c59; font-style: italic; }
@media (max-width: 1000px) { .layout { flex-direction: column; } .graph-pane { position: static; width: 100%; }
  aside { flex: none; width: 100%; } }
"""

BODY = """<header>
<h1>@@TITLE@@</h1>
<div class="summary">@@SUMMARY@@</div>
<div class="note" id="dg-note">@@NOTE@@</div>
</header>
<div class="layout">
<section class="graph-pane">
<div class="toolbar">
<label>Find <input type="search" id="dg-search" list="dg-names" placeholder="1847/QĐ-TTg, Quyết định 1847, a title…"
 autocomplete="off"></label>
<datalist id="dg-names"></datalist>
<span id="dg-status" role="status"></span>
<span>Show
<label><input type="checkbox" class="dg-kind" value="article" checked> articles</label>
<label><input type="checkbox" class="dg-kind" value="directive" checked> directives</label>
<label><input type="checkbox" class="dg-kind" value="issuer" checked> issuers</label></span>
<label>Issuer <select id="dg-issuer"><option value="*">all</option></select></label>
<label>Year <select id="dg-year"><option value="*">all</option></select></label>
<button type="button" id="dg-reset">Reset</button>
</div>
<div id="dg-graph"></div>
<div class="legend">
<span><span class="sw article"></span>article</span>
<span><span class="sw directive"></span>directive (size: citing articles)</span>
<span><span class="sw unresolved"></span>unresolved mention</span>
<span><span class="sw issuer"></span>issuer</span>
<span><span class="ln"></span>cites</span>
<span><span class="ln issued"></span>issued by</span>
<span><span class="ln rel"></span>relation (amends, guides, &hellip;)</span>
</div>
</section>
<aside>
<div class="card"><h2>Most-cited directives</h2><table id="dg-t-directives"></table></div>
<div class="card"><h2>Issuers</h2><table id="dg-t-issuers"></table></div>
<div class="card"><h2>Unresolved mentions</h2><table id="dg-t-unresolved"></table></div>
</aside>
</div>
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase()
      .replace(/[-–—‐]/g, "/").replace(/\bso\b/g, " ").replace(/\s+/g, " ").trim();
  }
  var SHORT = {qd: "quyet dinh", nd: "nghi dinh", nq: "nghi quyet", ct: "chi thi", tt: "thong tu", kh: "ke hoach"};
  function foldQuery(s) {
    var q = fold(s);
    var m = /^([a-z]{2})\.? (\d.*)$/.exec(q);
    if (m && SHORT[m[1]]) { q = SHORT[m[1]] + " " + m[2]; }
    return q;
  }

  function tooltip(n) {
    var box = el("div", "tip");
    box.appendChild(el("div", "t", n.info.name));
    n.info.rows.forEach(function (r) {
      var line = el("div");
      line.appendChild(el("span", "k", r[0] + ": "));
      line.appendChild(document.createTextNode(String(r[1])));
      box.appendChild(line);
    });
    if (n.info.snippet) { box.appendChild(el("div", "s", n.info.snippet)); }
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var v = Object.assign({}, n.vis);
    v.id = n.id;
    v.title = tooltip(n);
    v.hidden = false;
    return v;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var v = Object.assign({}, e);
    v.id = i;
    return v;
  }));
  var network = new vis.Network(document.getElementById("dg-graph"), {nodes: nodes, edges: edges}, data.options);
  window.dgNetwork = network;
  window.dgNodes = nodes;

  var status = document.getElementById("dg-status");
  function focusNode(id) {
    var n = byId.get(id);
    if (!n) { status.textContent = "not in the graph (left out)"; return false; }
    if (nodes.get(id).hidden) { status.textContent = "hidden by the filters"; return false; }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.3, animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    status.textContent = n.info.name.length > 60 ? n.info.name.slice(0, 60) + "…" : n.info.name;
    return true;
  }

  var folded = data.nodes.map(function (n) { return [n, fold(n.search)]; });
  var rank = {directive: 0, issuer: 1, article: 2};
  function search() {
    var q = foldQuery(document.getElementById("dg-search").value);
    if (!q) { status.textContent = ""; network.unselectAll(); return; }
    var best = null, bestKey = null;
    folded.forEach(function (pair) {
      var n = pair[0], text = pair[1];
      var at = text.indexOf(q);
      if (at < 0 || nodes.get(n.id).hidden) { return; }
      var key = [fold(n.vis.label) === q ? 0 : 1, at === 0 ? 0 : 1, rank[n.kind], -n.weight, n.id];
      if (bestKey === null || compare(key, bestKey) < 0) { best = n; bestKey = key; }
    });
    if (best) { focusNode(best.id); } else { network.unselectAll(); status.textContent = "no match"; }
  }
  function compare(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) { return -1; }
      if (a[i] > b[i]) { return 1; }
    }
    return 0;
  }
  var box = document.getElementById("dg-search");
  box.addEventListener("input", search);
  box.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(); } });
  var names = document.getElementById("dg-names");
  data.nodes.forEach(function (n) {
    if (n.kind === "directive") { names.appendChild(el("option", null, n.vis.label)); }
  });

  function addOptions(select, pairs) {
    pairs.forEach(function (p) { var o = el("option", null, p[1]); o.value = p[0]; select.appendChild(o); });
  }
  var issuerSel = document.getElementById("dg-issuer"), yearSel = document.getElementById("dg-year");
  addOptions(issuerSel, data.issuers);
  addOptions(yearSel, data.years);

  function applyFilters() {
    var kinds = {};
    document.querySelectorAll(".dg-kind").forEach(function (c) { kinds[c.value] = c.checked; });
    var iss = issuerSel.value, yr = yearSel.value;
    var narrowed = iss !== "*" || yr !== "*";
    var pass = new Set();
    data.nodes.forEach(function (n) {
      if (n.kind !== "directive") { return; }
      if ((iss === "*" || n.issuer === iss) && (yr === "*" || String(n.year) === yr)) { pass.add(n.id); }
    });
    var keep = function (n) {
      if (n.kind === "directive") { return pass.has(n.id); }
      if (n.kind === "issuer" && iss !== "*" && n.code !== iss) { return false; }
      return !narrowed || n.links.some(function (d) { return pass.has(d); });
    };
    var changes = [];
    data.nodes.forEach(function (n) {
      var hidden = !(kinds[n.kind] && keep(n));
      if (nodes.get(n.id).hidden !== hidden) { changes.push({id: n.id, hidden: hidden}); }
    });
    nodes.update(changes);
    var shown = nodes.get({filter: function (v) { return !v.hidden; }}).length;
    status.textContent = shown + " of " + data.nodes.length + " nodes shown";
  }
  document.querySelectorAll(".dg-kind").forEach(function (c) { c.addEventListener("change", applyFilters); });
  issuerSel.addEventListener("change", applyFilters);
  yearSel.addEventListener("change", applyFilters);
  document.getElementById("dg-reset").addEventListener("click", function () {
    document.querySelectorAll(".dg-kind").forEach(function (c) { c.checked = true; });
    issuerSel.value = "*"; yearSel.value = "*"; box.value = "";
    applyFilters(); network.unselectAll(); network.fit(); status.textContent = "";
  });

  function table(id, spec) {
    var t = document.getElementById(id);
    var head = el("tr");
    spec.head.forEach(function (h, i) { head.appendChild(el("th", spec.num.indexOf(i) >= 0 ? "num" : null, h)); });
    t.appendChild(el("thead")).appendChild(head);
    var body = t.appendChild(el("tbody"));
    if (!spec.rows.length) {
      var td = el("td", "muted", "none");
      td.colSpan = spec.head.length;
      body.appendChild(el("tr")).appendChild(td);
    }
    spec.rows.forEach(function (r) {
      var tr = el("tr");
      r.cells.forEach(function (c, i) {
        var td = el("td", spec.num.indexOf(i) >= 0 ? "num" : (spec.small || []).indexOf(i) >= 0 ? "small" : null);
        if (i === 0 && r.shown) {
          var a = el("a", "node", c);
          a.href = "#";
          a.addEventListener("click", function (ev) { ev.preventDefault(); focusNode(r.id); });
          td.appendChild(a);
        } else {
          td.textContent = String(c);
          if (i === 0) { td.title = "left out of the graph"; td.className = "muted"; }
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (spec.more) { t.parentNode.appendChild(el("p", "more", "… and " + spec.more + " more")); }
  }
  table("dg-t-directives", data.tables.directives);
  table("dg-t-issuers", data.tables.issuers);
  table("dg-t-unresolved", data.tables.unresolved);
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>
@@VIS_CSS@@
</style>
<style>
@@CSS@@
</style>
</head>
<body>
@@BODY@@
<script type="application/json" id="dg-data">@@DATA@@</script>
<script>
@@VIS_JS@@
</script>
<script>
@@SCRIPT@@
</script>
</body>
</html>
"""
