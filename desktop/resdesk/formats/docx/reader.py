"""Opening a .docx that may be hostile: zip checks before decompressing, then safe XML parsing.

Checks, in order: the data is a zip; it has at most MAX_ENTRIES entries, no two of one name; the
sizes its directory declares are within MAX_PART_BYTES per part and
MAX_TOTAL_BYTES in all, with no part compressed more than MAX_RATIO times
beyond RATIO_FLOOR bytes (zip bombs); the package is a Word document (its main
part is WordprocessingML, not a spreadsheet or a presentation); each part is
then read with a hard cap (a lying directory cannot make us inflate more) and
parsed with `resdesk.formats.safe_xml.parse_xml`, which refuses DTDs and entities.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from resdesk.errors import BadInputError
from resdesk.formats.safe_xml import parse_xml

MAX_ENTRIES = 1000
MAX_PART_BYTES = 40 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024

PACKAGE_RELS = "_rels/.rels"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
WORD_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
OTHER_KINDS = {"spreadsheetml": "a spreadsheet", "presentationml": "a presentation"}
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


class DocxPackage:
    """The parts of a checked .docx, read on demand: `xml(name)`, `related(part, type)`."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise BadInputError(f"{name} is not a Word file (.docx): it is not a zip package.")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise BadInputError(f"{name} is a damaged zip package, not a readable Word file.") from None
        self._check_sizes(infos)
        self.sizes = {info.filename: info.file_size for info in infos}
        self.main = self._main_part()

    def _check_sizes(self, infos: list[zipfile.ZipInfo]) -> None:
        name = self.name
        if len(infos) > MAX_ENTRIES:
            raise BadInputError(f"{name} holds {len(infos)} files; a Word document has far fewer, so it is refused.")
        seen: set[str] = set()
        for info in infos:
            # Part names are case-insensitive: two entries of one name are two versions of one part, and
            # Word may read the other one than we do.
            if info.filename.lower() in seen:
                raise BadInputError(f"{name} holds two parts called {info.filename}, which a Word document never "
                                    "does (Word might read the other one), so it is refused.")
            seen.add(info.filename.lower())
        total = 0
        for info in infos:
            if info.flag_bits & 0x1:
                raise BadInputError(f"{name} is encrypted or password-protected; save it unprotected and try again.")
            if info.file_size > MAX_PART_BYTES:
                raise BadInputError(f"{name} has a part of {info.file_size // (1024 * 1024)} MB "
                                    f"({info.filename}), too large for a resolution, so it is refused.")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise BadInputError(f"{name} looks like a zip bomb ({info.filename} expands more than "
                                    f"{MAX_RATIO} times), so it is refused.")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise BadInputError(f"{name} expands to {total // (1024 * 1024)} MB, more than a Word document "
                                f"of a resolution can be ({MAX_TOTAL_BYTES // (1024 * 1024)} MB), so it is refused.")

    def has(self, part: str) -> bool:
        return part in self.sizes

    def read(self, part: str) -> bytes:
        """The bytes of `part`, inflating at most MAX_PART_BYTES whatever the directory claims."""
        try:
            with self.zip.open(part) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except KeyError:
            raise BadInputError(f"{self.name} has no {part}; it is not a complete Word document.") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
            raise BadInputError(f"{self.name} is damaged ({part} cannot be decompressed).") from None
        if len(data) > MAX_PART_BYTES:
            raise BadInputError(f"{self.name} has a part ({part}) larger than its directory says; it is refused.")
        return data

    def xml(self, part: str) -> etree._Element:
        return parse_xml(self.read(part), f"{self.name} ({part})", "Word document")

    def _main_part(self) -> str:
        if not self.has("[Content_Types].xml"):
            raise BadInputError(f"{self.name} is a zip file but not a Word document (it has no [Content_Types].xml).")
        main = ""
        if self.has(PACKAGE_RELS):
            for rel in self.xml(PACKAGE_RELS).iter(f"{{{REL_NS}}}Relationship"):
                if rel.get("Type") == OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                    main = (rel.get("Target") or "").lstrip("/")
        content_type = self._content_type(main) if main else ""
        if content_type not in (WORD_MAIN, WORD_TEMPLATE, WORD_MACRO):
            for marker, kind in OTHER_KINDS.items():
                if marker in content_type:
                    raise BadInputError(f"{self.name} is {kind}, not a Word document.")
            raise BadInputError(f"{self.name} is a zip file but not a Word document (it has no word/document.xml).")
        if not self.has(main):
            raise BadInputError(f"{self.name} has no {main}; it is not a complete Word document.")
        return main

    def _content_type(self, part: str) -> str:
        types = self.xml("[Content_Types].xml")
        for override in types.iter(f"{{{CT_NS}}}Override"):
            if (override.get("PartName") or "").lstrip("/") == part:
                return override.get("ContentType") or ""
        extension = part.rsplit(".", 1)[-1]
        for default in types.iter(f"{{{CT_NS}}}Default"):
            if default.get("Extension", "").lower() == extension.lower():
                return default.get("ContentType") or ""
        return ""

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId -> (type, target part name or URL, external) for `part`."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        result: dict[str, tuple[str, str, bool]] = {}
        if not self.has(rels_name):
            return result
        for rel in self.xml(rels_name).iter(f"{{{REL_NS}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target") or ""
            if not external:
                target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/") if not target.startswith("/") \
                    else target.lstrip("/")
            result[rel.get("Id") or ""] = (rel.get("Type") or "", target, external)
        return result

    def related(self, part: str, reltype_suffix: str) -> str | None:
        for reltype, target, external in self.relationships(part).values():
            if reltype.endswith("/" + reltype_suffix) and not external and self.has(target):
                return target
        return None
