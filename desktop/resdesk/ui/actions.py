"""Every action of the main window, with its menu, shortcut and name, defined in one place.

`ACTIONS` lists them; `MENUS` says which menu shows which (None draws a
separator, "recent" the recent files submenu, "panels" the panel toggles).
To add a command (File ▸ Export…, Print…, a view mode), add an `ActionSpec` and
put its key in a menu; the window connects it with `Actions.connect(key, slot)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence

from resdesk.ui.guard import call_reporting

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str
    shortcuts: tuple = ()
    tip: str = ""
    edits: bool = False  # disabled when the document is read-only


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open…", (Std.Open,), "Open a document, or a text/AKN/Word file to import"),
    ActionSpec("save_as", "Save &As…", (Std.SaveAs, "Ctrl+Shift+S"), "Save a copy of the document and continue in it"),
    ActionSpec("close", "&Close Window", (Std.Close,), "Close this window (everything is already saved)"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "Quit Resolution Desk (everything is already saved)"),
    ActionSpec("undo", "&Undo", (Std.Undo,), "Undo the last change", edits=True),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo the change undone last", edits=True),
    ActionSpec("find", "&Find…", (Std.Find,), "Find words in the text"),
    ActionSpec("find_next", "Find &Next", (Std.FindNext,), "Find the next match"),
    ActionSpec("find_previous", "Find Pre&vious", (Std.FindPrevious,), "Find the previous match"),
    ActionSpec("go_to", "&Go to Paragraph…", ("Ctrl+G",), "Go to a paragraph by its label (OP5, PP3, OP5 (a))"),
    ActionSpec("add_pp", "Add &Preambular Paragraph", ("Ctrl+Shift+P",),
               "Add a preambular paragraph after the current one", edits=True),
    ActionSpec("add_op", "Add &Operative Paragraph", ("Ctrl+Shift+O",),
               "Add an operative paragraph after the current one", edits=True),
    ActionSpec("add_sub", "Add &Sub-paragraph", ("Ctrl+Shift+L",),
               "Add a sub-paragraph to the current paragraph", edits=True),
    ActionSpec("delete", "&Delete Paragraph", ("Ctrl+Shift+K",), "Delete the current paragraph and its sub-paragraphs",
               edits=True),
    ActionSpec("move_up", "Move &Up", ("Alt+Shift+Up",), "Move the current paragraph above the previous one",
               edits=True),
    ActionSpec("move_down", "Move Do&wn", ("Alt+Shift+Down",), "Move the current paragraph below the next one",
               edits=True),
    ActionSpec("toggle_kind", "Preambular ↔ Operati&ve", ("Ctrl+Shift+T",),
               "Make a preambular paragraph operative, or an operative one preambular", edits=True),
    ActionSpec("indent", "&Indent into Sub-paragraph", ("Ctrl+]",),
               "Make the paragraph a sub-paragraph of the one above (Tab in the text)", edits=True),
    ActionSpec("outdent", "Ou&tdent", ("Ctrl+[",), "Move a sub-paragraph out one level (Shift+Tab in the text)",
               edits=True),
    ActionSpec("add_footnote", "Insert &Footnote…", ("Ctrl+Alt+F",), "Insert a footnote at the cursor", edits=True),
    ActionSpec("edit_footnotes", "&Edit Footnotes…", ("Ctrl+Alt+E",),
               "Change or remove the footnotes of the current paragraph", edits=True),
    ActionSpec("export", "&Export…", ("Ctrl+E",), "Export to Word, PDF or Akoma Ntoso XML, clean, tracked or "
               "as a compilation text"),
    ActionSpec("export_pdf", "Export P&DF…", ("Ctrl+Shift+E",), "Export the current view as a PDF in UN layout"),
    ActionSpec("print_preview", "Print Pre&view…", ("Ctrl+Alt+P",), "Preview the printed current view"),
    ActionSpec("print", "&Print…", (Std.Print,), "Print the current view (clean, tracked markup or consolidated)"),
    ActionSpec("propose_mode", "&Propose", ("Ctrl+Alt+1",),
               "Propose mode: edits become amendments of the delegation you act as", edits=True),
    ActionSpec("edit_mode", "&Edit Text", ("Ctrl+Alt+2",), "Edit-text mode (pen-holder): edits change the text",
               edits=True),
    ActionSpec("propose_alternative", "Propose an &Alternative…", ("Ctrl+Alt+A",),
               "Propose a whole new text for the current paragraph", edits=True),
    ActionSpec("propose_from_word", "Propose from &Word Files…", ("Ctrl+Alt+W",),
               "Every change and comment in delegations' Word files, as their authors' proposals and comments",
               edits=True),
    ActionSpec("add_comment", "Add &Comment…", ("Ctrl+Alt+M",), "Comment on the current paragraph or amendment",
               edits=True),
    ActionSpec("choose_acting", "Ac&ting As…", ("Ctrl+Alt+S",),
               "Choose the delegation in whose name you propose (type its name or short name, Down, Enter)"),
    ActionSpec("add_delegation", "Add &Delegation…", ("Ctrl+Alt+D",),
               "Add a delegation or group this document needs", edits=True),
    ActionSpec("create_revision", "Create &Revision…", ("Ctrl+Alt+R",),
               "Apply the accepted amendments and issue the next revision (Rev.N)", edits=True),
    ActionSpec("amend_amendment", "Amend the Amendme&nt…", ("Ctrl+Alt+N",),
               "Propose changes to the text the selected amendment proposes (an amendment to it)", edits=True),
    ActionSpec("voting_order", "Voting &Order", ("Ctrl+Alt+O",),
               "Show the amendments still to be decided in the order they are voted on (rule 90)"),
    ActionSpec("record_vote", "Record &Vote…", ("Ctrl+Alt+V",),
               "Record the vote on the selected amendment: adopted or rejected, with the figures", edits=True),
    ActionSpec("divide", "Separate Vote on W&ords…", (),
               "Record a separate vote on some words of a paragraph: retained or deleted", edits=True),
    ActionSpec("view_base", "&Base Text", ("Ctrl+1",), "Show the version's clean text"),
    ActionSpec("view_markup", "&Markup", ("Ctrl+2",), "Show every proposal inline, in its delegation's colour"),
    ActionSpec("view_consolidated", "&Consolidated", ("Ctrl+3",),
               "Show the text with the chosen statuses accepted"),
    ActionSpec("about", "&About Resolution Desk", (), "Version and licence"),
)

MENUS: tuple[tuple[str, tuple], ...] = (
    ("&File", ("open", "recent", None, "save_as", None, "export", "export_pdf", "print_preview", "print", None,
               "close", "quit")),
    ("&Edit", ("undo", "redo", None, "find", "find_next", "find_previous", "go_to")),
    ("&Paragraph", ("add_pp", "add_op", "add_sub", "delete", None, "move_up", "move_down", "toggle_kind",
                    "indent", "outdent", None, "add_footnote", "edit_footnotes")),
    ("&Amendments", ("propose_mode", "edit_mode", None, "propose_alternative", "propose_from_word", "add_comment", None,
                     "choose_acting", "add_delegation", None, "amend_amendment", "voting_order", "record_vote",
                     "divide", None, "create_revision")),
    ("&View", ("view_base", "view_markup", "view_consolidated", None, "panels")),
    ("&Help", ("about",)),
)


class Actions:
    """The QActions of one window, by key (`actions["undo"]`)."""

    def __init__(self, parent):
        self._actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.key}")
            keys = [QKeySequence(s) for s in spec.shortcuts]
            if keys:
                action.setShortcuts(_unique(keys))
            tip = spec.tip
            if keys:
                tip = f"{tip} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.setStatusTip(spec.tip)
            action.setProperty("edits", spec.edits)
            self._actions[spec.key] = action

    def __getitem__(self, key: str) -> QAction:
        return self._actions[key]

    def __iter__(self):
        return iter(self._actions.values())

    def connect(self, key: str, slot) -> None:
        action = self._actions[key]
        action.triggered.connect(lambda _checked=False: call_reporting(slot, action))

    def set_read_only(self, readonly: bool) -> None:
        for action in self._actions.values():
            if action.property("edits"):
                action.setEnabled(not readonly)


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    """Shortcuts without repeats (a standard key may already be one of the explicit ones)."""
    seen: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in seen:
            seen.append(key)
    return seen
