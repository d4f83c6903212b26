"""Reads back what openpyxl (and the raw XML, for x14 lists) sees in template workbooks; prints JSON.

Usage: python3 readback.py FILE...  Each file maps to its sheets (name, state, dropdowns with
their items resolved, hidden 字典 lists included) and its defined names.
"""
import json
import re
import sys
import warnings
import zipfile

import openpyxl

warnings.simplefilter("ignore")  # openpyxl warns that it drops x14 validations; those are read from the XML below


def items_of(wb, formula):
    formula = formula.strip()
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, _, ref = formula.rpartition("!")
    ws = wb[sheet.strip("'")]
    return [row[0].value for row in ws[ref.replace("$", "")]]


def x14_validations(path):
    """(sheet xml path, sqref, formula) of Excel 2010 x14 list validations, which openpyxl drops."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.match(r"xl/worksheets/sheet\d+\.xml$", name):
                continue
            xml = z.read(name).decode("utf-8")
            for dv in re.findall(r"<x14:dataValidation\b.*?</x14:dataValidation>", xml, re.S):
                f = re.search(r"<xm:f>(.*?)</xm:f>", dv, re.S).group(1)
                sq = re.search(r"<xm:sqref>(.*?)</xm:sqref>", dv, re.S).group(1)
                found.append((name, sq, f))
    return found


def sheet_parts(path):
    """Sheet name → its part, from workbook.xml and its relationships."""
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        rid = re.search(r'Id="([^"]+)"', rel).group(1)
        target = re.search(r'Target="([^"]+)"', rel).group(1).lstrip("/")
        targets[rid] = target if target.startswith("xl/") else "xl/" + target
    parts = {}
    for sheet in re.findall(r"<sheet\b[^>]*>", wb):
        name = re.search(r'name="([^"]+)"', sheet).group(1)
        rid = re.search(r'r:id="([^"]+)"', sheet).group(1)
        parts[targets[rid]] = name
    return parts


def read(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        dvs = [
            {"sqref": str(dv.sqref), "items": items_of(wb, dv.formula1)}
            for dv in ws.data_validations.dataValidation
            if dv.type == "list"
        ]
        sheets.append({"name": ws.title, "state": ws.sheet_state, "validations": dvs})
    parts = sheet_parts(path)
    for part, sq, f in x14_validations(path):
        next(s for s in sheets if s["name"] == parts[part])["validations"].append({"sqref": sq, "items": items_of(wb, f)})
    names = {dn.name: dn.attr_text for dn in wb.defined_names.definedName}
    return {"sheets": sheets, "definedNames": names}


print(json.dumps({p: read(p) for p in sys.argv[1:]}, ensure_ascii=False))
