"""Inline text (marks over plain characters) and word diffs."""
