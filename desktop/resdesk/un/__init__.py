"""The UN's conventions, each in one place: languages, dates, numerals, sub-paragraph markers,
sponsor lists, the masthead, opening phrases and links.

The bottom layer beside `resdesk.text`: it imports only `resdesk.errors`, `resdesk.resources`
and the standard library, so every importer, exporter and view can use it.
"""
