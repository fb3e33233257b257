/* migkg graph view: legend, filters, search, side panel. Data is written only with textContent. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("migkg-data").textContent);
  var E = D.entities, S = D.statements, Q = D.quotes, DOCS = D.documents, P = D.predicates;
  var TYPE_STYLE = {};
  D.types.forEach(function (t) { TYPE_STYLE[t[0]] = { colour: t[1], shape: t[2] }; });
  var byId = {};
  E.forEach(function (e, i) { byId[e[0]] = i; });
  var incident = E.map(function () { return []; });
  S.forEach(function (s, i) { incident[s[0]].push(i); if (s[2] !== s[0]) incident[s[2]].push(i); });

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }
  function quals(q) {
    return Object.keys(q).sort().map(function (k) { return k + ": " + q[k]; }).join(" · ");
  }
  function searchKeys(e) {
    return [e[0], e[3], e[5] || ""].concat(e[4]).join("\u0001").toLowerCase();
  }
  var KEYS = E.map(searchKeys);

  // Tooltips (plain text; vis-network writes string titles with innerText).
  D.nodes.forEach(function (n, i) {
    var e = E[i];
    n.title = e[3] + "\n" + e[1] + " (" + e[2] + ")" + (e[4].length ? "\nalso: " + e[4].slice(0, 6).join("; ") : "")
      + "\n" + incident[i].length + " statements";
  });
  D.edges.forEach(function (ed) {
    var s = S[ed.s], ev = s[4][0];
    ed.title = E[s[0]][3] + "  —" + P[s[1]] + "→  " + E[s[2]][3]
      + (quals(s[3]) ? "\n" + quals(s[3]) : "")
      + (ev ? "\n\n“" + Q[ev[2]] + "”\n— " + DOCS[ev[0]][1] + ", line " + ev[1] : "")
      + (s[4].length > 1 ? "\n(+" + (s[4].length - 1) + " more sources)" : "");
  });

  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = document.getElementById("network");
  var t0 = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  var state = { stabilized: false, stabilizeMs: null };
  var loadingPct = document.getElementById("loading-pct");
  network.on("stabilizationProgress", function (p) {
    loadingPct.textContent = Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    state.stabilizeMs = Math.round(performance.now() - t0);
    state.stabilized = true;
    network.setOptions({ physics: { enabled: false } });
    network.fit();
    document.getElementById("loading").classList.add("done");
  });
  if (!D.nodes.length) {
    state.stabilized = true; state.stabilizeMs = 0;
    document.getElementById("loading").classList.add("done");
  }

  // ---- legend + filters -------------------------------------------------------------------------------
  var typeCount = {}, predCount = {}, statusCount = {};
  E.forEach(function (e) { typeCount[e[1]] = (typeCount[e[1]] || 0) + 1; });
  S.forEach(function (s) {
    predCount[s[1]] = (predCount[s[1]] || 0) + 1;
    var st = s[3].status || "actual";
    statusCount[st] = (statusCount[st] || 0) + 1;
  });
  function checkbox(parent, value, text, count, swatch) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = value;
    label.appendChild(box);
    if (swatch) label.appendChild(swatch);
    label.appendChild(el("span", null, text));
    label.appendChild(el("span", "n", count));
    parent.appendChild(label);
    box.addEventListener("change", apply);
    return box;
  }
  var typeBoxes = {}, predBoxes = {}, statusBoxes = {};
  D.types.forEach(function (t) {
    if (!typeCount[t[0]]) return;
    var sw = el("span", "swatch " + t[2]); sw.style.background = t[1];
    typeBoxes[t[0]] = checkbox(document.getElementById("filter-types"), t[0], t[0], typeCount[t[0]], sw);
  });
  P.forEach(function (p, i) {
    if (!predCount[i]) return;
    var sw = el("span", "swatch line"); sw.style.background = D.predicateColours[p];
    predBoxes[i] = checkbox(document.getElementById("filter-predicates"), String(i), p.replace(/_/g, " "), predCount[i], sw);
  });
  Object.keys(statusCount).sort().forEach(function (st) {
    statusBoxes[st] = checkbox(document.getElementById("filter-status"), st, st, statusCount[st]);
  });
  var docSelect = document.getElementById("filter-document");
  DOCS.forEach(function (d, i) {
    var o = el("option", null, d[1]); o.value = String(i); docSelect.appendChild(o);
  });
  docSelect.addEventListener("change", apply);
  var since = document.getElementById("filter-since"), until = document.getElementById("filter-until");
  var undated = document.getElementById("filter-undated");
  if (D.years) {
    since.min = until.min = since.placeholder = D.years[0];
    since.max = until.max = until.placeholder = D.years[1];
  }
  [since, until].forEach(function (i) { i.addEventListener("input", apply); });
  undated.addEventListener("change", apply);
  var names = document.getElementById("search-names");
  E.map(function (e) { return e[3]; }).concat(E.map(function (e) { return e[5]; }).filter(Boolean))
    .sort().forEach(function (n, i, all) { if (n !== all[i - 1]) names.appendChild(el("option", null, n)); });
  var search = document.getElementById("search"), searchStatus = document.getElementById("search-status");
  var searchTimer = null;
  search.addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(apply, 150); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(searchTimer); apply(); if (state.matches && state.matches.length) select(state.matches[0]); }
  });
  document.getElementById("reset").addEventListener("click", function () {
    [typeBoxes, predBoxes, statusBoxes].forEach(function (g) { Object.keys(g).forEach(function (k) { g[k].checked = true; }); });
    docSelect.value = ""; since.value = ""; until.value = ""; undated.checked = true; search.value = "";
    apply();
  });

  function edgePasses(i) {
    var s = S[i];
    if (!typeBoxes[E[s[0]][1]].checked || !typeBoxes[E[s[2]][1]].checked) return false;
    if (predBoxes[s[1]] && !predBoxes[s[1]].checked) return false;
    if (!statusBoxes[s[3].status || "actual"].checked) return false;
    if (docSelect.value !== "") {
      var d = +docSelect.value;
      if (!s[4].some(function (ev) { return ev[0] === d; })) return false;
    }
    var lo = since.value === "" ? null : +since.value, hi = until.value === "" ? null : +until.value;
    if (lo !== null || hi !== null || !undated.checked) {
      var span = s[7];
      if (!span) return undated.checked;
      if (lo !== null && span[1] !== null && span[1] < lo) return false;
      if (hi !== null && span[0] !== null && span[0] > hi) return false;
    }
    return true;
  }
  function edgeFilterActive() {
    function off(g) { return Object.keys(g).some(function (k) { return !g[k].checked; }); }
    return off(predBoxes) || off(statusBoxes) || docSelect.value !== "" || since.value !== "" || until.value !== ""
      || !undated.checked;
  }

  // Show what passes the filters; a search narrows the view to the matches and their neighbours.
  function apply() {
    var edgeOk = S.map(function (_, i) { return edgePasses(i); });
    var q = search.value.trim().toLowerCase(), inSearch = null;
    state.matches = null;
    if (q) {
      state.matches = [];
      inSearch = {};
      KEYS.forEach(function (k, i) { if (k.indexOf(q) >= 0 && typeBoxes[E[i][1]].checked) { state.matches.push(i); inSearch[i] = true; } });
      state.matches.forEach(function (i) {
        incident[i].forEach(function (si) { if (edgeOk[si]) { inSearch[S[si][0]] = true; inSearch[S[si][2]] = true; } });
      });
      searchStatus.textContent = state.matches.length ? state.matches.length + " match" + (state.matches.length > 1 ? "es" : "") : "no match";
    } else {
      searchStatus.textContent = "";
    }
    var active = edgeFilterActive(), hasEdge = {};
    var edgeUpdates = [], shownEdges = 0;
    D.edges.forEach(function (ed) {
      var s = S[ed.s];
      var show = edgeOk[ed.s] && (!inSearch || (inSearch[s[0]] && inSearch[s[2]]));
      if (show) { hasEdge[s[0]] = hasEdge[s[2]] = true; shownEdges++; }
      if (!!ed.hidden === show) { ed.hidden = !show; edgeUpdates.push({ id: ed.id, hidden: !show }); }
    });
    var nodeUpdates = [], shownNodes = 0;
    D.nodes.forEach(function (n, i) {
      var show = typeBoxes[E[i][1]].checked && (inSearch ? !!inSearch[i] : (!active || !!hasEdge[i]));
      if (show) shownNodes++;
      if (!!n.hidden === show) { n.hidden = !show; nodeUpdates.push({ id: n.id, hidden: !show }); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    state.visible = { nodes: shownNodes, edges: shownEdges };
    document.getElementById("counts").textContent = shownNodes + " of " + E.length + " entities · "
      + shownEdges + " of " + S.length + " statements";
    if (inSearch && state.matches.length && state.stabilized) {
      network.fit({ nodes: Object.keys(inSearch).map(function (i) { return E[+i][0]; }), animation: false });
    }
  }

  // ---- side panel ------------------------------------------------------------------------------------
  var panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () {
    panel.hidden = true; network.unselectAll(); network.setSize("100%", "100%"); network.redraw();
  });
  function entityLink(i) {
    var a = el("a", "ent", E[i][3]);
    a.title = E[i][0];
    a.addEventListener("click", function () { select(i); });
    return a;
  }
  function statementBlock(si) {
    var s = S[si], div = el("div", "st"), triple = el("div", "triple");
    var pred = el("span", "pred", P[s[1]].replace(/_/g, " "));
    pred.style.background = D.predicateColours[P[s[1]]];
    triple.appendChild(entityLink(s[0])); triple.appendChild(document.createTextNode(" "));
    triple.appendChild(pred); triple.appendChild(document.createTextNode(" "));
    triple.appendChild(entityLink(s[2]));
    div.appendChild(triple);
    div.appendChild(el("div", "quals", quals(s[3]) + " · confidence " + s[5]));
    s[4].forEach(function (ev) {
      div.appendChild(el("blockquote", null, Q[ev[2]]));
      div.appendChild(el("div", "src", DOCS[ev[0]][1] + " (" + DOCS[ev[0]][0] + "), line " + ev[1] + " · " + s[6]));
    });
    return div;
  }
  function showEntity(i) {
    var e = E[i];
    body.textContent = "";
    body.appendChild(el("h2", null, e[3]));
    var meta = [e[1], e[2], e[0]];
    if (e[5]) meta.push("acronym " + e[5]);
    if (e[6]) meta.push("ISO " + e[6]);
    if (e[7]) meta.push("Wikidata " + e[7]);
    if (e[8]) meta.push("country " + e[8]);
    if (e[9]) meta.push(e[9]);
    if (e[10]) meta.push(e[10]);
    body.appendChild(el("div", "meta", meta.join(" · ")));
    if (e[4].length) body.appendChild(el("div", "aliases", "Also: " + e[4].join("; ")));
    var list = incident[i].slice().sort(function (a, b) {
      return P[S[a][1]].localeCompare(P[S[b][1]]) || E[S[a][2]][3].localeCompare(E[S[b][2]][3]);
    });
    body.appendChild(el("h3", null, list.length + " statement" + (list.length === 1 ? "" : "s")));
    list.forEach(function (si) { body.appendChild(statementBlock(si)); });
    panel.hidden = false;
  }
  function showStatement(si) {
    body.textContent = "";
    body.appendChild(el("h2", null, "Statement"));
    body.appendChild(statementBlock(si));
    panel.hidden = false;
  }
  function select(i) {
    showEntity(i);
    if (D.nodes[i].hidden) return;
    network.selectNodes([E[i][0]]);
    network.setSize("100%", "100%");  // the panel just took space from the canvas
    network.redraw();
    network.focus(E[i][0], { scale: Math.min(Math.max(network.getScale() * 1.8, 0.45), 1.0), animation: false });
  }
  network.on("click", function (p) {
    var wasHidden = panel.hidden;
    if (p.nodes.length) showEntity(byId[p.nodes[0]]);
    else if (p.edges.length) showStatement(edges.get(p.edges[0]).s);
    if (wasHidden && !panel.hidden) { network.setSize("100%", "100%"); network.redraw(); }
  });

  apply();
  // For tests and the console: the network, its data and what is shown.
  window.migkg = {
    network: network, nodes: nodes, edges: edges, state: state, apply: apply, select: select,
    visible: function () { return state.visible; },
    find: function (id) { return byId[id]; }
  };
})();
