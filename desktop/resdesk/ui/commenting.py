"""Comments from the window: what the comment panel is about, and a comment or reply as one undo step."""

from __future__ import annotations

from resdesk.model.comment import Comment
from resdesk.ui import negotiation_commands as commands
from resdesk.ui.window_part import WindowPart


class Commenting(WindowPart):
    def __init__(self, window, panel, amendment_panel):
        super().__init__(window)
        self.panel = panel
        self.actions.connect("add_comment", self.add_comment)
        panel.comment_requested.connect(self.comment)
        amendment_panel.amendment_selected.connect(panel.show_amendment)
        window.text_view.current_block_changed.connect(panel.show_block)

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
