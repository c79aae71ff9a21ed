"""A committee's Word or PowerPoint template read as a package the libraries can open.

Committees may save their template as a document (.docx, .pptx) or as a template (.dotx, .potx):
a template is the same package with another content type, so it is retyped in memory.

What a template holds goes into every handout or deck, so it is checked first, and refused with the
reason in words for its author:

- Before anything is unpacked: an ordinary file (not a folder or a link) of at most 10 MB, whose parts
  unpack to at most 50 MB (as the zip's directory declares them; zipfile never unpacks a part beyond its
  declared size), none named outside the package (`/x`, `../x`).
- Its main part a document or template of the right kind (a .docm under a .docx name is refused); no macros.
- Every relationship (`*.rels`, read by an XML parser that fetches nothing and expands no entities) may
  point outside the package only as a hyperlink to an address a page may link to (http, https, mailto
  without fields, tel: model/addresses.py); anything else from elsewhere (a linked picture, an attached
  template) Word or PowerPoint would fetch when the file opens. Parts they would open with the file (an
  imported document, an embedded object, ActiveX controls, a mail merge source) are refused wherever they are.
- Fields: only those that show the page, dates, the document's properties or a cross-reference (FIELDS);
  INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, IMPORT and others fetch or run things when the document opens
  or its fields update. A HYPERLINK field is a link like any other.
- PowerPoint actions: a shape may jump to a slide or an address, never run a program, macro or object.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from ..model.addresses import LINK_SCHEMES, link_problem

CONTENT_TYPES = "[Content_Types].xml"
MAX_BYTES = 10 * 1024 * 1024  # the template file
MAX_UNPACKED = 50 * 1024 * 1024  # its parts, unpacked
MAX_PARTS = 5000  # a letterhead has a few dozen; each part is read and checked
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Relationship types (the last part of the type's address) that bring in something Word or PowerPoint
# opens with the file, whatever its target: what each is, in the editor's words.
_OPENED_WITH_IT = {
    "afchunk": "a document imported into it whole (altChunk)", "oleobject": "an embedded or linked object (OLE)",
    "package": "an embedded file (such as a spreadsheet)", "subdocument": "a subdocument", "attachedtemplate": "an attached template",
    "control": "an ActiveX control", "activexcontrol": "an ActiveX control", "activexcontrolbinary": "an ActiveX control",
    "frame": "a frame showing another document", "mailmergesource": "a mail merge data source",
    "mailmergeheadersource": "a mail merge data source", "recipientdata": "a mail merge data source",
}
_MACROS = {"vbaproject", "vbaprojectsignature", "vbaprojectsignatureagile", "vbaprojectsignaturev3", "wordvbadata", "keymapcustomizations"}
_MACRO_ENABLED = {  # the main part's content type (application/vnd.ms-...macroEnabled...), by what it starts with
    "application/vnd.ms-word.document.": "a macro-enabled document (.docm)", "application/vnd.ms-word.template.": "a macro-enabled template (.dotm)",
    "application/vnd.ms-powerpoint.presentation.": "a macro-enabled presentation (.pptm)",
    "application/vnd.ms-powerpoint.template.": "a macro-enabled template (.potm)",
    "application/vnd.ms-powerpoint.slideshow.": "a macro-enabled slide show (.ppsm)",
}
# Word fields that only show something of the document itself: its pages, dates, properties, headings
# and bookmarks. Any other field is refused: INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO and
# IMPORT fetch files or run programs when the document opens or its fields update; the rest (IF,
# MERGEFIELD, MACROBUTTON, ASK...) have no place in a letterhead. HYPERLINK is checked as a link.
FIELDS = frozenset({
    "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "CREATEDATE", "SAVEDATE", "PRINTDATE", "EDITTIME",
    "STYLEREF", "TITLE", "AUTHOR", "SUBJECT", "KEYWORDS", "COMMENTS", "LASTSAVEDBY", "DOCPROPERTY", "FILENAME",
    "NUMWORDS", "NUMCHARS", "REF", "PAGEREF", "SEQ", "TOC", "SYMBOL", "HYPERLINK",
})
_FIELD_NAME = re.compile(r"\s*([^\s\\\"]*)")
_FIELD_ARGUMENT = re.compile(r'"([^"]*)"|(\S+)')
_SWITCHES = re.compile(r'\\[lotLOT]\s*("[^"]*"|\S+)|\\\S*')
# PowerPoint actions (a:hlinkClick/@action) that jump within the show or follow the link's address.
_ACTIONS = ("ppaction://hlinksldjump", "ppaction://hlinkshowjump", "ppaction://hlinkpres", "ppaction://hlinkfile",
            "ppaction://noaction", "ppaction://customshow", "ppaction://media")
_ACTION_ELEMENTS = {f"{{{_A}}}{name}" for name in ("hlinkClick", "hlinkHover", "hlinkMouseOver")}


class TemplateProblem(Exception):
    """A committee's template cannot be used; the message says why, in words for its author."""


def as_document(path: Path, template_type: bytes, document_type: bytes, save_as: str) -> bytes:
    """The package at `path`, typed as a document; `save_as` names the format to ask for ("a Word Document (.docx)")."""
    raw = _read(path, save_as)
    unreadable = TemplateProblem(f"it cannot be opened as a package of that kind; open it and save it as {save_as}")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = _check_parts(archive, save_as)
            main_type = _main_type(archive, infos, save_as)
            if main_type is None:
                raise unreadable
            if "macroenabled" in main_type.lower():
                kind = next((kind for start, kind in _MACRO_ENABLED.items() if main_type.lower().startswith(start)), "a macro-enabled file")
                raise TemplateProblem(f"it is {kind} saved under a {path.suffix.lower()} name; save it as {save_as}")
            if main_type.encode() not in (template_type, document_type):
                raise unreadable
            _check_contents(archive, infos, save_as)
            if main_type.encode() != template_type:
                return raw
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as retyped:
                for info in infos:
                    data = archive.read(info)
                    retyped.writestr(info.filename, data.replace(template_type, document_type) if info.filename == CONTENT_TYPES else data)
            return out.getvalue()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, zlib.error, NotImplementedError, RuntimeError, ValueError):
        # a broken package: its directory, a part's compression, a part behind a password
        raise unreadable from None


def _read(path: Path, save_as: str) -> bytes:
    """The file's bytes, once it is known to be an ordinary file small enough to read."""
    try:
        status = path.lstat()
    except OSError as exc:
        raise TemplateProblem(f"it cannot be read ({exc.strerror.lower() if exc.strerror else exc}); save it again as {save_as}") from None
    if stat.S_ISLNK(status.st_mode):
        raise TemplateProblem(f"it is a link to another file; put a copy of the template itself here, saved as {save_as}")
    if stat.S_ISDIR(status.st_mode):
        raise TemplateProblem(f"it is a folder, not a file; move the folder away and save the template here as {save_as}")
    if not stat.S_ISREG(status.st_mode):
        raise TemplateProblem(f"it is not an ordinary file; save the template here as {save_as}")
    if status.st_size > MAX_BYTES:
        raise TemplateProblem(f"it is {status.st_size / 1024 / 1024:.1f} MB; a template may be at most {MAX_BYTES // 1024 // 1024} MB: "
                              "make its pictures smaller (Picture Format, Compress Pictures) and save it again")
    with path.open("rb") as file:
        return file.read(MAX_BYTES + 1)


def _check_parts(archive: zipfile.ZipFile, save_as: str) -> list[zipfile.ZipInfo]:
    """The package's parts, from its directory alone (nothing unpacked): how many, their names, their unpacked sizes."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise TemplateProblem(f"it holds {len(infos)} parts; a template may hold at most {MAX_PARTS}: open it and save it again as {save_as}")
    seen = set()
    for info in infos:
        name = info.filename
        steps = re.split(r"[/\\]", name)
        if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in steps:
            raise TemplateProblem(f"it holds a part named {name[:80]!r}, which points outside the file; open it and save it again as {save_as}")
        if name.lower() in seen:
            raise TemplateProblem(f"it holds two parts named {name[:80]!r}; open it and save it again as {save_as}")
        seen.add(name.lower())
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED:
        raise TemplateProblem(f"it unpacks to {unpacked / 1024 / 1024:.0f} MB, more than a template may ({MAX_UNPACKED // 1024 // 1024} MB); "
                              "remove large pictures, videos or embedded files and save it again")
    return infos


def _parse(archive: zipfile.ZipFile, info: zipfile.ZipInfo, save_as: str):
    try:
        root = etree.fromstring(archive.read(info), _PARSER)
    except etree.XMLSyntaxError:
        raise TemplateProblem(f"its part {info.filename[:80]!r} cannot be read; open it and save it again as {save_as}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise TemplateProblem(f"its part {info.filename[:80]!r} declares a document type (<!DOCTYPE>), which Word and PowerPoint "
                              f"never write; open it and save it again as {save_as}")
    return root


def _main_type(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], save_as: str) -> str | None:
    """The content type of the package's main part (the document, the presentation), if it has one."""
    by_name = {info.filename.lower(): info for info in infos}
    if "_rels/.rels" not in by_name or CONTENT_TYPES.lower() not in by_name:
        return None
    targets = [attributes(element).get("target", "") for element in _parse(archive, by_name["_rels/.rels"], save_as).iter()
               if _local(element) == "relationship" and attributes(element).get("type") == _OFFICE_DOCUMENT]
    if not targets:
        return None
    part = "/" + targets[0].strip().lstrip("/")
    types = _parse(archive, by_name[CONTENT_TYPES.lower()], save_as)
    defaults = {}
    for element in types.iter():
        found = attributes(element)
        if _local(element) == "override" and found.get("partname", "").lower() == part.lower():
            return found.get("contenttype", "")
        if _local(element) == "default":
            defaults[found.get("extension", "").lower()] = found.get("contenttype", "")
    return defaults.get(part.rpartition(".")[2].lower())


def _check_contents(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], save_as: str) -> None:
    """Raise TemplateProblem for the first thing the package would fetch, run or open with itself."""
    content_types = archive.read(CONTENT_TYPES).lower()
    if any("vbaproject" in info.filename.lower() for info in infos) or b"vbaproject" in content_types or b"macroenabled" in content_types:
        raise TemplateProblem(f"it holds macros; save it as {save_as}, which cannot")
    for info in infos:
        name = info.filename.lower()
        if name.endswith(".rels"):
            _check_relationships(_parse(archive, info, save_as), save_as)
        elif name.endswith(".xml"):
            _check_part(_parse(archive, info, save_as))


def _check_relationships(root, save_as: str) -> None:
    for element in root.iter():
        if _local(element) != "relationship":
            continue
        found = attributes(element)
        kind, target = found.get("type", ""), found.get("target", "")
        name = kind.rstrip("/").rpartition("/")[2].lower()
        if name in _MACROS:
            raise TemplateProblem(f"it holds macros; save it as {save_as}, which cannot")
        external = found.get("targetmode", "").strip().lower() == "external" or _SCHEME.match(target.strip()) or target.strip().startswith(("//", "\\\\"))
        if external and kind == HYPERLINK:
            _check_link(target)
        elif external:
            program = "PowerPoint" if "PowerPoint" in save_as else "Word"
            raise TemplateProblem(f"it loads {target[:80]!r} from outside the file when opened; save a copy without linked pictures or templates "
                                  f"({program}: File, Info, Edit Links to Files, Break Link)")
        elif name in _OPENED_WITH_IT:
            raise TemplateProblem(f"it holds {_OPENED_WITH_IT[name]}, which would be opened with every download; delete it from the template and save it again")


def _check_link(target: str) -> None:
    """A link in the template, from a relationship or a HYPERLINK field: one a page could carry, to a web, mail or telephone address."""
    problem = link_problem(target)
    scheme = _SCHEME.match(target.strip())
    if problem is None and (scheme is None or scheme.group(0)[:-1].lower() not in LINK_SCHEMES):
        problem = f"'{target.strip()[:80]}' is not a web, mail or telephone address (it would open a file beside the download); link to a full https:// address"
    if problem:
        raise TemplateProblem(f"it has a link that downloads may not carry: {problem}")


def _check_part(root) -> None:
    """Fields (Word) and actions (PowerPoint) in one XML part."""
    if root.tag == f"{{{_W}}}settings" and root.find(f"{{{_W}}}mailMerge") is not None:
        raise TemplateProblem("it is a mail merge document, which Word would connect to its data source when it opens; "
                              "make it a normal document (Word: Mailings, Start Mail Merge, Normal Word Document) and save it again")
    fields: list[list] = []  # the fields being read, outermost first: [instruction so far, whether it holds another, ended]
    for element in root.iter(f"{{{_W}}}fldChar", f"{{{_W}}}instrText", f"{{{_W}}}delInstrText", f"{{{_W}}}fldSimple", *_ACTION_ELEMENTS):
        tag = element.tag
        if tag in _ACTION_ELEMENTS:
            _check_action(element.get("action") or "")
        elif tag == f"{{{_W}}}fldSimple":
            _check_field(element.get(f"{{{_W}}}instr") or "", nested=False)
        elif tag == f"{{{_W}}}fldChar":
            kind = element.get(f"{{{_W}}}fldCharType")
            if kind == "begin":
                if fields and not fields[-1][2]:
                    fields[-1][1] = True
                fields.append(["", False, False])
            elif kind == "separate" and fields and not fields[-1][2]:
                fields[-1][2] = True
                _check_field(fields[-1][0], fields[-1][1])
            elif kind == "end" and fields:
                instruction, nested, checked = fields.pop()
                if not checked:
                    _check_field(instruction, nested)
        elif fields and not fields[-1][2]:
            fields[-1][0] += element.text or ""
        else:
            _check_field(element.text or "", nested=False)
    for instruction, nested, checked in fields:  # begun, never ended
        if not checked:
            _check_field(instruction, nested)


def _check_field(instruction: str, nested: bool) -> None:
    name = _FIELD_NAME.match(instruction).group(1).upper()
    if not name and not nested:
        return  # an empty field shows nothing
    if name not in FIELDS:
        shown = f"the field {name[:40]}" if name else "a field whose name another field makes"
        raise TemplateProblem(f"it holds {shown}, which can fetch or run something when the document opens or its fields update; "
                              "a template may use only fields such as PAGE, NUMPAGES and DATE: delete that field (Word: Alt+F9 shows fields)")
    if name == "HYPERLINK":  # its address: the first argument that is no switch (\l "bookmark", \o "tooltip", \t "frame", \m, \n)
        target = _FIELD_ARGUMENT.search(_SWITCHES.sub(" ", instruction[_FIELD_NAME.match(instruction).end():]))
        if target:
            _check_link(target.group(1) if target.group(1) is not None else target.group(2))


def _check_action(action: str) -> None:
    if action and not action.lower().startswith(_ACTIONS):
        raise TemplateProblem(f"it has an action that runs something when clicked ({action[:60]!r}); "
                              "remove that action (PowerPoint: select the shape, Insert, Action, None) and save it again")


def _local(element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def attributes(element) -> dict[str, str]:
    """An element's attributes by their local names, lower-cased (Word and PowerPoint write them one way; a hostile file another)."""
    return {etree.QName(name).localname.lower(): value for name, value in element.attrib.items()}


def plain_reason(error: Exception) -> str:
    """A library's message for an editor: the in-memory file it was given is "the file", not '<_io.BytesIO object at 0x…>'."""
    return re.sub(r"'?<_io\.BytesIO object at 0x[0-9a-fA-F]+>'?", "the file", str(error))
