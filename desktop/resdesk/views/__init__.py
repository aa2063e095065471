"""Pure functions from the stored text to what is shown: outlines, markup, consolidated text."""
