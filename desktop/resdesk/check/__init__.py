"""Editorial checks of a draft resolution by the UN's rules, and what a draft asks of the Secretariat.

Qt-free; reads a `Document` and its labels, never the document file or the exporters. `check`
runs every rule (`rule.REGISTRY`, registered by the rule modules: `paragraphs`, `citations`,
`numbers`, `references`, `typography`, `footnotes`); `asks.asks` lists the mandates of the
operative paragraphs. The words the rules need are data (`resources/check/<language>.toml`).
"""
