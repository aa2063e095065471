"""The importers read the UN's conventions in all six languages with the one masthead reader."""

from __future__ import annotations

import io

import docx
import pytest

from resdesk.formats.docx_import import import_docx
from resdesk.formats.text_import import import_text
from resdesk.views.outline import outline_json

TEXTS = {
    "zh": ("联合国\n大会\nDistr.: General\n1 October 2013\nOriginal: English\n第六十八届会议\n第三委员会\n议程项目108\n"
           "预防犯罪和刑事司法\n巴西和挪威：决议草案\n技术援助\n\n大会，\n\n重申恐怖主义是最严重威胁之一，\n\n"
           "1. 敦促会员国继续加强国际合作；\n\n2. 请秘书长提交报告。"),
    "ru": ("Генеральная Ассамблея\nСемьдесят восьмая сессия\nТретий комитет\nПункт 107 повестки дня\n"
           "Предупреждение преступности\nБразилия и Норвегия: проект резолюции\nТехническая помощь\n\n"
           "Генеральная Ассамблея,\n\nподтверждая, что терроризм представляет собой угрозу,\n\n"
           "1. настоятельно призывает государства;\n\n2. просит Генерального секретаря представить доклад."),
    "ar": ("الجمعية العامة\nالدورة الثامنة والسبعون\nاللجنة الثالثة\nالبند 107 من جدول الأعمال\nمنع الجريمة\n"
           "البرازيل والنرويج: مشروع قرار\nالمساعدة التقنية\n\nإن الجمعية العامة،\n\n"
           "إذ تؤكد مجددا أن الإرهاب يمثل أحد أشد الأخطار،\n\n1 - تحث الدول الأعضاء على التعاون؛\n\n"
           "2 - تطلب إلى الأمين العام أن يقدم تقريرا."),
    "fr": ("Nations Unies A/C.3/68/L.5\nAssemblée générale\nDistr. limitée\n1er octobre 2013\nFrançais\n"
           "Original : anglais\nSoixante-huitième session\nTroisième Commission\nPoint 108 de l’ordre du jour\n"
           "Prévention du crime\nBrésil et Norvège : projet de résolution\nAssistance technique\n\n"
           "L’Assemblée générale,\n\nRéaffirmant que le terrorisme constitue une menace,\n\n"
           "1. Prie instamment les États d’agir;\n\n2. Prie le Secrétaire général de faire rapport."),
}


@pytest.mark.parametrize("code", TEXTS)
def test_text_drafts_in_other_languages(code):
    outline = outline_json(import_text(TEXTS[code].encode(), "draft.txt"))
    meta = outline["meta"]
    assert meta["language"] == code and meta["organ"] == "General Assembly"
    assert meta["agenda_item"] in ("107", "108") and meta["session"] and meta["committee"] and meta["title"]
    assert len(meta["sponsors"]) == 2
    assert [(b["kind"], b["label"]) for b in outline["blocks"]] == [
        ("formula", ""), ("preambular", "PP1"), ("operative", "OP1"), ("operative", "OP2")]
    assert all(not b["text"][:1].isdigit() for b in outline["blocks"])  # "1." and "1 -" are numbers, not text
    assert outline["blocks"][1]["opening"]


def test_french_text_masthead():
    meta = outline_json(import_text(TEXTS["fr"].encode(), "draft.txt"))["meta"]
    assert (meta["symbol"], meta["distribution"], meta["date"], meta["original_language"]) == \
        ("A/C.3/68/L.5", "limitée", "2013-10-01", "en")
    assert (meta["agenda_title"], meta["sponsors"], meta["title"]) == \
        ("Prévention du crime", ["Brésil", "Norvège"], "Assistance technique")


def test_word_file_of_another_office_in_french():
    word = docx.Document()
    for line in TEXTS["fr"].replace("\n\n", "\n").split("\n"):
        word.add_paragraph(line)
    raw = io.BytesIO()
    word.save(raw)
    document = import_docx(raw.getvalue(), "fr.docx")
    assert (document.meta.organ, document.meta.session, document.meta.agenda_item, document.meta.sponsors) == \
        ("General Assembly", "Soixante-huitième session", "108", ["Brésil", "Norvège"])
    assert document.meta.title == "Assistance technique"
    assert [b.kind for b in document.blocks] == ["formula", "preambular", "operative", "operative"]
