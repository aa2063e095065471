"""Word (.docx) in UN layout: the reference template, the exporters (clean, tracked, compilation), the importer.

python-docx handles the package, styles, sections and headers; `oxml` builds the
WordprocessingML that python-docx has no API for (footnotes, fields, revisions)
directly with lxml, which is also much faster for hundreds of paragraphs.
"""
