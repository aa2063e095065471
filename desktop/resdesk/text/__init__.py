"""Inline text (marks over plain characters), word diffs and the UN phrase lexicon."""
