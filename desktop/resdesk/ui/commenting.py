"""Comments from the window: what the comment panel is about, and a comment or reply as one undo step.

A comment goes to what is selected: the amendment chosen in the amendment
panel (while the text shows it), a proposed new paragraph or alternative
clicked in the markup (they are amendments, not paragraphs of the version),
else the current paragraph. The panel says which above its box.
"""

from __future__ import annotations

from resdesk.model.comment import Comment
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.text_view import ROW_ROLE
from resdesk.ui.window_part import WindowPart
from resdesk.views.markup import ALTERNATIVE_TEXT, INSERTED


class Commenting(WindowPart):
    def __init__(self, window, panel, amendment_panel):
        super().__init__(window)
        self.panel = panel
        self.amendment_panel = amendment_panel
        self.actions.connect("add_comment", self.add_comment)
        panel.comment_requested.connect(self.comment)
        # Connected after the amendment actions: the text has scrolled to the amendment when this runs.
        amendment_panel.amendment_selected.connect(panel.show_amendment)
        window.text_view.current_block_changed.connect(self.follow_text)

    def follow_text(self, block_id: str) -> None:
        """The row now current in the text becomes the subject: the amendment selected in the amendment panel
        when this row shows it, a proposed paragraph or alternative (an amendment), else the paragraph."""
        view = self.window.text_view
        index = view.currentIndex()
        record = index.data(ROW_ROLE).record if index.isValid() else None
        selected = self.amendment_panel.selected_ids()
        if len(selected) == 1 and index.isValid() and index.row() == self.negotiation.row_of_amendment(selected[0]):
            self.panel.show_amendment(selected[0])
        elif record is not None and record.state in (INSERTED, ALTERNATIVE_TEXT):
            self.panel.show_amendment(record.amendment)
        else:
            self.panel.show_block(block_id)

    def comment(self, text: str, private: bool, reply_to: str) -> None:
        author = self.acting_or_tell()
        if not author:
            return
        panel = self.panel
        self.push(commands.CommentCommand(self.negotiation, Comment(
            id="", author=author, text=text, block=panel.block_id, amendment=panel.amendment_id,
            private=private, reply_to=reply_to)))

    def add_comment(self) -> None:
        block_id = self.window.current_paragraph()
        panel = self.panel
        if block_id and not panel.amendment_id:
            panel.show_block(block_id)
        self.window.panels["comments"].show()
        self.window.panels["comments"].raise_()
        panel.editor.setFocus()
