/* graphkit map: the basemap under the geo and province views (land, sea, neighbours, province borders),
   and "save picture" (the current view with title and legend as a PNG). */
(function () {
  "use strict";
  var P = GK.P, S = P.style, t = GK.t, M = window.graphkitMap, network = M.network;
  var B = P.basemap, on = !!B, paths = null;

  function path2d(list, closed) {
    var p = new Path2D();
    list.forEach(function (text) {
      var v = text.split(" "), x = +v[0], y = +v[1];
      p.moveTo(x, y);
      for (var k = 2; k < v.length; k += 2) { x += +v[k]; y += +v[k + 1]; p.lineTo(x, y); }
      if (closed) p.closePath();
    });
    return p;
  }
  if (B) {  /* built once; the context is already in network coordinates (x = lon * 120, y = -lat * 120) */
    paths = { land: path2d(B.land, true), neighbours: path2d(B.neighbours, true), borders: path2d(B.borders, false) };
    var box = document.getElementById("gk-basemap");
    document.getElementById("gk-f-basemap").hidden = false;
    box.addEventListener("change", function () { on = box.checked; network.redraw(); });
  }
  GK.underlay = function (ctx) {
    if (!on) return;
    var c = S.basemap, px = 1 / network.getScale();  /* one screen pixel, whatever the zoom */
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: ctx.canvas.clientWidth, y: ctx.canvas.clientHeight });
    ctx.save();
    ctx.fillStyle = c.sea;
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.lineJoin = "round";
    ctx.fillStyle = c.neighbour; ctx.fill(paths.neighbours, "evenodd");  /* muted: no outline */
    ctx.fillStyle = c.land; ctx.fill(paths.land, "evenodd");
    ctx.strokeStyle = c.border; ctx.lineWidth = px; ctx.setLineDash(B.approximate ? [4 * px, 3 * px] : []);
    ctx.stroke(paths.borders);
    ctx.setLineDash([]);
    ctx.strokeStyle = c.coast; ctx.lineWidth = px; ctx.stroke(paths.land);
    ctx.restore();
  };

  /* ---------------------------------------------------------------- picture */
  function drawText(ctx, node, origin) {  /* a text node at its place on the page */
    var parent = node.parentElement, style = getComputedStyle(parent), range = document.createRange();
    range.selectNodeContents(node);
    var r = range.getBoundingClientRect();
    if (!r.width || !node.textContent.trim()) return;
    ctx.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
    ctx.fillStyle = style.color; ctx.textBaseline = "middle"; ctx.textAlign = "left";
    var text = node.textContent.trim();
    if (style.textTransform === "uppercase") text = text.toUpperCase();
    ctx.fillText(text, r.left - origin.x, r.top + r.height / 2 - origin.y);
  }
  function drawBox(ctx, e, origin) {  /* backgrounds and top borders (swatches, size discs, line samples) */
    var style = getComputedStyle(e), r = e.getBoundingClientRect();
    if (!r.width && !r.height) return;
    var x = r.left - origin.x, y = r.top - origin.y;
    var bg = style.backgroundColor;
    if (bg && bg !== "rgba(0, 0, 0, 0)" && bg !== "transparent") {
      ctx.save();
      ctx.globalAlpha = parseFloat(style.opacity) || 1;
      ctx.fillStyle = bg;
      ctx.beginPath();
      if (parseFloat(style.borderTopLeftRadius) >= r.width / 2 - 0.5 || style.borderTopLeftRadius === "50%") {
        ctx.arc(x + r.width / 2, y + r.height / 2, r.width / 2, 0, 2 * Math.PI);
      } else ctx.rect(x, y, r.width, r.height);
      ctx.fill();
      ctx.restore();
    }
    var bw = parseFloat(style.borderTopWidth);
    if (bw && style.borderTopStyle !== "none" && e.classList.contains("gk-line")) {
      ctx.save();
      ctx.strokeStyle = style.borderTopColor; ctx.lineWidth = bw;
      ctx.setLineDash(style.borderTopStyle === "dotted" ? [bw, bw * 1.5] : style.borderTopStyle === "dashed" ? [4, 3] : []);
      ctx.beginPath(); ctx.moveTo(x, y + bw / 2); ctx.lineTo(x + r.width, y + bw / 2); ctx.stroke();
      ctx.restore();
    }
  }
  function walk(ctx, e, origin) {
    if (getComputedStyle(e).display === "none") return;
    drawBox(ctx, e, origin);
    e.childNodes.forEach(function (n) {
      if (n.nodeType === 3) drawText(ctx, n, origin); else if (n.nodeType === 1) walk(ctx, n, origin);
    });
  }
  function picture() {
    /* the canvas as shown (CSS pixels), a title band above, the legend where it is on screen */
    var src = document.querySelector("#gk-canvas canvas"), wrap = document.getElementById("gk-canvas");
    var w = wrap.clientWidth, h = wrap.clientHeight, band = 56, dpr = src.width / w;
    var out = document.createElement("canvas");
    out.width = Math.round(w * dpr); out.height = Math.round((h + band) * dpr);
    var ctx = out.getContext("2d");
    ctx.scale(dpr, dpr);
    ctx.fillStyle = "#fbfcfd"; ctx.fillRect(0, 0, w, h + band);
    ctx.drawImage(src, 0, band, w, h);
    ctx.fillStyle = "#1d3557"; ctx.fillRect(0, 0, w, band);
    ctx.fillStyle = "#ffffff"; ctx.textBaseline = "alphabetic"; ctx.textAlign = "left";
    var font = getComputedStyle(document.body).fontFamily;
    ctx.font = "600 17px " + font;
    ctx.fillText(P.meta.title, 14, 24, w - 28);
    ctx.font = "12px " + font;
    var sub = [t("view." + P.meta.view + ".long"), t("as_of") + " " + P.meta.as_of];
    if (P.meta.synthetic) sub.push(t("synthetic"));
    ctx.fillText(sub.join("  ·  "), 14, 44, w - 28);
    var legend = document.getElementById("gk-legend"), box = wrap.getBoundingClientRect();
    var r = legend.getBoundingClientRect(), origin = { x: box.left, y: box.top - band };
    ctx.save();
    ctx.fillStyle = "rgba(255,255,255,0.93)"; ctx.strokeStyle = "#d9e2ec";
    ctx.fillRect(r.left - origin.x, r.top - origin.y, r.width, r.height);
    ctx.strokeRect(r.left - origin.x + 0.5, r.top - origin.y + 0.5, r.width - 1, r.height - 1);
    ctx.beginPath(); ctx.rect(r.left - origin.x, r.top - origin.y, r.width, r.height); ctx.clip();
    walk(ctx, legend, origin);
    ctx.restore();
    return out;
  }
  function save() {
    picture().toBlob(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "graphkit-" + P.meta.view + "-" + P.meta.as_of + ".png";
      document.body.appendChild(a); a.click(); document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    }, "image/png");
  }
  document.getElementById("gk-picture").addEventListener("click", save);
  M.picture = picture;
  M.pictureURL = function () { return picture().toDataURL("image/png"); };
  M.basemap = function (show) { if (show !== undefined && B) { on = !!show; document.getElementById("gk-basemap").checked = on; network.redraw(); } return on; };
  network.redraw();
})();
