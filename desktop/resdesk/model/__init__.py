"""Plain data: the document, its blocks and footnotes, versions, delegations, amendments."""
