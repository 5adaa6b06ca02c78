/* graphkit map: helpers, legend and detail panel. Every piece of data is written with textContent
   (through el()); nothing from the data ever reaches innerHTML. */
var GK = (function () {
  "use strict";
  var P = JSON.parse(document.getElementById("gk-data").textContent);
  var L = P.labels, S = P.style, T = P.tables;
  var GK = { P: P, frame: P.frames.length - 1 };

  function t(key) { return Object.prototype.hasOwnProperty.call(L, key) ? L[key] : key; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function swatch(shape, colour, faded) {
    var s = el("span", "gk-sw" + (shape === "dot" ? " gk-dot" : shape === "diamond" ? " gk-diamond" : "") +
      (faded ? " gk-faded" : ""));
    s.style.background = colour;
    return s;
  }
  function line(style) {
    var s = el("span", "gk-line");
    s.style.borderTopColor = style.color;
    s.style.borderTopStyle = style.dashes ? (style.dashes[0] <= 2 ? "dotted" : "dashed") : "solid";
    return s;
  }
  function fmt(v) {
    if (v === null || v === undefined) return "";
    if (Math.abs(v) >= 100 || Math.round(v) === v) return Math.round(v).toLocaleString(P.meta.lang);
    return Number(v).toPrecision(3);
  }
  GK.t = t; GK.el = el; GK.add = add; GK.swatch = swatch; GK.line = line; GK.fmt = fmt;
  GK.frameDate = function () { return P.frames[GK.frame].date; };

  /* ------------------------------------------------------------------ legend */
  GK.legend = function (ctx) {
    var body = document.getElementById("gk-legend-body");
    body.textContent = "";
    var view = P.meta.view, shapes = el("div", "gk-inline");
    if (view !== "province") {
      ["org", "regency", "province"].forEach(function (g) {
        if (ctx.groups[g]) add(shapes, add(el("span", "gk-row"), swatch(S.shapes[g], "#9fb3c8"), el("span", null, t("group." + g))));
      });
      add(body, shapes, add(el("div", "gk-row"), swatch("dot", "#2f7ed8", true), el("span", null, t("legend.faded"))));
    } else {
      add(body, add(shapes, add(el("span", "gk-row"), swatch("dot", "#9fb3c8"), el("span", null, t("group.province")))));
    }
    add(body, el("div", "gk-meta", t("legend.edges")));
    P.edge_kinds.forEach(function (k) {
      add(body, add(el("div", "gk-row"), line(S.edge[k]), el("span", null, t("edge." + k))));
    });
    add(body, el("div", "gk-meta", view === "province" ? t("legend.size.province") :
      t("legend.size") + ": " + t("measure." + P.meta.size_by)));
    var sizes = el("div", "gk-sizes"), biggest = 1;
    ctx.sizeRows.forEach(function (row) { row.forEach(function (item) { biggest = Math.max(biggest, item.size); }); });
    ctx.sizeRows.forEach(function (row) {
      row.forEach(function (item, k) {
        var i = el("i", item.shape === "diamond" ? "gk-diamond" : null);
        var d = 5 + 21 * item.size / biggest;  /* diameters in proportion, the biggest 26 px */
        i.style.width = d + "px"; i.style.height = d + "px";
        if (item.shape !== "dot") i.style.borderRadius = "1px";
        add(sizes, add(el("span", k ? "gk-max" : null), i, el("span", null, item.text)));
      });
    });
    add(body, sizes);
    if (P.basemap) {  /* where the geometry comes from; approximate borders said to be approximate */
      add(body, el("div", "gk-meta", t("legend.basemap")));
      var b = line({ color: S.basemap.border, dashes: [4, 3] });
      b.style.borderTopWidth = "1px";
      add(body, add(el("div", "gk-row gk-basemap-note"), b, el("span", null, t("legend.borders"))));
    }
  };

  /* ------------------------------------------------------------------ detail panel */
  var LIMIT = 40;
  function sourceList(ids) {
    if (!ids || !ids.length) return null;
    var box = el("div", "gk-src");
    ids.forEach(function (id, k) {
      var s = T.sources[id];
      var parts = s ? [s.title, s.publisher, s.published_on, s.url].filter(Boolean) : [id];
      add(box, el("div", null, (k ? "" : t("d.source") + ": ") + parts.join(" — ")));
    });
    return box;
  }
  function dl(rows) {
    var d = el("dl");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      add(d, el("dt", null, r[0]));
      var dd = el("dd");
      if (r[1] instanceof Node) dd.appendChild(r[1]); else dd.textContent = String(r[1]);
      add(d, dd);
    });
    return d;
  }
  function regionName(code) {
    var r = T.regions[code];
    return r ? r.name + " (" + code + ")" : code;
  }
  function orgName(id) { var o = T.orgs[id]; return o ? o.name : id; }
  function state(a, day) {
    if (a.signed > day) return ["d.not_yet", "gk-off"];
    if (a.expires && a.expires < day) return ["d.expired", "gk-off"];
    return ["d.in_force", ""];
  }
  function limited(items, render, ul) {
    ul = ul || el("ul");
    function show(from, to) { items.slice(from, to).forEach(function (x) { add(ul, render(x)); }); }
    show(0, LIMIT);
    if (items.length > LIMIT) {
      var more = el("button", "gk-more", "+ " + (items.length - LIMIT) + " " + t("d.more"));
      var li = add(el("li"), more);
      more.addEventListener("click", function () { ul.removeChild(li); show(LIMIT, items.length); });
      add(ul, li);
    }
    return ul;
  }
  function agreementItem(id, self) {
    var a = T.agreements[id], day = GK.frameDate();
    var li = el("li");
    if (!a) return add(li, el("span", null, id));
    var st = state(a, day);
    add(li, el("strong", null, a.title || a.number || id), el("span", "gk-badge " + st[1], t(st[0])));
    var dates = t("kind." + a.kind) + (a.number ? " · " + a.number : "") + " · " + t("d.signed") + " " + a.signed +
      (a.expires ? " · " + t("d.expires") + " " + a.expires : "");
    add(li, el("div", "gk-meta", dates));
    if (a.assumed) add(li.lastChild, el("span", "gk-badge gk-assumed", t("d.assumed")));
    var partners = a.parties.filter(function (p) { return p !== self; }).map(orgName);
    if (partners.length) {
      var shown = partners.slice(0, 6).join("; ") + (partners.length > 6 ? " (+" + (partners.length - 6) + ")" : "");
      add(li, el("div", "gk-meta", t("d.partners") + ": " + shown));
    }
    var fus = a.follow_ups.map(function (f) { return T.follow_ups[f]; }).filter(Boolean);
    if (!fus.length) add(li, el("div", "gk-fu", t("d.follow_ups") + ": " + t("d.no_follow_ups")));
    fus.forEach(function (f) {
      var text = t("fu." + f.kind) + (f.date ? " · " + f.date : "") + (f.region ? " · " + regionName(f.region) : "") +
        (f.text ? " — " + f.text : "");
      add(li, el("div", "gk-fu", "↳ " + text), sourceList(f.src));
    });
    add(li, sourceList(a.src));
    return li;
  }
  function programItem(id) {
    var p = T.programs[id];
    var li = el("li");
    if (!p) return add(li, el("span", null, id));
    add(li, el("strong", null, p.name), el("span", "gk-meta", (p.started ? " · " + t("d.since") + " " + p.started : "")));
    add(li, sourceList(p.src));
    return li;
  }
  function measureLabel() {
    var m = t("measure." + P.meta.size_by);
    return m.charAt(0).toUpperCase() + m.slice(1);
  }
  function section(body, title, node) { if (node) add(body, el("h3", null, title), node); }

  GK.detail = function (i, hidden) {
    var n = P.nodes[i], body = document.getElementById("gk-detail-body");
    body.textContent = "";
    add(body, el("h2", null, n.name));
    if (hidden) add(body, el("div", "gk-badge gk-off", t("hidden_by_filter")));
    var value = P.state.values[GK.frame][i];
    if (n.g === "org") {
      var o = T.orgs[n.id.slice(4)] || {agreements: [], programs: [], aliases: [], src: []};
      add(body, dl([[t("d.type"), t("type." + n.t)], [t("d.region"), n.r ? regionName(n.r) : ""],
        [t("d.aliases"), o.aliases.join("; ")], [measureLabel(), fmt(value)]]));
      add(body, sourceList(o.src));
      var ags = o.agreements.slice().reverse();
      section(body, t("d.agreements") + " (" + ags.length + ")",
        ags.length ? limited(ags, function (id) { return agreementItem(id, n.id.slice(4)); }) : el("div", "gk-meta", t("d.none")));
      if (o.programs.length) section(body, t("d.programs"), limited(o.programs, programItem));
    } else if (n.g === "regency") {
      GK.regencyDetail(body, i, n, value);
    } else {
      GK.provinceDetail(body, i, n, value);
    }
    document.getElementById("gk-detail").hidden = false;
  };

  GK.coverageEntry = function (ordinal) {
    for (var f = GK.frame; f >= 0; f--) { var e = P.coverage[f][ordinal]; if (e) return e; }
    return null;
  };
  GK.regencyDetail = function (body, i, n, value) {
    var r = T.regions[n.r] || {placements: [], programs: [], orgs: [], src: []};
    var status = P.statuses[P.state.nodes[GK.frame][i]];
    var st = add(el("span", "gk-status"), swatch("square", S.status[status]), el("span", null, t("status." + status)));
    var last = r.placements.length ? r.placements[r.placements.length - 1] : null;
    add(body, dl([[t("d.code"), n.r], [t("d.province"), T.regions[n.p] ? T.regions[n.p].name : n.p],
      [t("d.status") + " (" + P.frames[GK.frame].label + ")", st],
      [t("d.placements"), last ? fmt(last[1]) + " " + t("d.workers") + " (" + last[0] + ")" : ""],
      [measureLabel(), fmt(value)]]));
    var entry = GK.coverageEntry(GK.regOrdinal[i]);
    if (entry) {
      section(body, t("d.reason") + ": " + t("d.agreements"), entry[1].length ? limited(entry[1], agreementItem) : null);
      section(body, t("d.organizations"), entry[4].length ? limited(entry[4], function (id) {
        return add(el("li"), el("span", null, orgName(id)), el("span", "gk-badge", t("type." + (T.orgs[id] || {}).type)));
      }) : null);
      section(body, t("d.programs"), entry[3].length ? limited(entry[3], programItem) : null);
    }
    var here = r.orgs.filter(function (id) { return !entry || entry[4].indexOf(id) < 0; });
    section(body, t("d.organizations") + " · " + t("d.region"), here.length ? limited(here, function (id) {
      return add(el("li"), el("span", null, orgName(id)), el("span", "gk-badge", t("type." + (T.orgs[id] || {}).type)));
    }) : null);
    add(body, sourceList(r.src));
  };
  GK.provinceDetail = function (body, i, n, value) {
    var r = T.regions[n.r] || {orgs: [], src: [], programs: []};
    var rows = [[t("d.code"), n.r]];
    if (P.meta.view === "province") {
      var counts = P.state.counts[GK.frame][i], covered = P.state.nodes[GK.frame][i];
      rows.push([t("d.regencies"), fmt(n.n)]);
      rows.push([t("d.covered"), n.n ? covered + " / " + n.n + " (" + Math.round(100 * covered / n.n) + "%)" : "–"]);
      add(body, dl(rows));
      var ul = el("ul");
      P.statuses.forEach(function (s, k) {
        add(ul, add(el("li", "gk-row"), swatch("square", S.status[s]), el("span", null, t("status." + s)),
          el("span", "gk-count", counts[k])));
      });
      section(body, t("filter.statuses"), ul);
      var orgs = GK.provinceOrgs[n.r] || [];
      section(body, t("d.organizations") + " (" + orgs.length + ")", orgs.length ? limited(orgs, function (id) {
        var o = T.orgs[id] || {};
        return add(el("li"), el("span", null, o.name || id), el("span", "gk-badge", t("type." + o.type)));
      }) : null);
    } else {
      rows.push([measureLabel(), fmt(value)]);
      add(body, dl(rows));
      section(body, t("d.organizations"), r.orgs.length ? limited(r.orgs, function (id) {
        return add(el("li"), el("span", null, orgName(id)), el("span", "gk-badge", t("type." + (T.orgs[id] || {}).type)));
      }) : null);
    }
    add(body, sourceList(r.src));
  };

  /* ------------------------------------------------------------------ indexes used above */
  GK.regOrdinal = {};
  var k = 0;
  P.nodes.forEach(function (n, i) { if (n.g === "regency") GK.regOrdinal[i] = k++; });
  GK.provinceOrgs = {};
  Object.keys(T.orgs).forEach(function (id) {
    var reg = T.regions[T.orgs[id].region];
    if (!reg) return;
    (GK.provinceOrgs[reg.province] = GK.provinceOrgs[reg.province] || []).push(id);
  });
  return GK;
})();
