"""Reads a .docx with python-docx (Debian's python3-docx) and prints its body in order as JSON:
[{"t": "p", "style": "Heading 1", "text": "..."}, {"t": "table", "rows": [["cell", ...], ...]}, ...]
plus the sections' page sizes and orientation, and the header and footer texts."""
import json
import sys

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

d = docx.Document(sys.argv[1])
body = []
for el in d.element.body.iterchildren():
    tag = el.tag.split('}')[1]
    if tag == 'p':
        p = Paragraph(el, d)
        body.append({"t": "p", "style": p.style.name if p.style is not None else "", "text": p.text})
    elif tag == 'tbl':
        t = Table(el, d)
        body.append({"t": "table", "rows": [[c.text for c in r.cells] for r in t.rows],
                     "header": [bool(r._tr.trPr is not None and r._tr.trPr.find('{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader') is not None) for r in t.rows[:1]]})
sections = [{"width_mm": round(s.page_width.mm), "height_mm": round(s.page_height.mm), "orientation": int(s.orientation),
             "header": " ".join(p.text for p in s.header.paragraphs)} for s in d.sections]
styles = sorted(s.name for s in d.styles)
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
fields = [e.text.strip() for e in d.element.body.iter(W + 'instrText') if e.text and e.text.strip().startswith('TOC')]
print(json.dumps({"body": body, "sections": sections, "styles": styles, "tocFields": fields}, ensure_ascii=False))
