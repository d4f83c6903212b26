#!/usr/bin/python3
"""Opens a workbook in LibreOffice (headless, through UNO), recalculates every formula, and prints
{"sheets": {name: [[cell…]…]}} as JSON: each cell's value as LibreOffice computed it (numbers,
text, or {"error": code} for an error), so tests can compare an engine's verdicts with ours.
With --rules it reports instead, per sheet, the data validations and conditional formats LibreOffice loaded.

    /usr/bin/python3 lo_eval.py FILE [FILE…] [--rules]

With several files LibreOffice starts once and prints {"files": [result…]} in the same order.
"""
import json, os, sys

import uno
from com.sun.star.table.CellContentType import FORMULA

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "helpers"))
from libreoffice_session import libreoffice_desktop, prop


def cell_value(cell):
    if cell.getType() == FORMULA:
        if cell.getError() != 0:
            return {"error": cell.getError()}
        # A formula's result type: VALUE (number/boolean) or TEXT.
        if cell.FormulaResultType2 == 2:  # com.sun.star.sheet.FormulaResult.STRING
            return cell.getString()
        return cell.getValue()
    return cell.getString()


def validations_of(sheet):
    """Cells per validation (ValidationType name | formula) in the first 40 rows of the used area (tables start there)."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    addr = cur.getRangeAddress()
    kinds = {}
    for r in range(min(addr.EndRow + 1, 40)):
        for c in range(addr.EndColumn + 1):
            v = sheet.getCellByPosition(c, r).Validation
            if v.Type.value != "ANY":
                key = f"{v.Type.value}|{v.getFormula1()}"
                kinds[key] = kinds.get(key, 0) + 1
    return kinds


def evaluate(desktop, path, want_rules):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
    if doc is None or not hasattr(doc, "getSheets"):
        return {"error": "not loaded"}
    out = {}
    rules = {}
    if not want_rules:
        doc.calculateAll()
    for i in range(doc.getSheets().getCount()):
        sh = doc.getSheets().getByIndex(i)
        if want_rules:
            rules[sh.getName()] = {"validations": validations_of(sh), "conditionalFormats": sh.ConditionalFormats.getLength()}
            continue
        cur = sh.createCursor()
        cur.gotoEndOfUsedArea(False)
        addr = cur.getRangeAddress()
        out[sh.getName()] = [[cell_value(sh.getCellByPosition(c, r)) for c in range(addr.EndColumn + 1)] for r in range(addr.EndRow + 1)]
    doc.close(True)
    return {"sheets": out, "rules": rules}


def main():
    paths = [os.path.abspath(a) for a in sys.argv[1:] if not a.startswith("--")]
    want_rules = "--rules" in sys.argv
    with libreoffice_desktop() as desktop:
        if desktop is None:
            print(json.dumps({"error": "LibreOffice did not start"}))
            return 3
        results = [evaluate(desktop, p, want_rules) for p in paths]
        print(json.dumps(results[0] if len(results) == 1 else {"files": results}, ensure_ascii=False))
        return 0


if __name__ == "__main__":
    sys.exit(main())
