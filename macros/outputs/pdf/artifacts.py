"""Mark what Chromium draws outside the structure tree as artifacts: the running heads and page numbers
in the page margins, rules, backgrounds and borders. PDF/UA asks that every mark on a page be either
content (in the structure tree) or an artifact, so that a screen reader reads the one and skips the other.

A page's content stream is walked once, counting marked-content depth: anything drawn at depth 0 (not
inside any tagged sequence) is wrapped in `/Artifact BMC ... EMC` (a path from its first construction
operator to its painting one). A form XObject drawn at depth 0 that holds tagged content is walked in
turn; one that holds none is wrapped whole. What is drawn does not change.
"""

from __future__ import annotations

from pypdf.generic import ContentStream, NameObject

SHOW_TEXT = {b"Tj", b"TJ", b"'", b'"'}
PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*"}
CONSTRUCT = {b"m", b"l", b"c", b"v", b"y", b"h", b"re"}
DRAW = SHOW_TEXT | {b"Do", b"sh", b"BI"}


def _wrapped(operations: list, keep: frozenset = frozenset()) -> list:
    """The operations with everything drawn at depth 0 wrapped as an artifact, except the forms in `keep`."""
    artifact = ([NameObject("/Artifact")], b"BMC")
    out, depth, path = [], 0, None
    for operands, operator in operations:
        if operator in (b"BDC", b"BMC"):
            depth += 1
        elif operator == b"EMC":
            depth -= 1
        elif depth == 0 and operator in CONSTRUCT and path is None:
            path = len(out)
        elif depth == 0 and operator in PAINT:
            out.insert(path if path is not None else len(out), artifact)
            out += [(operands, operator), ([], b"EMC")]
            path = None
            continue
        elif operator == b"n" or operator in PAINT:
            path = None
        elif depth == 0 and operator in DRAW and not (operator == b"Do" and operands and operands[0] in keep):
            out += [artifact, (operands, operator), ([], b"EMC")]
            continue
        out.append((operands, operator))
    return out


def _marked(holder, operations: list, writer) -> list:
    """`holder`'s operations (a page's or a form's) marked; a form it draws that holds tagged content is
    marked in its own stream, and drawn as it is."""
    keep = set()
    resources = holder.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        xobjects = xobjects.get_object()
        for name in {operands[0] for operands, operator in operations if operator == b"Do" and operands}:
            xobject = xobjects.get(name)
            xobject = xobject.get_object() if xobject is not None else None
            if xobject is not None and xobject.get("/Subtype") == "/Form" and b"BDC" in xobject.get_data():
                stream = ContentStream(xobject, writer)
                stream.operations = _marked(xobject, stream.operations, writer)
                xobject.set_data(stream.get_data())
                keep.add(name)
    return _wrapped(operations, frozenset(keep))


def mark_artifacts(page, writer) -> None:
    """Wrap everything `page` draws outside its tagged content as an artifact, and compress the page."""
    contents = page.get_contents()
    if contents is None:
        return
    stream = ContentStream(contents, writer)
    stream.operations = _marked(page, stream.operations, writer)
    page.replace_contents(stream)
    page.compress_content_streams()
