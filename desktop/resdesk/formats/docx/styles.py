"""The styles of the reference template, named as the Secretariat names them.

Times New Roman 10 pt on exactly 12 pt, 6 pt after, justified (un-format.md §3).
East Asian text uses SimSun (with the usual Chinese fallbacks chosen by the word
processor), complex scripts (Arabic) use Times New Roman, which has Arabic
glyphs on Windows; LibreOffice substitutes a font with the script.
"""

from __future__ import annotations

from resdesk.formats.docx.geometry import COLUMN_LEFT, COLUMN_RIGHT, FIRST_LINE
from resdesk.un import page as un
from resdesk.un.languages import ARABIC, CHINESE, ENGLISH

LATIN_FONT = ENGLISH.word_font
EAST_ASIAN_FONT = CHINESE.word_font
COMPLEX_FONT = ARABIC.word_font

_NOTE_HANG = round((un.COLUMN_LEFT - un.NOTE_NUMBER_LEFT) * 20)
_MARK_SIZE = round(un.NOTE_MARK_SIZE / 0.58 * 2) / 2

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

_COLUMN = f'<w:ind w:left="{COLUMN_LEFT}" w:right="{COLUMN_RIGHT}"/>'
_COLUMN_FIRST = f'<w:ind w:left="{COLUMN_LEFT}" w:right="{COLUMN_RIGHT}" w:firstLine="{FIRST_LINE}"/>'
_BODY_TABS = "<w:tabs>" + "".join(
    f'<w:tab w:val="left" w:pos="{COLUMN_LEFT + FIRST_LINE * n}"/>' for n in (1, 2, 3, 4, 5, 6)
) + "</w:tabs>"


def _paragraph(style_id: str, name: str, ppr: str, rpr: str = "", *, based_on: str = "Normal",
               next_style: str = "", default: bool = False) -> str:
    default_attr = ' w:default="1"' if default else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    following = f'<w:next w:val="{next_style}"/>' if next_style else ""
    return (f'<w:style w:type="paragraph"{default_attr} w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'{based}{following}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


def _character(style_id: str, name: str, rpr: str) -> str:
    return f'<w:style w:type="character" w:styleId="{style_id}"><w:name w:val="{name}"/><w:rPr>{rpr}</w:rPr></w:style>'


def _spacing(before: int = 0, after: int = 120, line: int = 240) -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="exact"/>'


def _size(points: float) -> str:
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def styles_xml() -> bytes:
    """styles.xml of the reference template."""
    fonts = (f'<w:rFonts w:ascii="{LATIN_FONT}" w:hAnsi="{LATIN_FONT}" w:eastAsia="{EAST_ASIAN_FONT}" '
             f'w:cs="{COMPLEX_FONT}"/>')
    defaults = (
        f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}{_size(10)}'
        f'<w:lang w:val="{ENGLISH.word_tag}" w:eastAsia="{CHINESE.word_tag}" w:bidi="{ARABIC.word_tag}"/>'
        '</w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr>{_spacing(0, 0)}</w:pPr></w:pPrDefault></w:docDefaults>'
    )
    styles = [
        _paragraph("Normal", "Normal", _spacing(0, 0), based_on="", default=True),
        _paragraph("SingleTxt", "SingleTxt", _BODY_TABS + _spacing() + _COLUMN_FIRST + '<w:jc w:val="both"/>'),
        _paragraph("H1", "H1", '<w:keepNext/><w:keepLines/>' + _spacing(0, 240, 270) + _COLUMN,
                   "<w:b/><w:bCs/>" + _size(12), next_style="SingleTxt"),
        _paragraph("HCh", "HCh", '<w:keepNext/><w:keepLines/>'
                   + _spacing(0, 240, round(un.CHAPTER_HEADING_PITCH * 20)) + _COLUMN,
                   "<w:b/><w:bCs/>" + _size(un.CHAPTER_HEADING_SIZE), next_style="SingleTxt"),
        _paragraph("H23", "H23", '<w:keepNext/><w:keepLines/>' + _spacing(0, 120) + _COLUMN,
                   "<w:b/><w:bCs/>", next_style="SingleTxt"),
        _paragraph("H4", "H4", '<w:keepNext/><w:keepLines/>' + _spacing(0, 120) + _COLUMN,
                   "<w:i/><w:iCs/>", next_style="SingleTxt"),
        _paragraph("HMTitle", "HMTitle", '<w:keepNext/><w:keepLines/>' + _spacing(0, 240, 270) + _COLUMN,
                   "<w:b/><w:bCs/>" + _size(12), next_style="SingleTxt"),
        # the number at un.NOTE_NUMBER_LEFT, a tab, the text hanging at the column's edge
        _paragraph("FootnoteText", "footnote text",
                   f'<w:tabs><w:tab w:val="left" w:pos="{COLUMN_LEFT}"/></w:tabs>' + _spacing(0, 0, 210)
                   + f'<w:ind w:left="{COLUMN_LEFT}" w:right="{COLUMN_RIGHT}" w:hanging="{_NOTE_HANG}"/>'
                   + '<w:jc w:val="both"/>', _size(un.NOTE_SIZE)),
        _paragraph("Masthead", "Masthead", _spacing(0, 0, 240), based_on="Normal"),
        _paragraph("SessionBlock", "SessionBlock", _spacing(0, 0, 240), based_on="Normal"),
        _paragraph("Header", "header", '<w:pBdr><w:bottom w:val="single" w:sz="2" w:space="1" w:color="auto"/></w:pBdr>'
                   + _spacing(0, 0, 200), "<w:b/><w:bCs/>" + _size(8.5)),
        _paragraph("Footer", "footer", _spacing(0, 0, 200), _size(8.5)),
        _paragraph("CommentText", "annotation text", _spacing(0, 0), based_on="Normal"),
        _character("DefaultParagraphFont", "Default Paragraph Font", ""),
        # the UN's 6.5 pt mark, whatever the size of the text around it: a superscript is set at 58 % of its size
        _character("FootnoteReference", "footnote reference",
                   '<w:vertAlign w:val="superscript"/>' + _size(_MARK_SIZE)),
        _character("Hyperlink", "Hyperlink", f'<w:color w:val="{un.LINK_COLOUR}"/>'),
        _character("CommentReference", "annotation reference", _size(8)),
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        '</w:tblCellMar></w:tblPr></w:style>',
    ]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {_W}>{defaults}'
            + "".join(styles) + "</w:styles>").encode()
