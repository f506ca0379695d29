#!/usr/bin/env python3
"""Reads a tagged PDF's structure tree as a screen reader or a PDF/UA checker does, and
reports what would mislead a reader who cannot see the page.

    python3 tests/pdf/structure.py FILE.pdf [FILE.pdf ...]
    python3 tests/pdf/structure.py --self-test FILE.pdf

Each fault is printed on a line of its own:

    FAULT <check> <file> page <n>: <what is wrong> (<where in the tree>)

and the exit status is 1 when there is at least one, 0 when there is none, 2 when a file
cannot be read or has no structure tree at all. After each file a line
`checked <file>: ...` counts what was looked at, so a run that checked nothing shows it.

The checks (the Matterhorn Protocol 1.1 checkpoint for PDF/UA-1, ISO 14289-1, in brackets;
"UKAAF" where the rule is a large-print one, not a PDF/UA one):

  list         L holds only LI (and a Caption); LI holds only Lbl and LBody; a list inside
               another list is inside the LBody of the item it belongs to
               [09-005, ISO 32000-1 table 336]
  table        Table holds only TR, THead, TBody, TFoot and a first or last Caption; TR holds
               only TH and TD [09-004, ISO 32000-1 table 337]
  caption      a Caption is a child of the Table, L or Figure it captions, never beside it
               [09-004, 09-005]
  scope        every TH has a /Scope attribute [15-003]
  toc          TOC holds only TOCI and TOC [09-006]
  inline       no inline element (Span, Link, Quote, Code, Reference...) and no text directly
               under Document, Part, Art, Sect, Div, BlockQuote or TOC: it belongs in a P or a
               heading [ISO 32000-1 14.8.4; 01-006 and 09-002 are the human checks this backs]
  heading      H1 to H6 only (not H), the first heading is H1, and no level is skipped
               [14-002, 14-003, 14-007]
  link         every Link annotation is in a Link element and has /Contents with no white
               space at either end [28-011, 28-012]
  page-end     no page but the last ends with a heading, a caption or a lead-in (a bold
               paragraph followed by the list or table it introduces), and none has only one
               line of text after it on its page when what it introduces goes on to the next
               page (UKAAF: keep headings with their text)

`--self-test FILE` proves that every check can fail: it first checks that FILE passes, then
for each check it breaks a copy of FILE's tree in the way that check looks for (moving a
nested list beside its item, a caption out of its table, dropping a /Scope...) and checks
that the check reports it. FILE must have something of each kind to break: nested lists, a
table with a caption, a contents list, H2s, links and pages that end in ordinary text.
"""

import io
import sys
from collections import defaultdict

try:
    import pikepdf
    from pikepdf import Array, Dictionary, Name
except ImportError:  # pragma: no cover - the message is the point
    sys.stderr.write(
        "structure.py needs pikepdf: run `bash .ci/install-test-deps`, which installs it into "
        "tests/pdf/.venv, then run this with tests/pdf/.venv/bin/python3\n"
    )
    sys.exit(2)

CHECKS = ["list", "table", "caption", "scope", "toc", "inline", "heading", "link", "page-end"]

GROUPING = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "TOC", "NonStruct", "Private"}
INLINE = {
    "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
    "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
}
HEADINGS = {"H1", "H2", "H3", "H4", "H5", "H6"}
# Where a line's words "live": the nearest ancestor of one of these kinds.
BLOCKS = HEADINGS | {"H", "P", "Caption", "Lbl", "LBody", "TH", "TD", "TOCI", "Title", "Figure"}


class Fault(Exception):
    """A file that cannot be checked at all."""


class Elem:
    """One structure element, with its role resolved through the RoleMap."""

    def __init__(self, obj, raw, role, parent, index):
        self.obj = obj
        self.raw = raw
        self.role = role
        self.parent = parent
        self.index = index
        self.kids = []  # Elem, in order
        self.mcids = []  # (page index, mcid) directly in this element
        self.objrs = []  # objects referenced by OBJR

    def path(self):
        parts = []
        e = self
        while e is not None:
            label = e.raw if e.raw == e.role else f"{e.raw}({e.role})"
            parts.append(f"{label}[{e.index}]" if e.parent is not None else label)
            e = e.parent
        return " > ".join(reversed(parts))

    def ancestors(self):
        e = self.parent
        while e is not None:
            yield e
            e = e.parent

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()

    def all_mcids(self):
        for e in self.walk():
            yield from e.mcids

    def next_sibling(self):
        if self.parent is None:
            return None
        kids = self.parent.kids
        i = kids.index(self)
        return kids[i + 1] if i + 1 < len(kids) else None


def name(obj):
    """A PDF name ("/Strong") or dictionary key as text without its slash ("Strong")."""
    text = str(obj)
    return text[1:] if text.startswith("/") else text


def as_list(obj):
    if obj is None:
        return []
    return list(obj) if isinstance(obj, Array) else [obj]


class Document:
    """A PDF's structure tree and the lines of text on its pages."""

    def __init__(self, pdf, lines=None):
        self.pdf = pdf
        # Lines of text by page index, read from the content streams when first asked for.
        # A copy whose tree alone was changed may share them (see `self_test`).
        self.lines_cache = lines if lines is not None else {}
        self.fonts = {}
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            raise Fault("no structure tree (/StructTreeRoot): the PDF is not tagged")
        self.rolemap = {name(k): name(v) for k, v in root.get("/RoleMap", Dictionary()).items()}
        self.classmap = root.get("/ClassMap", Dictionary())
        self.pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        self.roots = []
        self.elements = []
        self.by_mcid = {}
        self.objr_targets = set()
        for i, k in enumerate(as_list(root.get("/K"))):
            self._read(k, None, i, None)
        if not self.elements:
            raise Fault("the structure tree is empty")

    def lines(self, index):
        if index not in self.lines_cache:
            self.lines_cache[index] = page_lines(self.pdf, index, self.fonts)
        return self.lines_cache[index]

    def resolve(self, raw):
        seen = set()
        role = raw
        while role in self.rolemap and role not in seen:
            seen.add(role)
            role = self.rolemap[role]
        return role

    def _page(self, obj, inherited):
        pg = obj.get("/Pg") if isinstance(obj, Dictionary) else None
        if pg is not None:
            return self.pages.get(pg.objgen)
        return inherited

    def _read(self, obj, parent, index, page):
        if isinstance(obj, int) and not isinstance(obj, bool):
            if parent is None:
                raise Fault("a marked-content id directly under the structure tree root")
            parent.mcids.append((page, int(obj)))
            self.by_mcid[(page, int(obj))] = parent
            return
        if not isinstance(obj, Dictionary):
            return
        kind = obj.get("/Type")
        if kind == Name.MCR:
            pg = self._page(obj, page)
            parent.mcids.append((pg, int(obj.MCID)))
            self.by_mcid[(pg, int(obj.MCID))] = parent
            return
        if kind == Name.OBJR:
            target = obj.get("/Obj")
            if target is not None:
                parent.objrs.append(target)
                self.objr_targets.add(target.objgen)
            return
        if "/S" not in obj:
            return
        raw = name(obj.S)
        elem = Elem(obj, raw, self.resolve(raw), parent, index)
        self.elements.append(elem)
        if parent is None:
            self.roots.append(elem)
        else:
            parent.kids.append(elem)
        page = self._page(obj, page)
        for i, k in enumerate(as_list(obj.get("/K"))):
            self._read(k, elem, i, page)


# --- Text lines, from the pages' content streams -------------------------------------------


def multiply(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def to_unicode_map(font):
    """The font's ToUnicode CMap as {code bytes: text}, and the code length in bytes."""
    cmap = {}
    two_bytes = name(font.get("/Subtype", "")) == "Type0"
    stream = font.get("/ToUnicode")
    if stream is None:
        return cmap, 2 if two_bytes else 1
    data = stream.read_bytes().decode("latin-1")
    tokens = data.replace("[", " [ ").replace("]", " ] ").split()

    def hexval(t):
        return bytes.fromhex(t.strip("<>"))

    def text(t):
        raw = hexval(t)
        return raw.decode("utf-16-be", errors="replace")

    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t == "beginbfchar":
            i += 1
            while tokens[i] != "endbfchar":
                cmap[hexval(tokens[i])] = text(tokens[i + 1])
                i += 2
        elif t == "beginbfrange":
            i += 1
            while tokens[i] != "endbfrange":
                lo, hi = hexval(tokens[i]), hexval(tokens[i + 1])
                width = len(lo)
                lo_n, hi_n = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
                if tokens[i + 2] == "[":
                    j = i + 3
                    n = lo_n
                    while tokens[j] != "]":
                        cmap[n.to_bytes(width, "big")] = text(tokens[j])
                        n += 1
                        j += 1
                    i = j + 1
                else:
                    start = hexval(tokens[i + 2])
                    base = int.from_bytes(start, "big")
                    for n in range(lo_n, min(hi_n, lo_n + 65535) + 1):
                        value = (base + n - lo_n).to_bytes(len(start), "big")
                        cmap[n.to_bytes(width, "big")] = value.decode("utf-16-be", errors="replace")
                    i += 3
        else:
            i += 1
    width = len(next(iter(cmap))) if cmap else (2 if two_bytes else 1)
    return cmap, width


def decode(raw, font_map):
    cmap, width = font_map
    out = []
    for i in range(0, len(raw) - width + 1, width):
        out.append(cmap.get(raw[i : i + width], "\ufffd"))
    return "".join(out)


class Line:
    def __init__(self, y):
        self.y = y
        self.runs = []  # (x, text, mcid or None)

    def text(self):
        return "".join(t for _, t, _ in sorted(self.runs, key=lambda r: r[0])).strip()

    def mcids(self):
        return {m for _, _, m in self.runs if m is not None}


def page_lines(pdf, page_index, fonts_cache):
    """The page's lines of text that are not artifacts, top to bottom. `fonts_cache` keeps
    each font's character map between pages."""
    page = pdf.pages[page_index]
    runs = []  # (y, x, text, mcid)

    def run_stream(stream_owner, resources, ctm, marked):
        gs = [ctm]
        tm = tlm = IDENTITY
        leading = 0.0
        font = None
        properties = resources.get("/Properties", Dictionary()) if resources else Dictionary()
        font_dict = resources.get("/Font", Dictionary()) if resources else Dictionary()
        xobjects = resources.get("/XObject", Dictionary()) if resources else Dictionary()
        for operands, op in pikepdf.parse_content_stream(stream_owner):
            op = str(op)
            if op == "q":
                gs.append(gs[-1])
            elif op == "Q":
                if len(gs) > 1:
                    gs.pop()
            elif op == "cm":
                gs[-1] = multiply(tuple(float(v) for v in operands), gs[-1])
            elif op == "BT":
                tm = tlm = IDENTITY
            elif op == "Tm":
                tm = tlm = tuple(float(v) for v in operands)
            elif op in ("Td", "TD"):
                tx, ty = float(operands[0]), float(operands[1])
                if op == "TD":
                    leading = -ty
                tlm = multiply((1, 0, 0, 1, tx, ty), tlm)
                tm = tlm
            elif op == "TL":
                leading = float(operands[0])
            elif op == "T*":
                tlm = multiply((1, 0, 0, 1, 0, -leading), tlm)
                tm = tlm
            elif op == "Tf":
                key = operands[0]
                f = font_dict.get(key)
                if f is not None:
                    if f.objgen not in fonts_cache:
                        fonts_cache[f.objgen] = to_unicode_map(f)
                    font = fonts_cache[f.objgen]
            elif op in ("Tj", "TJ", "'", '"'):
                if op in ("'", '"'):
                    tlm = multiply((1, 0, 0, 1, 0, -leading), tlm)
                    tm = tlm
                if any(m == "artifact" for m in marked):
                    continue
                strings = operands[-1]
                parts = strings if isinstance(strings, Array) else [strings]
                raw = b"".join(bytes(p) for p in parts if isinstance(p, pikepdf.String))
                text = decode(raw, font) if font else raw.decode("latin-1")
                x, y = multiply(tm, gs[-1])[4:6]
                mcid = next((m for m in reversed(marked) if isinstance(m, int)), None)
                runs.append((y, x, text, mcid))
            elif op in ("BDC", "BMC"):
                tag = name(operands[0])
                if tag == "Artifact":
                    marked.append("artifact")
                    continue
                mcid = None
                if op == "BDC":
                    props = operands[1]
                    if isinstance(props, Name):
                        props = properties.get(props)
                    if isinstance(props, Dictionary) and "/MCID" in props:
                        mcid = int(props.MCID)
                marked.append(mcid)
            elif op == "EMC":
                if marked:
                    marked.pop()
            elif op == "Do":
                xo = xobjects.get(operands[0])
                if xo is not None and xo.get("/Subtype") == Name.Form:
                    matrix = tuple(float(v) for v in xo.get("/Matrix", Array(IDENTITY)))
                    run_stream(xo, xo.get("/Resources", resources), multiply(matrix, gs[-1]), marked)

    run_stream(page, page.get("/Resources"), IDENTITY, [])
    # Words on one baseline (within a point) form a line; lines run top to bottom.
    lines = []
    for y, x, text, mcid in sorted(runs, key=lambda r: -r[0]):
        if not text.strip():
            continue
        if lines and abs(lines[-1].y - y) <= 1.0:
            lines[-1].runs.append((x, text, mcid))
        else:
            line = Line(y)
            line.runs.append((x, text, mcid))
            lines.append(line)
    return lines


# --- The checks ------------------------------------------------------------------------------


def attributes(doc, elem):
    """Every attribute dictionary of an element: its own (/A) and its classes' (/C, through
    the tree's /ClassMap). Revision numbers between them are skipped."""
    found = list(as_list(elem.obj.get("/A")))
    for c in as_list(elem.obj.get("/C")):
        found.extend(as_list(doc.classmap.get("/" + name(c))))
    return [a for a in found if isinstance(a, Dictionary)]


def has_scope(doc, elem):
    return any(
        name(a.get("/O", "")) == "Table" and name(a.get("/Scope", "")) in ("Row", "Column", "Both")
        for a in attributes(doc, elem)
    )


def check_structure(doc, report):
    headings = []
    for e in doc.elements:
        role = e.role
        if role == "L":
            for k in e.kids:
                if k.role not in ("LI", "Caption"):
                    report("list", e, f"{k.raw} directly in a list (L holds only LI and a Caption)")
            if any(a.role == "L" for a in e.ancestors()) and (e.parent is None or e.parent.role != "LBody"):
                report("list", e, f"a list nested in another list is in {e.parent.raw}, not in the LBody of the item it belongs to")
        elif role == "LI":
            for k in e.kids:
                if k.role not in ("Lbl", "LBody"):
                    report("list", e, f"{k.raw} directly in a list item (LI holds only Lbl and LBody)")
        elif role == "Table":
            for i, k in enumerate(e.kids):
                if k.role == "Caption":
                    if i not in (0, len(e.kids) - 1):
                        report("table", k, "a Caption in the middle of its table (it is the first or last child)")
                elif k.role not in ("TR", "THead", "TBody", "TFoot"):
                    report("table", e, f"{k.raw} directly in a table (Table holds only TR, THead, TBody, TFoot and a Caption)")
        elif role in ("THead", "TBody", "TFoot"):
            for k in e.kids:
                if k.role != "TR":
                    report("table", e, f"{k.raw} directly in {role} (which holds only TR)")
        elif role == "TR":
            for k in e.kids:
                if k.role not in ("TH", "TD"):
                    report("table", e, f"{k.raw} directly in a table row (TR holds only TH and TD)")
        elif role == "TH":
            if not has_scope(doc, e):
                report("scope", e, "a table header cell (TH) without a /Scope attribute of Row, Column or Both")
        elif role == "TOC":
            for k in e.kids:
                if k.role not in ("TOCI", "TOC", "Caption"):
                    report("toc", e, f"{k.raw} directly in a contents list (TOC holds only TOCI and TOC)")
        elif role == "Caption":
            parent = e.parent.role if e.parent else None
            if parent not in ("Table", "L", "Figure", "Formula"):
                siblings = e.parent.kids if e.parent else []
                near = [d.raw for x in siblings for d in x.walk() if d.role in ("Table", "L", "Figure")]
                holder = e.parent.raw if e.parent else "the root"
                if near:
                    report("caption", e, f"a Caption in {holder} beside the {near[0]} it captions, not inside it")
                else:
                    report("caption", e, f"a Caption in {holder}, in no Table, L or Figure")
        if role in GROUPING:
            for k in e.kids:
                if k.role in INLINE:
                    report("inline", k, f"inline {k.raw} directly under {e.raw}: it belongs in a P or a heading")
            if e.mcids:
                report("inline", e, f"text directly under {e.raw}, in no paragraph or heading")
        if role in HEADINGS or role == "H":
            headings.append(e)
    numbered = [h for h in headings if h.role in HEADINGS]
    if numbered and len(numbered) != len(headings):
        bad = next(h for h in headings if h.role == "H")
        report("heading", bad, "both H and H1-H6 headings are used")
    previous = 0
    for h in numbered:
        level = int(h.role[1])
        if previous == 0 and level != 1:
            report("heading", h, f"the first heading is {h.raw}, not H1")
        elif level > previous + 1 and previous > 0:
            report("heading", h, f"{h.raw} follows H{previous}: a heading level is skipped")
        previous = level
    return headings


def check_links(doc, report):
    links = 0
    for index, page in enumerate(doc.pdf.pages):
        for annot in as_list(page.get("/Annots")):
            if not isinstance(annot, Dictionary) or annot.get("/Subtype") != Name.Link:
                continue
            links += 1
            contents = annot.get("/Contents")
            text = str(contents) if contents is not None else ""
            where = f"link annotation {links} on page {index + 1}"
            if not text.strip():
                report("link", None, f"{where} has no /Contents describing it", page=index)
            elif text != text.strip():
                report("link", None, f"{where} has /Contents with white space at an end: {text!r}", page=index)
            if annot.objgen not in doc.objr_targets:
                report("link", None, f"{where} is not in a Link element of the structure tree", page=index)
    return links


def block_of(elem):
    """The heading, paragraph, caption or cell a line's words belong to."""
    e = elem
    while e is not None:
        if e.role in BLOCKS:
            return e
        if e.parent is None or e.parent.role in GROUPING:
            return e
        e = e.parent
    return elem


def all_bold(elem):
    """Whether every word of the element is inside a Strong element."""
    def inside_strong(e):
        return any(x.raw == "Strong" for x in [e, *e.ancestors()])

    owners = [doc_e for doc_e in elem.walk() if doc_e.mcids]
    return bool(owners) and all(inside_strong(o) for o in owners)


def introduces(elem):
    """'heading', 'caption' or 'lead-in' when the element introduces what follows it."""
    if any(a.role == "Caption" for a in [elem, *elem.ancestors()]):
        return "caption"
    if elem.role in HEADINGS or elem.role == "H":
        return "heading"
    nxt = elem.next_sibling()
    if nxt is not None and nxt.role in ("L", "Table") and (elem.role == "P" or elem.role in INLINE):
        if all_bold(elem):
            return "lead-in"
    return None


def check_page_ends(doc, report):
    pages = len(doc.pdf.pages)
    lines_checked = 0
    for index in range(pages - 1):
        lines = doc.lines(index)
        if not lines:
            continue
        lines_checked += len(lines)
        # For each line, the blocks that introduce something, and how many lines follow.
        for n, line in enumerate(lines):
            after = len(lines) - n - 1
            if after >= 2:
                continue
            for mcid in sorted(line.mcids()):
                elem = doc.by_mcid.get((index, mcid))
                if elem is None:
                    continue
                block = block_of(elem)
                kind = introduces(block)
                if kind is None:
                    continue
                # A block whose own lines run on below this one is judged at its last line.
                if any(doc.by_mcid.get((index, m)) is not None and block_of(doc.by_mcid[(index, m)]) is block
                       for later in lines[n + 1:] for m in later.mcids()):
                    continue
                # One line is enough when it is all there is: what the block introduces
                # (the element after it) ends on this page.
                nxt = block.next_sibling()
                if after == 1 and (nxt is None or all(p is not None and p <= index for p, _ in nxt.all_mcids())):
                    continue
                if after == 0:
                    report("page-end", block, f"the page ends with a {kind}, {line.text()!r}, and what it introduces starts on the next page", page=index)
                else:
                    report("page-end", block, f"only one line follows the {kind} {line.text()!r} before the page ends (keep at least two with it)", page=index)
                break
    return lines_checked


def check(pdf, lines=None):
    """Every fault in one PDF, and counts of what was checked. `lines`, if given, holds the
    pages' lines of text already read from the same content streams."""
    faults = []
    doc = Document(pdf, lines)

    def report(check_id, elem, message, page=None):
        if page is None and elem is not None:
            pages = [p for p, _ in elem.all_mcids() if p is not None]
            page = pages[0] if pages else None
        where = f" ({elem.path()})" if elem is not None else ""
        faults.append((check_id, page, message + where))

    headings = check_structure(doc, report)
    links = check_links(doc, report)
    lines = check_page_ends(doc, report)
    roles = defaultdict(int)
    for e in doc.elements:
        roles[e.role] += 1
    nested = sum(1 for e in doc.elements if e.role == "L" and any(a.role == "L" for a in e.ancestors()))
    tables_across = sum(
        1 for e in doc.elements if e.role == "Table" and len({p for p, _ in e.all_mcids() if p is not None}) > 1
    )
    counts = {
        "pages": len(pdf.pages),
        "elements": len(doc.elements),
        "headings": len(headings),
        "lists": roles["L"],
        "nested lists": nested,
        "tables": roles["Table"],
        "tables over pages": tables_across,
        "captions": roles["Caption"],
        "TH": roles["TH"],
        "links": links,
        "lines": lines,
    }
    return faults, counts, doc.lines_cache


def check_file(path):
    with pikepdf.open(path) as pdf:
        faults, counts, _ = check(pdf)
        return faults, counts


def print_faults(path, faults, counts):
    for check_id, page, message in faults:
        where = f"page {page + 1}" if page is not None else "document"
        print(f"FAULT {check_id} {path} {where}: {message}")
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    print(f"checked {path}: {summary}; {len(faults)} faults")


# --- Self-test: break a good tree in each way and see the check fail ---------------------


def _doc(pdf):
    return Document(pdf)


# Each breaks a good tree in place, the way its check looks for.
def _set_kids(obj, kids):
    obj.K = Array(kids)


def _kids(obj):
    return list(as_list(obj.get("/K")))


def break_list(pdf):
    """Moves a nested list out of its item's LBody, to beside the item (as Typst does)."""
    doc = _doc(pdf)
    nested = next(e for e in doc.elements if e.role == "L" and e.parent is not None and e.parent.role == "LBody")
    lbody, li, outer = nested.parent, nested.parent.parent, nested.parent.parent.parent
    _set_kids(lbody.obj, [k for k in _kids(lbody.obj) if k.objgen != nested.obj.objgen])
    kids = _kids(outer.obj)
    at = next(i for i, k in enumerate(kids) if isinstance(k, Dictionary) and k.objgen == li.obj.objgen)
    kids.insert(at + 1, nested.obj)
    _set_kids(outer.obj, kids)
    nested.obj.P = outer.obj


def break_caption(pdf):
    """Moves a table's Caption out, into a Div beside the table (as Typst did)."""
    doc = _doc(pdf)
    caption = next(e for e in doc.elements if e.role == "Caption" and e.parent.role == "Table")
    table, holder = caption.parent, caption.parent.parent
    _set_kids(table.obj, [k for k in _kids(table.obj) if k.objgen != caption.obj.objgen])
    div = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Div, P=holder.obj, K=Array([caption.obj, table.obj])))
    caption.obj.P = div
    table.obj.P = div
    kids = _kids(holder.obj)
    at = next(i for i, k in enumerate(kids) if isinstance(k, Dictionary) and k.objgen == table.obj.objgen)
    kids[at] = div
    _set_kids(holder.obj, kids)


def break_table(pdf):
    """Puts an empty P in a table, beside its first row."""
    doc = _doc(pdf)
    row = next(e for e in doc.elements if e.role == "TR")
    para = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=row.parent.obj, K=Array([])))
    kids = _kids(row.parent.obj)
    at = next(i for i, k in enumerate(kids) if isinstance(k, Dictionary) and k.objgen == row.obj.objgen)
    kids.insert(at, para)
    _set_kids(row.parent.obj, kids)


def break_scope(pdf):
    """Takes the /Scope off a TH's attributes."""
    doc = _doc(pdf)
    th = next(e for e in doc.elements if e.role == "TH")
    kept = [a for a in as_list(th.obj.get("/A")) if not (isinstance(a, Dictionary) and "/Scope" in a)]
    for a in as_list(th.obj.get("/A")):
        if isinstance(a, Dictionary) and "/Scope" in a:
            copy = Dictionary({k: v for k, v in a.items() if k != "/Scope"})
            kept.append(copy)
    th.obj.A = Array(kept)


def break_toc(pdf):
    """Puts an empty P in the contents list."""
    doc = _doc(pdf)
    toc = next(e for e in doc.elements if e.role == "TOC")
    para = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=toc.obj, K=Array([])))
    _set_kids(toc.obj, [para, *_kids(toc.obj)])


def break_inline(pdf):
    """Replaces a P whose first child is inline with that child, straight under the P's parent."""
    doc = _doc(pdf)
    para = next(
        e for e in doc.elements
        if e.role == "P" and e.parent is not None and e.parent.role in GROUPING and e.kids and e.kids[0].role in INLINE
    )
    holder = para.parent
    kids = _kids(holder.obj)
    at = next(i for i, k in enumerate(kids) if isinstance(k, Dictionary) and k.objgen == para.obj.objgen)
    inner = para.kids[0].obj
    inner.P = holder.obj
    kids[at] = inner
    _set_kids(holder.obj, kids)


def break_heading(pdf):
    """Makes the first H2 an H4."""
    doc = _doc(pdf)
    h2 = next(e for e in doc.elements if e.role == "H2")
    h2.obj.S = Name("/H4")


def break_link(pdf):
    """Puts a space at the start of a link annotation's /Contents."""
    for page in pdf.pages:
        for annot in as_list(page.get("/Annots")):
            if isinstance(annot, Dictionary) and annot.get("/Subtype") == Name.Link:
                annot.Contents = pikepdf.String(" " + str(annot.get("/Contents", "link")))
                return
    raise LookupError("no link annotation")


def break_page_end(pdf):
    """Retags the paragraph that ends a page as a heading of the level it may take."""
    doc = _doc(pdf)
    for index in range(len(pdf.pages) - 1):
        lines = doc.lines(index)
        if not lines:
            continue
        for mcid in lines[-1].mcids():
            elem = doc.by_mcid.get((index, mcid))
            block = block_of(elem) if elem else None
            if block is None or block.role != "P":
                continue
            level = 1
            for e in doc.elements:
                if e is block:
                    break
                if e.role in HEADINGS:
                    level = int(e.role[1])
            block.obj.S = Name(f"/H{level}")
            return
    raise LookupError("no page ends in a paragraph")


BREAKERS = {
    "list": break_list,
    "table": break_table,
    "caption": break_caption,
    "scope": break_scope,
    "toc": break_toc,
    "inline": break_inline,
    "heading": break_heading,
    "link": break_link,
    "page-end": break_page_end,
}


def self_test(path):
    with pikepdf.open(path) as pdf:
        faults, counts, lines = check(pdf)
    print_faults(path, faults, counts)
    if faults:
        print(f"self-test: {path} must pass before it can be broken")
        return 1
    failed = 0
    for check_id in CHECKS:
        with pikepdf.open(path) as pdf:
            try:
                BREAKERS[check_id](pdf)
            except (StopIteration, LookupError):
                print(f"self-test: {path} has nothing to break for the {check_id} check")
                failed += 1
                continue
            buffer = io.BytesIO()
            pdf.save(buffer)
        buffer.seek(0)
        # Only the tree was changed: the pages' lines are those of the original.
        with pikepdf.open(buffer) as broken:
            found, _, _ = check(broken, lines)
        caught = [f for f in found if f[0] == check_id]
        if caught:
            print(f"self-test: the {check_id} check catches: {caught[0][2]}")
        else:
            print(f"self-test: the {check_id} check did NOT catch its fault; it reported {found}")
            failed += 1
    print(f"self-test: {len(CHECKS) - failed} of {len(CHECKS)} checks caught their fault")
    return 1 if failed else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "--self-test":
        return self_test(argv[1])
    if not argv or any(a.startswith("-") for a in argv):
        sys.stderr.write(__doc__)
        return 2
    status = 0
    for path in argv:
        try:
            faults, counts = check_file(path)
        except (Fault, pikepdf.PdfError, OSError) as e:
            print(f"FAULT unreadable {path} document: {e}")
            return 2
        print_faults(path, faults, counts)
        if faults:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
