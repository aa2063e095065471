"""Each editorial rule on texts that break it and texts that must pass (exceptions included)."""

from __future__ import annotations

import pytest

from check_texts import fixed, found, resolution, rules_found
from resdesk.check.checker import Checker, check
from resdesk.check.context import build_context
from resdesk.check.references import remember
from resdesk.check.rule import REGISTRY
from resdesk.model.document import TABLE, Annex, Block, Footnote
from resdesk.text.inline import FOOTNOTE, Mark

PP = ("pp", "Recalling its resolution 61/171 of 19 December 2006,")
OP = ("op", "Requests the Secretary-General to report thereon;")
LAST = ("op", "Decides to remain seized of the matter.")


def test_every_rule_cites_the_editorial_manual_or_the_practice_it_follows():
    assert len({rule.id for rule in REGISTRY}) == len(REGISTRY)
    for rule in REGISTRY:
        assert "Manual" in rule.doc or "UN" in rule.doc, rule.id


def test_a_clean_resolution_has_no_findings():
    assert rules_found(resolution(PP, OP, LAST)) == []


# -- paragraphs: openings ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["The Assembly recalls its resolution 61/171,", "Recalls its resolution 61/171,",
                                  "In 2006, it adopted resolution 61/171,"])
def test_preambular_paragraph_opens_with_a_participle_or_adjective(text):
    assert [f.label for f in found("pp-opening", ("pp", text), LAST)] == ["PP1"]


@pytest.mark.parametrize("text", ["Recalling its resolution,", "Deeply concerned about the situation,",
                                  "Mindful of the need to act,", "Having considered the report,",
                                  "Guided by the Charter,", "Bearing in mind the Strategy,", "Convinced that it acts,"])
def test_preambular_openings_that_pass(text):
    assert found("pp-opening", ("pp", text), LAST) == []


@pytest.mark.parametrize("text", ["Requested the Secretary-General to report.", "The Secretary-General shall report.",
                                  "Recalling its resolution 61/171."])
def test_operative_paragraph_opens_with_a_verb_in_the_present_tense(text):
    assert [f.label for f in found("op-opening", ("op", text))] == ["OP1"]


@pytest.mark.parametrize("text", ["Requests the Secretary-General to report.", "Also requests the Office to act.",
                                  "Takes note with appreciation of the report.", "Calls upon States to act.",
                                  "Once again urges States to act.", "Approves the report."])
def test_operative_openings_that_pass(text):
    assert found("op-opening", ("op", text)) == []


def test_a_declaration_in_the_first_person_opens_with_the_base_form_of_the_verb():
    declaration = (("text", "We, Heads of State and Government, gathered in New York,"),
                   ("op", "Reaffirm our commitment;"), ("op", "Also reaffirm the Declaration;"),
                   ("op", "Call upon all States to act."))
    assert rules_found(resolution(*declaration)) == []
    assert [f.label for f in found("op-opening", ("op", "Reaffirm our commitment."))] == ["OP1"]


def test_openings_are_not_judged_in_a_language_without_their_grammar():
    # The Arabic lexicon lists phrases but no grammar to fall back on: an unknown phrase is not a wrong one.
    arabic = resolution(("pp", "وإذ تشجع تعزيز تبادل المعلومات،"), ("op", "تقرر أن تبقي المسألة قيد نظرها."),
                        language="ar", formula="إن الجمعية العامة،")
    assert rules_found(arabic) == []


def test_empty_paragraph():
    assert [f.label for f in found("empty-paragraph", ("pp", "  "), LAST)] == ["PP1"]
    assert rules_found(resolution(("pp", ""), LAST)) == [("PP1", "empty-paragraph")]


# -- paragraphs: endings -----------------------------------------------------------------------------


def test_preambular_paragraph_ends_with_a_comma():
    document = resolution(("pp", "Recalling its resolution 61/171;"), LAST)
    assert rules_found(document) == [("PP1", "pp-ending")]
    assert fixed(document, "pp-ending") == "Recalling its resolution 61/171,"
    assert fixed(resolution(("pp", "Recalling its resolution 61/171"), LAST), "pp-ending").endswith("61/171,")


def test_operative_paragraph_ends_with_a_semicolon_and_the_last_with_a_full_stop():
    document = resolution(PP, ("op", "Requests the Secretary-General to report thereon,"),
                          ("op", "Decides to remain seized of the matter;"))
    assert rules_found(document) == [("OP1", "op-ending"), ("OP2", "op-ending")]
    messages = [f.message for f in check(document)]
    assert "The last operative paragraph ends with a full stop" in messages[1]
    assert fixed(resolution(PP, ("op", "Decides to remain seized of the matter;")), "op-ending").endswith("matter.")


def test_a_single_operative_paragraph_ends_with_a_full_stop():
    assert rules_found(resolution(PP, ("op", "Approves the report of the Credentials Committee."))) == []


def test_sub_paragraphs_end_with_semicolons_and_the_last_with_its_paragraphs_punctuation():
    good = resolution(PP, ("op", "Requests the Secretary-General:"), ("sub", "To report;"), ("sub", "To consult;"),
                      ("op", "Decides:"), ("sub", "To act;"), ("sub", "To remain seized of the matter."))
    assert rules_found(good) == []
    bad = resolution(PP, ("op", "Requests the Secretary-General:"), ("sub", "To report,"), ("sub", "To consult."),
                     LAST)
    assert rules_found(bad) == [("OP1 (a)", "subparagraph-ending"), ("OP1 (b)", "subparagraph-ending")]
    assert "The last sub-paragraph of OP1" in check(bad)[1].message
    last = resolution(PP, ("op", "Decides:"), ("sub", "To act;"), ("sub", "To remain seized of the matter;"))
    assert fixed(last, "subparagraph-ending").endswith("matter.")


def test_sub_paragraphs_of_a_preambular_paragraph_end_with_its_comma():
    document = resolution(("pp", "Recalling the priorities:"), ("sub", "Trade;"), ("sub", "Transport,"), LAST)
    assert rules_found(document) == []


def test_a_paragraph_that_introduces_sub_paragraphs_ends_with_a_colon():
    document = resolution(PP, ("op", "Requests the Secretary-General;"), ("sub", "To report;"),
                          ("sub", "To consult;"), ("subsub", "With States;"), LAST)
    assert rules_found(document) == [("OP1", "introduction-ending"), ("OP1 (b)", "introduction-ending")]
    nested = resolution(PP, ("op", "Requests the Secretary-General:"), ("sub", "To consult:"),
                        ("subsub", "With States;"), ("subsub", "With others;"), LAST)
    assert rules_found(nested) == []


def test_a_paragraph_that_introduces_a_table_ends_with_a_colon():
    document = resolution(PP, ("op", "Approves the changes as set out in the table below:"), LAST)
    document.blocks.insert(3, Block("b9", TABLE, ""))
    assert rules_found(document) == []


@pytest.mark.parametrize(("language", "ending"), [("zh", "。"), ("ar", "."), ("fr", ".")])
def test_endings_use_the_marks_of_the_language(language, ending):
    marks = {"zh": ("，", "；"), "ar": ("،", "؛"), "fr": (",", " ;")}[language]
    good = resolution(("pp", "x" + marks[0]), ("op", "y" + marks[1]), ("op", "z" + ending), language=language)
    assert [rule for _, rule in rules_found(good) if rule.endswith("ending")] == []
    bad = resolution(("pp", "x" + marks[1]), ("op", "z" + ending), language=language)
    assert [rule for _, rule in rules_found(bad) if rule.endswith("ending")] == ["pp-ending"]


def test_annexes_are_not_held_to_the_punctuation_of_resolutions():
    document = resolution(PP, LAST)
    document.annexes.append(Annex("Declaration", [Block("b20", "operative", "We meet here. We decide.")]))
    assert rules_found(document) == []


# -- citations and dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "right"), [
    ("resolution 61/171 of December 19, 2006", "19 December 2006"),
    ("resolution 66/282 of June 29, 2012", "29 June 2012"),
    ("resolution 61/171 of 19th December 2006", "19 December 2006"),
    ("resolution 61/171 of 19 December, 2006", "19 December 2006"),
    ("resolution 61/171 of the 19th of December 2006", "19 December 2006"),
    ("resolution 61/171, adopted on December 19", "19 December"),
])
def test_dates_are_written_day_month_year(written, right):
    document = resolution(("pp", f"Recalling its {written},"), LAST)
    assert rules_found(document) == [("PP1", "date-format")]
    assert right in fixed(document, "date-format")


def test_dates_that_pass():
    assert found("date-format", ("pp", "Recalling its resolution 61/171 of 19 December 2006, and the meetings "
                                       "held from 4 to 6 November 2025 and on 22 and 23 September 2024, in June "
                                       "2026 and from 30 June to 3 July 2025,"), LAST) == []


@pytest.mark.parametrize("date", ["31 June 2012", "29 February 2013", "32 January 2010"])
def test_a_date_that_cannot_exist(date):
    assert [f.rule for f in found("date-invalid", ("pp", f"Recalling its resolution 61/171 of {date},"), LAST)] \
        == ["date-invalid"]
    assert found("date-invalid", ("pp", "Recalling its resolution 67/1 of 29 February 2012,"), LAST) == []


def test_a_resolution_is_cited_by_its_number_not_its_symbol():
    document = resolution(("pp", "Recalling its resolution A/RES/61/171 of 19 December 2006,"), LAST)
    assert fixed(document, "citation-symbol") == "Recalling its resolution 61/171 of 19 December 2006,"
    bare = resolution(("pp", "Recalling A/RES/61/171,"), LAST)
    assert fixed(bare, "citation-symbol") == "Recalling resolution 61/171,"
    council = resolution(("pp", "Recalling S/RES/1757 (2007),"), LAST)
    assert fixed(council, "citation-symbol") == "Recalling Security Council resolution 1757 (2007),"
    assert found("citation-symbol", ("pp", "Having considered the report A/75/73,"), LAST) == []


def test_several_resolutions_are_cited_in_the_plural():
    document = resolution(("pp", "Recalling its resolution 66/171 and 66/178,"), LAST)
    assert fixed(document, "citation-plural") == "Recalling its resolutions 66/171 and 66/178,"
    dated = resolution(("pp", "Recalling its resolution 66/171 of 19 December 2011 and 66/178,"), LAST)
    assert [f.rule for f in check(dated)] == ["citation-plural"]
    for text in ("Recalling its resolutions 66/171 and 66/178,", "Recalling resolutions 53/243 A and B,",
                 "Recalling its resolution 66/171 and its resolution 66/178,",
                 "Recalling Council resolution 45/8 and General Assembly resolution 70/1,"):
        assert found("citation-plural", ("pp", text), LAST) == [], text


def test_a_security_council_resolution_is_cited_with_its_year():
    missing = found("citation-council-year", ("pp", "Recalling Security Council resolutions 1325 (2000) and 2250,"),
                    LAST)
    assert [f.message for f in missing] == ["Cite Security Council resolution 2250 with its year: "
                                            "“resolution 2250 (YEAR)”."]
    document = resolution(("pp", "Recalling Security Council resolution 2178(2014),"), LAST)
    assert fixed(document, "citation-council-year") == "Recalling Security Council resolution 2178 (2014),"
    for text in ("Recalling Security Council resolution 1757 (2007),", "Recalling Council resolution 2013/32,",
                 "Recalling Economic and Social Council resolution 1296 (XLIV),",
                 "Recalling its resolutions 1514 (XV) and 1541 (XV),"):
        assert found("citation-council-year", ("pp", text), LAST) == [], text


# -- numbers -----------------------------------------------------------------------------------------


def test_numbers_under_ten_are_written_in_words():
    document = resolution(("op", "Decides to hold 3 meetings."))
    assert fixed(document, "number-in-words") == "Decides to hold three meetings."


@pytest.mark.parametrize("text", [
    "Recalls Goal 3 of the 2030 Agenda for Sustainable Development.",
    "Recalls article 6 and chapter 4 of the Convention.",
    "Recalls articles 4 and 8 of the Regulations and paragraphs 1, 2 and 3 of the Agreement.",
    "Takes note of Supplement No. 5 and vol. 2.",
    "Notes an increase of 5 per cent and of 3.5 per cent.",
    "Notes that 2 billion people lack water and 7 million more.",
    "Notes that children under 5 years of age are at risk.",
    "Decides to meet from 4 to 6 November 2025 and on 22 and 23 September 2024.",
    "Notes that, of the 22 countries, 8 have a high risk and 4 are in distress.",
    "Recalls the COVID-19 pandemic and resolution 70/1.",
    "Approves expenses of 5 dollars and $ 3.",
])
def test_figures_under_ten_that_stay_figures(text):
    assert found("number-in-words", ("op", text)) == []


def test_numbers_of_ten_and_above_are_written_in_figures():
    document = resolution(("op", "Decides to hold twelve meetings."))
    assert fixed(document, "number-in-figures") == "Decides to hold 12 meetings."
    assert fixed(resolution(("op", "Invites twenty-five States to act.")), "number-in-figures") \
        == "Invites 25 States to act."
    for text in ("Decides to act at its seventy-ninth session.", "Notes the past twenty years.",
                 "Welcomes the Group of Twenty.", "Notes the fourteenth meeting and the twenty-first century."):
        assert found("number-in-figures", ("op", text)) == [], text


def test_a_number_that_opens_a_sentence_is_written_in_words():
    document = resolution(("op", "Notes the results. 12 States reported."))
    assert fixed(document, "number-opens-sentence") == "Notes the results. Twelve States reported."
    assert [f.rule for f in check(resolution(("text", "15 experts attended.")))] == ["number-opens-sentence"]
    for text in ("Recalls vol. 2 of the Series.", "Notes the results. The 2030 Agenda guides them."):
        assert found("number-opens-sentence", ("op", text)) == [], text


def test_per_cent_is_written_out_and_in_figures():
    assert fixed(resolution(("op", "Notes a rise of 5%.")), "per-cent") == "Notes a rise of 5 per cent."
    assert fixed(resolution(("op", "Notes a rise of 5 percent.")), "per-cent") == "Notes a rise of 5 per cent."
    assert fixed(resolution(("op", "Notes a rise of five per cent.")), "per-cent") == "Notes a rise of 5 per cent."
    assert found("per-cent", ("op", "Notes a rise of 5 per cent and of 1.15 per cent.")) == []


def test_number_rules_read_english_only():
    assert rules_found(resolution(("op", "Décide de tenir 3 réunions."), language="fr")) == []


# -- cross-references ----------------------------------------------------------------------------------


def _ops(count: int, text_of=None) -> list[tuple[str, str]]:
    paragraphs = []
    for number in range(1, count + 1):
        text = (text_of or {}).get(number, f"Decides to do thing {number}")
        paragraphs.append(("op", text + (";" if number < count else ".")))
    return paragraphs


def test_a_cross_reference_names_a_paragraph_that_exists():
    document = resolution(PP, *_ops(5, {5: "Requests the Secretary-General to report on paragraph 17 above"}))
    findings = [f for f in check(document) if f.rule.startswith("xref")]
    assert [(f.label, f.rule) for f in findings] == [("OP5", "xref-missing")]
    assert "OP17" in findings[0].message


def test_cross_references_that_pass():
    texts = {3: "Recalls paragraphs 1 and 2 above", 4: "Recalls paragraph 5 (a) below",
             6: "Recalls paragraphs 1 to 3 of the present resolution",
             7: "Recalls paragraph 15 of section VIII of its resolution 74/263 and paragraph 29 of the report, "
                "and preambular paragraph 12 above"}
    paragraphs = _ops(7, texts)
    paragraphs[4:5] = [("op", "Decides:"), ("sub", "To act;"), ("sub", "To review subparagraph (a) above;")]
    assert [rule for _, rule in rules_found(resolution(PP, *paragraphs)) if rule.startswith("xref")] == []


def test_above_and_below_point_the_right_way():
    document = resolution(PP, *_ops(3, {1: "Recalls paragraph 3 above"}))
    assert fixed(document, "xref-direction").startswith("Recalls paragraph 3 below")


def test_a_subparagraph_reference_names_an_existing_subparagraph():
    document = resolution(PP, ("op", "Decides:"), ("sub", "To act;"), ("sub", "To review subparagraph (c) above;"),
                          LAST)
    assert [f.label for f in found("xref-missing", *document_paragraphs(document))] == ["OP1 (b)"]
    external = resolution(PP, ("op", "Recalls paragraph 8 of its resolution 74/263, including subparagraphs (a) "
                                     "to (e);"), LAST)
    assert [f for f in check(external) if f.rule.startswith("xref")] == []


def document_paragraphs(document):
    kinds = {"preambular": "pp", "operative": "op", "subparagraph": "sub"}
    return [(kinds[b.kind], b.text) for b in document.blocks[1:]]


def test_a_renumbered_reference_is_found_by_the_id_of_the_paragraph_it_meant():
    earlier = resolution(PP, *_ops(4, {4: "Requests the Secretary-General to report on paragraph 2 above"}))
    later = resolution(PP, *_ops(4, {4: "Requests the Secretary-General to report on paragraph 2 above"}))
    later.blocks.insert(2, Block("b50", "operative", "Decides to do a new thing;"))  # OP1 is new: old OP2 is OP3
    earlier.version = "original"
    findings = [f for f in check(later, earlier) if f.rule.startswith("xref")]
    assert [(f.label, f.rule) for f in findings] == [("OP5", "xref-renumbered")]
    assert findings[0].message == "“paragraph 2 above” meant the paragraph that is now OP3 (renumbered since original)."
    assert findings[0].fix.apply(later.block(findings[0].block).text).endswith("report on paragraph 3 above.")
    assert [f for f in check(earlier, earlier) if f.rule.startswith("xref")] == []


def test_a_reference_to_a_deleted_paragraph_says_so():
    earlier = resolution(PP, *_ops(3, {3: "Recalls paragraph 2 above"}))
    later = resolution(PP, *_ops(3, {3: "Recalls paragraph 2 above"}))
    later.blocks[3].id = "b99"  # the old OP2 was deleted and another paragraph took its place
    later.version = "Rev.1"
    messages = [f.message for f in check(later, earlier) if f.rule == "xref-renumbered"]
    assert messages == ["“paragraph 2 above” meant a paragraph that was deleted since original."]


# -- typography ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("Recalling the report (A/75/73,", "“(” opens and is never closed."),
    ("Recalling the report A/75/73),", "“)” closes nothing: its “(” is missing."),
    ("Recalling the handbook entitled “Terrorism,", "The quotation mark “ opens and is never closed."),
    ("Recalling the report [of 2020,", "“[” opens and is never closed."),
    ("Recalling the handbook (“Terrorism)”,", "“)” closes “(” while the quotation mark “ inside it is still open."),
])
def test_brackets_and_quotation_marks_are_balanced(text, message):
    assert [f.message for f in found("unbalanced", ("pp", text), LAST)] == [message]


def test_balanced_marks_pass_in_every_language():
    assert found("unbalanced", ("pp", "Recalling the handbook entitled “The (new) Guide” [2012],"), LAST) == []
    russian = resolution(("pp", "принимая к сведению справочник «Руководство „по“ (2012)» и “Guide”,"),
                         ("op", "постановляет."), language="ru", formula="Генеральная Ассамблея,")
    assert [r for _, r in rules_found(russian) if r == "unbalanced"] == []
    arabic = resolution(("pp", "وإذ تشير إلى قرارها المعنون ”استعراض شامل“،"), ("op", "تقرر."), language="ar",
                        formula="إن الجمعية العامة،")
    assert [r for _, r in rules_found(arabic) if r == "unbalanced"] == []
    french = resolution(("pp", "Rappelant l’alinéa a) du paragraphe 5,"), ("op", "Décide."), language="fr",
                        formula="L’Assemblée générale,")
    assert [r for _, r in rules_found(french) if r == "unbalanced"] == []


@pytest.mark.parametrize("text", ["Recalling […] the report,", "Recalling [...] the report,",
                                  "Recalling the report, as in OP3 bis,", "Recalling PP2 and the report,",
                                  "Recalling the report, alt 1,", "Recalling paragraph 5 bis of the report,"])
def test_negotiation_leftovers_in_a_text_to_be_issued(text):
    assert [f.rule for f in found("negotiation-leftover", ("pp", text), LAST)] == ["negotiation-leftover"]


def test_treaty_provisions_with_latin_suffixes_are_not_leftovers():
    for text in ("Recalling article 8 bis of the Rome Statute,", "Recalling the terrorism report,",
                 "Recalling rule 15 ter and the bistro,"):
        assert found("negotiation-leftover", ("pp", text), LAST) == [], text


def test_double_spaces():
    document = resolution(("pp", "Recalling  its resolution   61/171,"), LAST)
    findings = found("double-space", *document_paragraphs(document))
    assert len(findings) == 2
    assert findings[0].fix.apply(document.blocks[1].text) == "Recalling its resolution   61/171,"


def test_straight_quotes_become_curly():
    document = resolution(("pp", 'Recalling the handbook entitled "Terrorism", the Office\'s work and \'its\' tools,'),
                          LAST)
    findings = [f for f in check(document) if f.rule == "straight-quote"]
    text = document.blocks[1].text
    for finding in sorted(findings, key=lambda f: -f.start):
        text = finding.fix.apply(text)
    assert text == "Recalling the handbook entitled “Terrorism”, the Office’s work and ‘its’ tools,"


def test_footnote_texts_are_read_and_findings_name_the_footnote():
    document = resolution(("pp", "Recalling its resolution 61/171,"), LAST)
    document.blocks[1].marks = [Mark(FOOTNOTE, 32, 32, "f1")]
    document.footnotes = {"f1": Footnote("f1", 'See  the "Handbook" (2012.')}
    findings = check(document)
    assert {(f.rule, f.footnote) for f in findings} == {("double-space", "f1"), ("straight-quote", "f1"),
                                                        ("unbalanced", "f1")}


# -- footnotes -----------------------------------------------------------------------------------------


def _with_footnotes(date: str, anchors: list[str], texts: dict[str, str]):
    document = resolution(("pp", "Recalling the Strategy,"), ("op", "Requests a report;"), LAST, date=date)
    for block, note in zip(document.blocks[1:], anchors, strict=False):
        block.marks = [Mark(FOOTNOTE, len(block.text), len(block.text), note)]
    document.footnotes = {note: Footnote(note, text) for note, text in texts.items()}
    return document


def test_before_the_seventy_fourth_session_a_repeated_reference_is_one_footnote_referred_to_twice():
    twice = _with_footnotes("2013-10-01", ["f1", "f2"], {"f1": "Resolution 60/288.", "f2": "Resolution 60/288."})
    findings = [f for f in check(twice) if f.rule == "footnote-repeated"]
    assert [(f.label, f.message) for f in findings] == [
        ("OP1", "Footnote 2 repeats footnote 1 (“Resolution 60/288.”): refer to footnote 1 again instead.")]
    referred_again = _with_footnotes("2013-10-01", ["f1", "f1"], {"f1": "Resolution 60/288."})
    assert rules_found(referred_again) == []


def test_since_the_seventy_fourth_session_a_repeated_reference_gets_a_new_identical_footnote():
    referred_again = _with_footnotes("2021-01-07", ["f1", "f1"], {"f1": "Resolution 60/288."})
    assert [f.label for f in check(referred_again) if f.rule == "footnote-repeated"] == ["OP1"]
    twice = _with_footnotes("2021-01-07", ["f1", "f2"], {"f1": "A/C.5/75/2.", "f2": "A/C.5/75/2."})
    assert rules_found(twice) == []


def test_without_a_date_the_session_decides_the_footnote_practice():
    document = _with_footnotes("", ["f1", "f1"], {"f1": "Resolution 60/288."})
    document.meta.session = "Sixty-eighth session"
    assert rules_found(document) == []
    document.meta.session = "Seventy-fifth session"
    assert [rule for _, rule in rules_found(document)] == ["footnote-repeated"]


def test_references_are_remembered_as_they_were_meant_until_the_text_changes_them():
    document = resolution(PP, *_ops(4, {4: "Recalls paragraph 2 above"}))
    memory: dict = {}
    remember(memory, document.blocks[5], build_context(document))
    assert memory == {("b6", "paragraph", "OP2"): "b4"}
    document.blocks.insert(2, Block("b50", "operative", "Decides to do a new thing;"))  # the old OP2 is now OP3
    context = build_context(document, memory)
    remember(memory, document.blocks[6], context)
    assert memory == {("b6", "paragraph", "OP2"): "b4"}  # still what it meant, so the renumbering is found
    assert [f.rule for f in check_with(document, memory) if f.rule.startswith("xref")] == ["xref-renumbered"]
    document.blocks[6].text = "Recalls paragraph 3 above."  # the fix applied: the new words mean the same paragraph
    remember(memory, document.blocks[6], build_context(document, memory))
    assert memory == {("b6", "paragraph", "OP3"): "b4"}


def check_with(document, memory):
    return Checker(document, remembered=memory).findings()
