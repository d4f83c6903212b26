"""Prints, as JSON, what the end-to-end tests compare in a workbook, read by openpyxl (an
independent reader): per sheet its state, values, merges, column widths, data validations
(classic and, from the raw XML, x14), the solid fills and a summary of each styled cell's format."""
import json
import re
import sys
import warnings
import zipfile

warnings.simplefilter("ignore")
from openpyxl import load_workbook  # noqa: E402

path = sys.argv[1]
wb = load_workbook(path)
values = load_workbook(path, data_only=True)
z = zipfile.ZipFile(path)
raw = {n: z.read(n).decode("utf8", "replace") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}


# openpyxl drops x14 validations (cross-sheet lists); they are read from the sheets' XML.
X14 = sorted(
    {
        json.dumps({"sqref": sq, "formula": f}, ensure_ascii=False)
        for xml in raw.values()
        for f, sq in re.findall(r"<xm:f>(.*?)</xm:f>.*?<xm:sqref>(.*?)</xm:sqref>", xml)
    }
)

out = {}
for ws in wb:
    fills, styles = {}, {}
    for row in ws.iter_rows():
        for c in row:
            if c.fill is not None and c.fill.fill_type == "solid" and isinstance(c.fill.fgColor.rgb, str):
                fills[c.coordinate] = c.fill.fgColor.rgb[-6:].upper()
            if c.has_style:
                f, a = c.font, c.alignment
                styles[c.coordinate] = [f.b, f.sz, f.name, c.number_format, c.border.bottom.style, a.horizontal, a.vertical, a.wrap_text]
    out[ws.title] = {
        "state": ws.sheet_state,
        "values": [list(r) for r in values[ws.title].iter_rows(values_only=True)],
        "merges": sorted(str(m) for m in ws.merged_cells.ranges),
        "widths": {k: d.width for k, d in sorted(ws.column_dimensions.items())},
        "validations": [
            {"sqref": str(d.sqref), "type": d.type, "formula1": d.formula1} for d in ws.data_validations.dataValidation
        ],
        "fills": fills,
        "styles": styles,
    }
out["_x14"] = X14
print(json.dumps(out, ensure_ascii=False, default=str))
