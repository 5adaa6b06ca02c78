/* graphkit map: the network, year control, filters and search. Positions come from Python; physics is off. */
(function () {
  "use strict";
  var P = GK.P, S = P.style, t = GK.t, el = GK.el, add = GK.add;
  var view = P.meta.view, N = P.nodes.length;
  var PROGRAM = 16, LAPSED = 32, ALL_KINDS = (1 << P.kinds.length) - 1;
  var filters = { types: {}, statuses: {}, kinds: ALL_KINDS, province: "" };
  P.types.forEach(function (x) { filters.types[x] = true; });
  P.statuses.forEach(function (x) { filters.statuses[x] = true; });

  /* ---------------------------------------------------------------- header */
  document.querySelectorAll("[data-l]").forEach(function (e) { e.textContent = t(e.getAttribute("data-l")); });
  document.querySelectorAll("[data-lp]").forEach(function (e) {
    e.placeholder = t(e.getAttribute("data-lp")); e.setAttribute("aria-label", t(e.getAttribute("data-lp")));
  });
  document.getElementById("gk-title").textContent = P.meta.title;
  document.title = P.meta.title;
  document.getElementById("gk-view").textContent = t("view." + view + ".long");
  document.getElementById("gk-asof").textContent = t("as_of") + " " + P.meta.as_of;
  if (P.meta.synthetic) {
    var syn = document.getElementById("gk-synthetic");
    syn.textContent = t("synthetic"); syn.hidden = false;
  } else if (P.meta.completeness) {  /* real data says how complete it is (textContent: no HTML) */
    var note = document.getElementById("gk-synthetic");
    note.textContent = P.meta.completeness; note.hidden = false;
  }
  if (P.meta.auto_province) {
    var notice = document.getElementById("gk-notice");
    notice.textContent = t("auto_province"); notice.hidden = false;
  }

  /* ---------------------------------------------------------------- colours */
  function rgba(hex, a) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16 & 255) + "," + (v >> 8 & 255) + "," + (v & 255) + "," + a + ")";
  }
  function shareColour(share) {
    var c = S.share[0][1];
    S.share.forEach(function (b) { if (share >= b[0]) c = b[1]; });
    return c;
  }
  function nodeColour(i, st) {
    var n = P.nodes[i], base, faded = false;
    if (view === "province") base = n.n ? shareColour(st / n.n) : "#dddddd";
    else if (n.g === "org") { base = S.org[n.t] || "#888888"; faded = st === LAPSED; }
    else if (n.g === "regency") base = S.status[P.statuses[st]];
    else { base = S.province; faded = st === LAPSED; }
    var a = faded ? 0.28 : 1;
    var border = view === "province" ? "#7b8794" : faded ? rgba("#555555", 0.25) : "#ffffff";
    return { background: rgba(base, a), border: border,
      highlight: { background: base, border: "#111111" }, hover: { background: base, border: "#333333" } };
  }

  /* ---------------------------------------------------------------- visibility */
  function baseVisible(i, st) {
    var n = P.nodes[i];
    if (view === "province") return true;
    if (n.g === "org") {
      if (!st || !filters.types[n.t]) return false;
      return st === LAPSED || (st & filters.kinds) !== 0 || (st & PROGRAM) !== 0;
    }
    if (n.g === "province") return st !== 0;
    return !!filters.statuses[P.statuses[st]];
  }
  function edgeOn(k, es) {
    return es !== 0 && (P.edges[k][2] !== "party" && P.edges[k][2] !== "province" || (es & filters.kinds) !== 0);
  }
  function compute() {
    var ns = P.state.nodes[GK.frame], es = P.state.edges[GK.frame];
    var vis = new Array(N), i, k;
    for (i = 0; i < N; i++) vis[i] = baseVisible(i, ns[i]);
    if (filters.province) {
      var inProv = new Array(N), keep = new Array(N);
      for (i = 0; i < N; i++) { inProv[i] = P.nodes[i].p === filters.province; keep[i] = inProv[i]; }
      for (k = 0; k < P.edges.length; k++) {
        var e = P.edges[k];
        if (!edgeOn(k, es[k]) || !vis[e[0]] || !vis[e[1]]) continue;
        if (inProv[e[0]]) keep[e[1]] = true;
        if (inProv[e[1]]) keep[e[0]] = true;
      }
      for (i = 0; i < N; i++) vis[i] = vis[i] && keep[i];
    }
    var evis = new Array(P.edges.length);
    for (k = 0; k < P.edges.length; k++) evis[k] = edgeOn(k, es[k]) && vis[P.edges[k][0]] && vis[P.edges[k][1]];
    return { nodes: vis, edges: evis };
  }

  /* ---------------------------------------------------------------- vis-network */
  var fontFace = "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, DejaVu Sans, Arial, sans-serif";
  function nodeObject(i, vis) {
    var n = P.nodes[i], st = P.state.nodes[GK.frame][i], size = P.state.sizes[GK.frame][i];
    var shape = view === "province" ? S.province_view_shape : S.shapes[n.g];
    return { id: i, x: n.x, y: n.y, label: n.label, shape: shape, size: size, hidden: !vis,
      color: nodeColour(i, st), font: { size: Math.round(view === "province" ? 40 + size * 0.2 : 4 + size * 0.6),
        face: fontFace, color: "#243b53" } };
  }
  var current = compute();
  var nodes = new vis.DataSet(P.nodes.map(function (n, i) { return nodeObject(i, current.nodes[i]); }));
  var edges = new vis.DataSet(P.edges.map(function (e, k) {
    var s = S.edge[e[2]];
    return { id: k, from: e[0], to: e[1], width: s.width * e[3], dashes: s.dashes, hidden: !current.edges[k],
      color: { color: rgba(s.color, e[4]), highlight: s.color, hover: s.color } };
  }));
  var many = P.edges.length > 2500, HALO = 3;
  var network = new vis.Network(document.getElementById("gk-canvas"), { nodes: nodes, edges: edges }, {
    autoResize: true, physics: { enabled: false }, layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: true, tooltipDelay: 3600000, hideEdgesOnDrag: many, hideEdgesOnZoom: many,
      multiselect: false, navigationButtons: false, keyboard: false },
    nodes: { borderWidth: 1, borderWidthSelected: 3, font: { strokeWidth: HALO, strokeColor: "rgba(255,255,255,0.85)" }, scaling: { label: { drawThreshold: view === "province" ? 5 : 6 } } },
    edges: { smooth: false, selectionWidth: 1.5, arrows: { to: false } }
  });
  /* While the camera moves (wheel, pinch, drag or a script's moveTo), a frame is drawn lighter: labels
     without their white halo (a strokeText per label) and dashed lines solid (a dash pattern per line, at
     the national zoom thousands of sub-pixel dashes). In software-rendered Chromium these were most of a
     frame (docs/PERFORMANCE.md, "Basemap"). Full detail comes back once the camera has been still for
     150 ms. Only this canvas's context is touched: its own strokeText / setLineDash are shadowed while
     moving and removed after. */
  var camera = "", settle = null, light = false, canvasCtx = null;
  function noop() {}
  function lighten(on) {
    if (light === on || !canvasCtx) return;
    light = on;
    if (on) { canvasCtx.strokeText = noop; canvasCtx.setLineDash = noop; }
    else { delete canvasCtx.strokeText; delete canvasCtx.setLineDash; network.redraw(); }
  }
  function watchCamera(ctx) {
    canvasCtx = ctx;
    var p = network.getViewPosition(), now = network.getScale().toFixed(6) + " " + p.x.toFixed(2) + " " + p.y.toFixed(2);
    if (camera && now !== camera && window.graphkitMap.lightWhileMoving) {
      lighten(true);
      clearTimeout(settle);
      settle = setTimeout(function () { lighten(false); }, 150);
    }
    camera = now;
  }
  network.on("beforeDrawing", function (ctx) {
    watchCamera(ctx);
    if (GK.underlay) GK.underlay(ctx, network);  /* the basemap (picture.js), beneath everything */
    ctx.save();
    P.captions.forEach(function (c) {
      ctx.font = "600 " + c.size + "px " + fontFace;
      ctx.fillStyle = "rgba(72, 101, 129, 0.42)";
      ctx.textAlign = c.align || "center";
      ctx.fillText(c.text, c.x, c.y);
    });
    ctx.restore();
  });

  function refresh(initial) {
    var next = compute(), nodeChanges = [], edgeChanges = [], i;
    if (!initial) for (i = 0; i < N; i++) nodeChanges.push(nodeObject(i, next.nodes[i]));
    for (i = 0; i < P.edges.length; i++) if (next.edges[i] !== current.edges[i]) edgeChanges.push({ id: i, hidden: !next.edges[i] });
    current = next;
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    counts();
    legend();
    var shown = current.nodes.filter(Boolean).length, eshown = current.edges.filter(Boolean).length;
    document.getElementById("gk-stats").textContent =
      shown.toLocaleString(P.meta.lang) + " " + t("nodes_shown") + " · " + eshown.toLocaleString(P.meta.lang) + " " + t("edges_shown");
    var sel = network.getSelectedNodes();
    if (sel.length) GK.detail(sel[0], !current.nodes[sel[0]]);
  }

  /* ---------------------------------------------------------------- filters */
  function checkbox(list, key, label, swatch, onChange) {
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = key;
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    var count = el("span", "gk-count");
    add(list, add(el("label"), box, swatch, el("span", null, label), count));
    return count;
  }
  var countEls = { types: {}, statuses: {} };
  var types = document.getElementById("gk-types"), statuses = document.getElementById("gk-statuses");
  if (view === "province") {
    document.getElementById("gk-f-types").hidden = true;
    document.getElementById("gk-f-statuses").hidden = true;
    document.getElementById("gk-f-share").hidden = false;
    var share = document.getElementById("gk-share");
    S.share.forEach(function (b, k) {
      var hi = k + 1 < S.share.length ? S.share[k + 1][0] : 1;
      var text = b[0] === 0 ? "0%" : Math.round(b[0] * 100) + "–" + Math.round(hi * 100) + "%";
      add(share, add(el("div", "gk-row"), GK.swatch("dot", b[1]), el("span", null, text)));
    });
  } else {
    P.types.forEach(function (x) {
      countEls.types[x] = checkbox(types, x, t("type." + x), GK.swatch("dot", S.org[x]), function (on) { filters.types[x] = on; });
    });
    P.statuses.forEach(function (x) {
      countEls.statuses[x] = checkbox(statuses, x, t("status." + x), GK.swatch("square", S.status[x]),
        function (on) { filters.statuses[x] = on; });
    });
  }
  var kinds = document.getElementById("gk-kinds");
  P.kinds.forEach(function (x, bit) {
    checkbox(kinds, x, t("kind." + x), null, function (on) { filters.kinds = on ? filters.kinds | (1 << bit) : filters.kinds & ~(1 << bit); });
  });
  var province = document.getElementById("gk-province");
  province.appendChild(new Option(t("filter.province.all"), ""));
  P.provinces.forEach(function (p) { province.appendChild(new Option(p[1], p[0])); });
  province.addEventListener("change", function () { filters.province = province.value; refresh(); fitVisible(); });
  document.getElementById("gk-reset").addEventListener("click", function () {
    document.querySelectorAll("#gk-side input[type=checkbox]").forEach(function (b) { b.checked = true; });
    P.types.forEach(function (x) { filters.types[x] = true; });
    P.statuses.forEach(function (x) { filters.statuses[x] = true; });
    filters.kinds = ALL_KINDS; filters.province = ""; province.value = "";
    refresh(); fitVisible();
  });
  function fitVisible() {
    /* fit the visible nodes (and captions); if the legend box would cover some, fit them beside it */
    var b = [Infinity, Infinity, -Infinity, -Infinity], sizes = P.state.sizes[GK.frame], shown = [];
    function grow(x0, y0, x1, y1) { b = [Math.min(b[0], x0), Math.min(b[1], y0), Math.max(b[2], x1), Math.max(b[3], y1)]; }
    current.nodes.forEach(function (v, i) {
      if (!v) return;
      shown.push(i);
      grow(P.nodes[i].x - sizes[i], P.nodes[i].y - sizes[i], P.nodes[i].x + sizes[i], P.nodes[i].y + sizes[i]);
    });
    if (!shown.length) { network.fit({ animation: false }); return; }
    if (!filters.province) P.captions.forEach(function (c) {
      var half = c.text.length * c.size * 0.3;
      grow(c.align === "left" ? c.x : c.x - half, c.y - c.size, c.align === "left" ? c.x + 2 * half : c.x + half, c.y);
    });
    var box = document.getElementById("gk-canvas"), w = box.clientWidth, h = box.clientHeight;
    var bw = Math.max(b[2] - b[0], 1), bh = Math.max(b[3] - b[1], 1), cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
    var s = Math.min((w - 30) / bw, (h - 30) / bh, 3);
    network.moveTo({ position: { x: cx, y: cy }, scale: s, animation: false });
    var legend = document.getElementById("gk-legend"), lw = legend.offsetWidth + 16;
    var lift = underLegend(shown, sizes, s);
    if (w < 2.5 * lw || !lift.need) return;
    if (lift.need < lift.room) {  /* a wide drawing: lift it clear of the legend */
      network.moveTo({ position: { x: cx, y: cy + lift.need / s }, scale: s, animation: false });
      return;
    }
    var left = legend.classList.contains("gk-left");
    s = Math.min((w - lw - 30) / bw, (h - 30) / bh, 3);
    var shift = Math.max(0, lw + 15 - (w - bw * s) / 2);  /* px the centred drawing would reach under the legend */
    network.moveTo({ position: { x: cx + (left ? -shift : shift) / s, y: cy }, scale: s, animation: false });
  }
  function underLegend(ids, sizes, s) {
    /* how far (px) the drawing must move up for no node to be under the legend, and how far it can */
    var r = document.getElementById("gk-legend").getBoundingClientRect();
    var c = document.getElementById("gk-canvas").getBoundingClientRect();
    var x0 = r.left - c.left - 6, x1 = r.right - c.left + 6, y0 = r.top - c.top - 6;
    var need = 0, room = Infinity;
    ids.forEach(function (i) {
      var p = network.canvasToDOM({ x: P.nodes[i].x, y: P.nodes[i].y }), rad = sizes[i] * s;
      room = Math.min(room, p.y - rad - 8);
      if (p.x + rad >= x0 && p.x - rad <= x1) need = Math.max(need, p.y + rad - y0);
    });
    return { need: need, room: room };
  }
  document.getElementById("gk-fit").addEventListener("click", fitVisible);
  function counts() {
    var ns = P.state.nodes[GK.frame], byType = {}, byStatus = {};
    for (var i = 0; i < N; i++) {
      var n = P.nodes[i];
      if (n.g === "org" && ns[i]) byType[n.t] = (byType[n.t] || 0) + 1;
      if (n.g === "regency") byStatus[P.statuses[ns[i]]] = (byStatus[P.statuses[ns[i]]] || 0) + 1;
    }
    Object.keys(countEls.types).forEach(function (x) { countEls.types[x].textContent = byType[x] || 0; });
    Object.keys(countEls.statuses).forEach(function (x) { countEls.statuses[x].textContent = byStatus[x] || 0; });
  }
  function legend() {
    var groups = {}, rows = [], sizes = P.state.sizes[GK.frame], values = P.state.values[GK.frame];
    ["org", "regency", "province"].forEach(function (g) {
      var lo = null, hi = null;
      for (var i = 0; i < N; i++) {
        if (P.nodes[i].g !== g || !current.nodes[i]) continue;
        groups[g] = true;
        if (lo === null || values[i] < values[lo]) lo = i;
        if (hi === null || values[i] > values[hi]) hi = i;
      }
      if (lo === null) return;
      var shape = view === "province" ? "dot" : S.shapes[g];
      rows.push([{ size: sizes[lo], text: GK.fmt(values[lo]), shape: shape },
        { size: sizes[hi], text: GK.fmt(values[hi]), shape: shape }]);
    });
    GK.legend({ groups: groups, sizeRows: rows });
  }

  /* ---------------------------------------------------------------- year control */
  var slider = document.getElementById("gk-year"), yearLabel = document.getElementById("gk-year-label");
  slider.max = String(P.frames.length - 1); slider.value = String(GK.frame);
  function setFrame(f, initial) {
    GK.frame = Math.max(0, Math.min(P.frames.length - 1, f));
    slider.value = String(GK.frame);
    var fr = P.frames[GK.frame];
    yearLabel.textContent = fr.end ? fr.label + " (" + t("year.end") + ")" : fr.label;
    refresh(initial);
  }
  slider.addEventListener("input", function () { setFrame(parseInt(slider.value, 10)); });
  var ticks = document.getElementById("gk-year-ticks");
  P.frames.forEach(function (fr, f) {
    var s = el("span", null, fr.end ? fr.label : fr.label.slice(0, 4));
    s.addEventListener("click", function () { setFrame(f); });
    add(ticks, s);
  });
  var play = document.getElementById("gk-play"), timer = null;
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = t("year.play"); return; }
    if (GK.frame === P.frames.length - 1) setFrame(0);
    play.textContent = t("year.stop");
    timer = setInterval(function () {
      if (GK.frame >= P.frames.length - 1) { clearInterval(timer); timer = null; play.textContent = t("year.play"); return; }
      setFrame(GK.frame + 1);
    }, 1200);
  });
  if (P.frames.length < 2) play.disabled = true;

  /* ---------------------------------------------------------------- search */
  function norm(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var index = (P.search || P.nodes.map(function (n, i) { return [n.name, i, n.q]; }))
    .map(function (s) { return { text: s[0], node: s[1], q: s[2].map(norm) }; });
  var input = document.getElementById("gk-search"), results = document.getElementById("gk-results"), hits = [];
  function find(query) {
    var q = norm(query).trim();
    if (!q) return [];
    var exact = [], prefix = [], sub = [];
    index.forEach(function (e) {
      var best = 3;
      e.q.forEach(function (s) { best = Math.min(best, s === q ? 0 : s.indexOf(q) === 0 ? 1 : s.indexOf(q) > 0 ? 2 : 3); });
      if (best < 3) [exact, prefix, sub][best].push(e);
    });
    return exact.concat(prefix, sub).slice(0, 12);
  }
  function focus(i) {
    results.hidden = true;
    /* open the detail panel first: it narrows the canvas, and vis-network re-centres on a resize, so the
       camera moves only once the canvas has its final size (else the focused node drifts off-centre) */
    GK.detail(i, !current.nodes[i]);
    network.redraw();
    network.focus(i, { scale: Math.max(network.getScale(), view === "province" ? 0.6 : 1.1), animation: false });
    network.selectNodes([i]);
    GK.focused = i;
  }
  input.addEventListener("input", function () {
    hits = find(input.value);
    results.textContent = "";
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!hits.length) add(results, el("li", "gk-sub", t("search.none")));
    hits.forEach(function (h, k) {
      var n = P.nodes[h.node];
      var sub = n.g === "org" ? t("type." + n.t) : n.g === "regency" ? t("group.regency") : t("group.province");
      if (h.text !== n.name) sub = n.name;
      var li = add(el("li", k === 0 ? "gk-active" : null, h.text), el("span", "gk-sub", sub));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); focus(h.node); });
      add(results, li);
    });
    results.hidden = false;
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && hits.length) { ev.preventDefault(); focus(hits[0].node); }
    if (ev.key === "Escape") results.hidden = true;
  });
  input.addEventListener("blur", function () { results.hidden = true; });

  /* ---------------------------------------------------------------- tooltip, clicks */
  var tip = document.getElementById("gk-tip");
  network.on("hoverNode", function (p) {
    var n = P.nodes[p.node], st = P.state.nodes[GK.frame][p.node];
    var sub = n.g === "org" ? t("type." + n.t) : n.g === "regency" ? t("status." + P.statuses[st]) :
      view === "province" ? st + " / " + n.n : t("group.province");
    tip.textContent = "";
    add(tip, el("strong", null, n.name), el("span", "gk-sub", sub));
    var box = document.getElementById("gk-canvas").getBoundingClientRect();
    tip.style.left = (box.left + p.pointer.DOM.x + 14) + "px";
    tip.style.top = (box.top + p.pointer.DOM.y + 14) + "px";
    tip.hidden = false;
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("click", function (p) {
    if (p.nodes.length) GK.detail(p.nodes[0], !current.nodes[p.nodes[0]]);
    else document.getElementById("gk-detail").hidden = true;
  });
  document.getElementById("gk-close").addEventListener("click", function () {
    document.getElementById("gk-detail").hidden = true; network.unselectAll();
  });

  var legendBox = document.getElementById("gk-legend");
  if (view === "geo") legendBox.classList.add("gk-left");  /* the Indian Ocean is free, Papua is not */
  if (document.getElementById("gk-canvas").clientHeight < 520) legendBox.classList.add("gk-closed");
  legendBox.querySelector("h2").addEventListener("click", function () { legendBox.classList.toggle("gk-closed"); });

  /* ---------------------------------------------------------------- first frame */
  setFrame(GK.frame, true);  /* the DataSets were built for this frame already */
  var drawn = 0;
  network.on("afterDrawing", function () {
    drawn += 1;
    if (drawn === 1) { fitVisible(); network.redraw(); return; }
    if (drawn === 2) {
      window.graphkitReady = { ms: performance.now(), nodes: N, edges: P.edges.length };
      document.body.setAttribute("data-ready", "1");
    }
  });
  window.graphkitMap = { lightWhileMoving: true, moving: function () { return light; }, network: network, nodes: nodes, edges: edges, setFrame: setFrame, focus: focus,
    find: find, filters: filters, refresh: refresh, visible: function () { return current; } };
})();
