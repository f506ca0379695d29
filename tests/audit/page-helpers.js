// In-page helpers for audit.mjs. This file is injected into every audited
// page (page.addScriptTag) and defines window.__ppAudit. It runs in the
// browser, not in Node: no imports, no Node APIs.
(() => {
  'use strict';
  if (window.__ppAudit) return;

  // ---------------------------------------------------------------- colour
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx2d = canvas.getContext('2d', { willReadFrequently: true });
  const colourCache = new Map();

  /** Any CSS colour string -> {r,g,b,a} (r,g,b 0-255, a 0-1). */
  function rgba(str) {
    if (str == null) return { r: 0, g: 0, b: 0, a: 0 };
    str = String(str).trim();
    if (colourCache.has(str)) return colourCache.get(str);
    let out;
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(str);
    if (m) {
      let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      out = { r: +m[1], g: +m[2], b: +m[3], a };
    } else if (/^transparent$/i.test(str)) {
      out = { r: 0, g: 0, b: 0, a: 0 };
    } else {
      // color(), oklch(), lab(), hex, keywords...: let the canvas convert.
      ctx2d.clearRect(0, 0, 1, 1);
      ctx2d.fillStyle = 'rgba(0,0,0,0)';
      ctx2d.fillStyle = str;
      ctx2d.fillRect(0, 0, 1, 1);
      const d = ctx2d.getImageData(0, 0, 1, 1).data;
      out = { r: d[0], g: d[1], b: d[2], a: d[3] / 255 };
    }
    colourCache.set(str, out);
    return out;
  }

  /** Composite colour `top` (with alpha) over opaque `bottom`. */
  function blend(top, bottom) {
    const a = top.a;
    return {
      r: top.r * a + bottom.r * (1 - a),
      g: top.g * a + bottom.g * (1 - a),
      b: top.b * a + bottom.b * (1 - a),
      a: 1,
    };
  }

  function luminance(c) {
    const ch = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
  }

  function contrast(a, b) {
    const la = luminance(a);
    const lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  const hex = (c) =>
    '#' + [c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

  /** Opaque colour painted behind `el` (el's own background included),
   *  compositing background-colors up to the canvas (white). Background
   *  images make the result uncertain. */
  function effectiveBg(el) {
    const chain = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) chain.push(n);
    let colour = { r: 255, g: 255, b: 255, a: 1 };
    let uncertain = false;
    for (let i = chain.length - 1; i >= 0; i--) {
      const cs = getComputedStyle(chain[i]);
      const bg = rgba(cs.backgroundColor);
      if (bg.a > 0) colour = blend(bg, colour);
      if (cs.backgroundImage && cs.backgroundImage !== 'none') uncertain = true;
    }
    return { colour, uncertain };
  }

  // -------------------------------------------------------------- selectors
  function selector(el) {
    if (!el || el.nodeType !== 1) return String(el);
    const parts = [];
    let n = el;
    while (n && n.nodeType === 1 && n !== document.documentElement) {
      if (n.id && document.querySelectorAll('#' + CSS.escape(n.id)).length === 1) {
        parts.unshift('#' + CSS.escape(n.id));
        break;
      }
      let p = n.localName;
      const parent = n.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.localName === n.localName);
        if (same.length > 1) p += `:nth-of-type(${same.indexOf(n) + 1})`;
      }
      parts.unshift(p);
      n = parent;
    }
    return parts.join(' > ') || 'html';
  }

  const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();

  function label(el) {
    const t = squash(el.getAttribute('aria-label')) || squash(el.innerText || el.textContent);
    return t.length > 80 ? t.slice(0, 77) + '...' : t;
  }

  const ids = new WeakMap();
  let nextId = 1;
  function idOf(el) {
    if (!ids.has(el)) ids.set(el, nextId++);
    return ids.get(el);
  }

  // ------------------------------------------------------------ focusables
  const FOCUSABLE = [
    'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea',
    'summary', 'iframe', 'audio[controls]', 'video[controls]', '[contenteditable]:not([contenteditable="false"])',
    '[tabindex]',
  ].join(',');

  function rendered(el) {
    if (typeof el.checkVisibility === 'function') {
      return el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
    }
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
  }

  /** Elements a keyboard user must be able to reach with Tab. */
  function expectedFocusables() {
    const out = [];
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      const ti = el.getAttribute('tabindex');
      if (ti !== null && ti.trim() !== '' && parseInt(ti, 10) < 0) continue;
      if (el.matches(':disabled')) continue;
      if (el.closest('[inert]')) continue;
      if (el.localName === 'summary' && ti === null && !(el.parentElement && el.parentElement.localName === 'details' && el.parentElement.querySelector(':scope > summary') === el)) continue;
      // rendered() is false for the content of a closed <details>, display:none, visibility:hidden
      if (!rendered(el)) continue;
      const group = el.localName === 'input' && el.type === 'radio' && el.name
        ? 'radio:' + (el.form ? idOf(el.form) : 'doc') + ':' + el.name : null;
      out.push({ id: idOf(el), selector: selector(el), tag: el.localName, label: label(el), group });
    }
    return out;
  }

  // ------------------------------------------------------- style snapshots
  const PROPS = [
    'outlineStyle', 'outlineWidth', 'outlineColor', 'outlineOffset', 'boxShadow',
    'backgroundColor', 'backgroundImage', 'color', 'textDecorationLine', 'textDecorationColor',
    'borderTopStyle', 'borderTopWidth', 'borderTopColor',
    'borderRightStyle', 'borderRightWidth', 'borderRightColor',
    'borderBottomStyle', 'borderBottomWidth', 'borderBottomColor',
    'borderLeftStyle', 'borderLeftWidth', 'borderLeftColor',
  ];

  function snap(el, pseudo) {
    const cs = getComputedStyle(el, pseudo || null);
    const o = {};
    if (pseudo) {
      o.content = cs.content;
      if (cs.content === 'none' || cs.content === 'normal' || cs.display === 'none') return null;
      o.width = parseFloat(cs.width) || 0;
      o.height = parseFloat(cs.height) || 0;
    }
    for (const p of PROPS) o[p] = cs[p];
    return o;
  }

  function fullSnap(el) {
    return { self: snap(el), before: snap(el, '::before'), after: snap(el, '::after'), bg: effectiveBg(el) };
  }

  const baselines = new WeakMap();
  let overlays = [];

  /** Record the unfocused appearance of every element that can take focus,
   *  before any key is pressed. Also lists fixed/sticky elements. */
  function baseline() {
    let n = 0;
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      const scroller = /(auto|scroll)/.test(cs.overflowX + ' ' + cs.overflowY);
      if (el.matches(FOCUSABLE) || scroller) {
        baselines.set(el, fullSnap(el));
        n++;
      }
    }
    overlays = Array.from(document.querySelectorAll('body *')).filter((el) => {
      const p = getComputedStyle(el).position;
      return p === 'fixed' || p === 'sticky';
    });
    return { snapshots: n, overlays: overlays.length };
  }

  // ---------------------------------------------------- focus indicator
  const px = (v) => parseFloat(v) || 0;

  function parseShadows(s) {
    if (!s || s === 'none') return [];
    const parts = [];
    let depth = 0;
    let cur = '';
    for (const ch of s) {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === ',' && depth === 0) {
        parts.push(cur.trim());
        cur = '';
      } else cur += ch;
    }
    if (cur.trim()) parts.push(cur.trim());
    return parts.map((p) => {
      const inset = /\binset\b/.test(p);
      p = p.replace(/\binset\b/, '').trim();
      let colour = 'currentcolor';
      const fn = /^[a-z-]+\([^)]*\)|^#[0-9a-f]+|^[a-z]+(?=\s)/i.exec(p);
      let rest = p;
      if (fn) {
        colour = fn[0];
        rest = p.slice(fn[0].length);
      } else {
        const tail = /([a-z-]+\([^)]*\)|#[0-9a-f]+|[a-z]+)$/i.exec(p);
        if (tail) {
          colour = tail[0];
          rest = p.slice(0, tail.index);
        }
      }
      const n = (rest.match(/-?[\d.]+px|-?[\d.]+/g) || []).map(parseFloat);
      return { raw: p, colour, inset, x: n[0] || 0, y: n[1] || 0, blur: n[2] || 0, spread: n[3] || 0 };
    });
  }

  /**
   * Compare the focused state of `el` against its unfocused baseline.
   * An indicator counts when a property visibly changed AND the new colour
   * has >= 3:1 contrast against what it sits next to (WCAG 1.4.11).
   */
  function indicator(el) {
    const base = baselines.get(el);
    if (!base) return { status: 'unknown', reason: 'no unfocused baseline for this element' };
    const now = fullSnap(el);
    const U = base.self;
    const F = now.self;
    const outside = el.parentElement ? effectiveBg(el.parentElement) : { colour: { r: 255, g: 255, b: 255, a: 1 }, uncertain: false };
    const ownF = now.bg;
    const ownU = base.bg;
    const good = [];
    const weak = [];
    const unverifiable = [];
    const note = (ok, what, ratio, extra) => {
      const rec = { what, ratio: Math.round(ratio * 100) / 100, ...extra };
      (ok ? good : weak).push(rec);
    };

    // outline
    const outlineOn = (s) => s.outlineStyle !== 'none' && px(s.outlineWidth) >= 1;
    if (outlineOn(F) && (!outlineOn(U) || U.outlineColor !== F.outlineColor || U.outlineWidth !== F.outlineWidth || U.outlineStyle !== F.outlineStyle || U.outlineOffset !== F.outlineOffset)) {
      const inside = px(F.outlineOffset) < 0 && -px(F.outlineOffset) >= px(F.outlineWidth);
      const against = inside ? ownF.colour : outside.colour;
      const c = blend(rgba(F.outlineColor), against);
      let r = contrast(c, against);
      // outline-style:auto is Chromium's own two-tone ring (the colour plus
      // a white ring), visible on dark backgrounds too.
      if (F.outlineStyle === 'auto') r = Math.max(r, contrast({ r: 255, g: 255, b: 255, a: 1 }, against));
      note(r >= 3, F.outlineStyle === 'auto' ? 'outline (browser ring)' : 'outline', r, { colour: hex(c), against: hex(against), width: F.outlineWidth });
    }

    // box-shadow
    if (F.boxShadow !== U.boxShadow) {
      const before = new Set(parseShadows(U.boxShadow).map((s) => s.raw));
      for (const s of parseShadows(F.boxShadow)) {
        if (before.has(s.raw)) continue;
        const col = rgba(s.colour === 'currentcolor' ? F.color : s.colour);
        const thickness = Math.max(s.spread, Math.abs(s.x), Math.abs(s.y), s.blur / 2);
        if (col.a === 0 || thickness < 1) continue;
        const against = s.inset ? ownF.colour : outside.colour;
        const c = blend(col, against);
        const r = contrast(c, against);
        note(r >= 3, 'box-shadow', r, { colour: hex(c), against: hex(against), shadow: s.raw });
      }
    }

    // background colour of the element itself
    const bgChanged = hex(ownF.colour) !== hex(ownU.colour);
    if (bgChanged) {
      const r = contrast(ownF.colour, ownU.colour);
      note(r >= 3, 'background', r, { colour: hex(ownF.colour), against: hex(ownU.colour) });
    }
    if (F.backgroundImage !== U.backgroundImage) unverifiable.push('background-image changed');

    // borders
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      const st = 'border' + side + 'Style';
      const wd = 'border' + side + 'Width';
      const co = 'border' + side + 'Color';
      const on = (s) => s[st] !== 'none' && s[st] !== 'hidden' && px(s[wd]) >= 1 && rgba(s[co]).a > 0;
      if (!on(F)) continue;
      if (on(U) && U[co] === F[co] && U[wd] === F[wd] && U[st] === F[st]) continue;
      const col = blend(rgba(F[co]), outside.colour);
      let r;
      if (on(U) && px(F[wd]) <= px(U[wd])) {
        r = contrast(col, blend(rgba(U[co]), outside.colour)); // colour change only
      } else {
        r = contrast(col, outside.colour);
      }
      note(r >= 3, 'border-' + side.toLowerCase(), r, { colour: hex(col), width: F[wd] });
    }

    // underline added
    if (!/underline/.test(U.textDecorationLine) && /underline/.test(F.textDecorationLine)) {
      const c = blend(rgba(F.textDecorationColor), ownF.colour);
      const r = contrast(c, ownF.colour);
      note(r >= 3, 'underline', r, { colour: hex(c), against: hex(ownF.colour) });
    }

    // text colour change
    if (hex(rgba(F.color)) !== hex(rgba(U.color))) {
      const a = blend(rgba(F.color), ownF.colour);
      const b = blend(rgba(U.color), ownU.colour);
      const r = contrast(a, b);
      note(r >= 3, 'text colour', r, { colour: hex(a), against: hex(b) });
    }

    // ::before / ::after decorations
    for (const which of ['before', 'after']) {
      const P = now[which];
      const Q = base[which];
      if (!P) continue;
      if (Q && PROPS.every((p) => P[p] === Q[p]) && P.content === Q.content) continue;
      const cands = [];
      if (rgba(P.backgroundColor).a > 0 && (!Q || P.backgroundColor !== Q.backgroundColor) && P.width * P.height >= 1) cands.push(['background', P.backgroundColor]);
      if (outlineOn(P) && (!Q || !outlineOn(Q) || Q.outlineColor !== P.outlineColor)) cands.push(['outline', P.outlineColor]);
      for (const s of parseShadows(P.boxShadow)) if (!Q || Q.boxShadow !== P.boxShadow) cands.push(['box-shadow', s.colour]);
      for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
        if (P['border' + side + 'Style'] !== 'none' && px(P['border' + side + 'Width']) >= 1 && (!Q || Q['border' + side + 'Color'] !== P['border' + side + 'Color'] || Q['border' + side + 'Width'] !== P['border' + side + 'Width'])) {
          cands.push(['border', P['border' + side + 'Color']]);
        }
      }
      if (!cands.length && (!Q || P.content !== Q.content)) unverifiable.push(`::${which} content changed`);
      for (const [what, colour] of cands) {
        const c = blend(rgba(colour === 'currentcolor' ? P.color : colour), ownF.colour);
        const r = contrast(c, ownF.colour);
        note(r >= 3, `::${which} ${what}`, r, { colour: hex(c), against: hex(ownF.colour) });
      }
    }

    const uncertainBg = outside.uncertain || ownF.uncertain;
    if (good.length) return { status: 'ok', good, weak, uncertainBg };
    if (weak.length) return { status: 'low-contrast', weak, unverifiable, uncertainBg };
    if (unverifiable.length) return { status: 'unverifiable', unverifiable };
    return { status: 'none' };
  }

  // ------------------------------------------------ visibility / obscured
  function visibility(el) {
    const r = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const problems = [];
    if (r.width < 2 || r.height < 2) problems.push(`size ${Math.round(r.width)}x${Math.round(r.height)}px`);
    if (r.right <= 0 || r.bottom <= 0 || r.left >= vw || r.top >= vh) problems.push(`outside the viewport (${Math.round(r.left)},${Math.round(r.top)})`);
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible') problems.push('visibility:' + cs.visibility);
    let clipped = false;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (parseFloat(s.opacity) === 0) problems.push('opacity 0 on ' + selector(n));
      if ((s.clip && s.clip !== 'auto') || (s.clipPath && s.clipPath !== 'none')) clipped = true;
      if (n !== el && n !== document.body && n !== document.documentElement && /(hidden|clip|auto|scroll)/.test(s.overflowX + s.overflowY)) {
        const pr = n.getBoundingClientRect();
        if (pr.width < 2 || pr.height < 2 || r.right <= pr.left || r.left >= pr.right || r.bottom <= pr.top || r.top >= pr.bottom) {
          problems.push('clipped by ' + selector(n));
        }
      }
    }
    if (clipped && !problems.length) {
      // clip / clip-path in play: hit-test a grid of points.
      let hit = false;
      for (const fx of [0.25, 0.5, 0.75]) {
        for (const fy of [0.25, 0.5, 0.75]) {
          const t = document.elementFromPoint(r.left + r.width * fx, r.top + r.height * fy);
          if (t && (t === el || el.contains(t))) hit = true;
        }
      }
      if (!hit) problems.push('clipped away (clip / clip-path)');
    }
    return { visible: problems.length === 0, problems, rect: { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) } };
  }

  /** Bounding-box test against position:fixed / sticky elements (2.4.11). */
  function obscured(el) {
    const r = el.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const L = Math.max(r.left, 0), T = Math.max(r.top, 0);
    const R = Math.min(r.right, vw), B = Math.min(r.bottom, vh);
    if (R - L < 1 || B - T < 1) return { covered: 0, by: [] };
    const boxes = [];
    for (const o of overlays) {
      if (!o.isConnected || o === el || o.contains(el) || el.contains(o)) continue;
      const s = getComputedStyle(o);
      if (s.visibility !== 'visible' || parseFloat(s.opacity) === 0 || s.display === 'none') continue;
      const q = o.getBoundingClientRect();
      if (q.width < 2 || q.height < 2) continue;
      if (q.right <= L || q.left >= R || q.bottom <= T || q.top >= B) continue;
      boxes.push({ o, q });
    }
    if (!boxes.length) return { covered: 0, by: [] };
    let covered = 0;
    const pts = [];
    for (const fx of [0.05, 0.5, 0.95]) for (const fy of [0.05, 0.5, 0.95]) pts.push([L + (R - L) * fx, T + (B - T) * fy]);
    const by = new Set();
    for (const [x, y] of pts) {
      const hit = boxes.find(({ q }) => x >= q.left && x <= q.right && y >= q.top && y <= q.bottom);
      if (hit) {
        covered++;
        by.add(selector(hit.o));
      }
    }
    return { covered: covered / pts.length, by: Array.from(by) };
  }

  function activeElementDeep() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }

  /** Describe the element that has focus right now. */
  function stop() {
    const el = activeElementDeep();
    if (!el || el === document.body || el === document.documentElement) return { kind: 'none' };
    return {
      kind: 'el',
      id: idOf(el),
      selector: selector(el),
      tag: el.localName,
      label: label(el),
      href: el.getAttribute('href'),
      visibility: visibility(el),
      indicator: indicator(el),
      obscured: obscured(el),
    };
  }

  // --------------------------------------------------------- skip link
  function skipTarget() {
    return document.getElementById('main-content');
  }

  function afterSkip() {
    const main = skipTarget();
    const a = activeElementDeep();
    const res = { hash: location.hash, mainExists: !!main };
    if (!main) return res;
    res.mainIsMain = main.localName === 'main' || main.getAttribute('role') === 'main';
    res.activeInMain = !!a && main.contains(a);
    res.isTarget = main.matches(':target');
    const r = main.getBoundingClientRect();
    const sp = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    const maxScroll = document.documentElement.scrollHeight - window.innerHeight;
    res.mainTop = Math.round(r.top);
    res.scrollY = Math.round(window.scrollY);
    res.inView = r.bottom > 0 && (r.top <= sp + 2 || window.scrollY >= maxScroll - 2);
    return res;
  }

  function focusRelativeToMain() {
    const main = skipTarget();
    const a = activeElementDeep();
    if (!a || a === document.body || a === document.documentElement) return { none: true };
    if (!main) return { none: false, ok: false, selector: selector(a) };
    const ok = main.contains(a) || !!(main.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { none: false, ok, selector: selector(a) };
  }

  // ------------------------------------------------------------ reflow
  function reflow() {
    const de = document.documentElement;
    const cw = de.clientWidth;
    const res = { scrollWidth: de.scrollWidth, clientWidth: cw, offenders: [] };
    if (de.scrollWidth <= cw) return res;
    const inScroller = (el) => {
      for (let n = el.parentElement; n && n !== document.body && n !== de; n = n.parentElement) {
        if (getComputedStyle(n).overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!rendered(el)) continue;
      if ((r.right > cw + 1 || r.left < -1) && !inScroller(el)) wide.push({ el, r });
    }
    // outermost offenders only
    const set = new Set(wide.map((w) => w.el));
    for (const { el, r } of wide) {
      let p = el.parentElement;
      let outer = true;
      while (p) {
        if (set.has(p)) { outer = false; break; }
        p = p.parentElement;
      }
      if (outer) res.offenders.push({ selector: selector(el), left: Math.round(r.left), right: Math.round(r.right), width: Math.round(r.width) });
      if (res.offenders.length >= 8) break;
    }
    return res;
  }

  // Where the page's first h1 starts, in page coordinates (the page scrolled to the top), and
  // whether its first line is wholly on the first screen: on a phone, a reader who opens a
  // page sees what it is without scrolling past the header. null without an h1 (axe reports
  // that).
  function headingOnFirstScreen() {
    const h1 = [...document.querySelectorAll('h1')].find(rendered);
    if (!h1) return null;
    const r = h1.getBoundingClientRect();
    const top = r.top + window.scrollY;
    const cs = getComputedStyle(h1);
    const line = parseFloat(cs.lineHeight) || 1.2 * parseFloat(cs.fontSize);
    const screen = window.innerHeight;
    return { selector: selector(h1), top: Math.round(top), line: Math.round(line), screen, ok: top + line <= screen };
  }

  function accessibleNameOfRegion(el) {
    const al = squash(el.getAttribute('aria-label'));
    if (al) return al;
    const lb = squash(el.getAttribute('aria-labelledby'));
    if (lb) {
      const t = lb.split(' ').map((id) => document.getElementById(id)).filter(Boolean).map((n) => squash(n.textContent)).join(' ').trim();
      if (t) return t;
    }
    return '';
  }

  /** Tables wider than their container must sit in a keyboard-scrollable,
   *  labelled region. */
  function tables() {
    const out = [];
    for (const t of document.querySelectorAll('table')) {
      if (!rendered(t)) continue;
      let scroller = null;
      for (let n = t.parentElement; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
        if (getComputedStyle(n).overflowX !== 'visible') { scroller = n; break; }
      }
      const container = scroller || t.parentElement;
      const tw = t.getBoundingClientRect().width;
      const avail = container === document.body ? document.documentElement.clientWidth : container.clientWidth;
      if (tw <= avail + 1) continue;
      const problems = [];
      if (!scroller) problems.push('not inside an element with overflow-x:auto');
      else {
        const ox = getComputedStyle(scroller).overflowX;
        if (ox !== 'auto' && ox !== 'scroll') problems.push(`container has overflow-x:${ox} (content is cut off)`);
        if (scroller.getAttribute('tabindex') !== '0') problems.push('scroll container lacks tabindex="0"');
        if (scroller.getAttribute('role') !== 'region') problems.push('scroll container lacks role="region"');
        if (!accessibleNameOfRegion(scroller)) problems.push('scroll container has no accessible name (aria-label / aria-labelledby)');
      }
      if (problems.length) {
        out.push({ selector: selector(t), container: scroller ? selector(scroller) : null, tableWidth: Math.round(tw), available: Math.round(avail), problems });
      }
    }
    return out;
  }

  // ------------------------------------------------------ text clipping
  function clipped() {
    const out = [];
    for (const el of document.querySelectorAll('body, body *')) {
      if (['script', 'style', 'template', 'noscript', 'svg', 'img', 'video', 'audio', 'iframe', 'canvas', 'select', 'textarea', 'input'].includes(el.localName)) continue;
      const cs = getComputedStyle(el);
      const hx = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
      const hy = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
      if (!hx && !hy) continue;
      if (el.clientWidth <= 2 || el.clientHeight <= 2) continue; // visually-hidden pattern
      if (!squash(el.textContent)) continue;
      if (!rendered(el)) continue;
      const axes = [];
      if (hy && el.scrollHeight > el.clientHeight + 1) axes.push(`vertical ${el.scrollHeight}>${el.clientHeight}px`);
      if (hx && el.scrollWidth > el.clientWidth + 1) axes.push(`horizontal ${el.scrollWidth}>${el.clientWidth}px`);
      if (axes.length) out.push({ selector: selector(el), axes, text: label(el).slice(0, 60) });
    }
    return out;
  }

  function textSpacingApplied() {
    const p = document.querySelector('p') || document.body;
    const cs = getComputedStyle(p);
    const fs = parseFloat(cs.fontSize);
    return {
      letterSpacing: cs.letterSpacing,
      wordSpacing: cs.wordSpacing,
      lineHeight: cs.lineHeight,
      ok: Math.abs(parseFloat(cs.letterSpacing) - 0.12 * fs) < 0.5 && Math.abs(parseFloat(cs.lineHeight) - 1.5 * fs) < 1,
    };
  }

  // Labels of SVG charts that overlap one another or spill out of their chart, as laid out
  // now: each pair of <text> boxes in one <svg> (the boxes the browser draws, from
  // getBoundingClientRect) sharing more than half a pixel each way, and each box reaching
  // more than a pixel outside the <svg>'s own box. A vertical reference line
  // (`line.chart-ref`, a target or control limit across bars) must not run through a value
  // or a reference label either.
  function chartLabels() {
    const out = [];
    const name = (t) => (t.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    const fmt = (r) => `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    for (const svg of document.querySelectorAll('svg')) {
      const texts = [...svg.querySelectorAll('text')].filter((t) => name(t));
      if (!texts.length) continue;
      const own = svg.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) continue;
      const boxes = texts.map((t) => t.getBoundingClientRect());
      const sel = selector(svg);
      boxes.forEach((r, i) => {
        if (r.left < own.left - 1 || r.right > own.right + 1 || r.top < own.top - 1 || r.bottom > own.bottom + 1) {
          out.push({ selector: sel, detail: `"${name(texts[i])}" (${fmt(r)}) reaches outside its chart (${fmt(own)})` });
        }
        for (let j = i + 1; j < boxes.length; j++) {
          const o = boxes[j];
          const w = Math.min(r.right, o.right) - Math.max(r.left, o.left);
          const h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
          if (w > 0.5 && h > 0.5) {
            out.push({ selector: sel, detail: `"${name(texts[i])}" (${fmt(r)}) overlaps "${name(texts[j])}" (${fmt(o)})` });
          }
        }
      });
      for (const line of svg.querySelectorAll('line.chart-ref')) {
        const l = line.getBoundingClientRect();
        if (l.width > 4 || l.height === 0) continue;
        const x = l.left + l.width / 2;
        texts.forEach((t, i) => {
          if (!/chart-value|chart-ref-label/.test(t.getAttribute('class') || '')) return;
          const r = boxes[i];
          if (x > r.left + 0.5 && x < r.right - 0.5 && l.bottom > r.top + 0.5 && l.top < r.bottom - 0.5) {
            out.push({ selector: sel, detail: `a reference line at x=${Math.round(x)} runs through "${name(t)}" (${fmt(r)})` });
          }
        });
      }
    }
    return out;
  }

  window.__ppAudit = {
    baseline, expectedFocusables, stop, afterSkip, focusRelativeToMain, reflow, tables, clipped,
    headingOnFirstScreen, textSpacingApplied, selector, contrast, rgba, chartLabels,
  };
})();
