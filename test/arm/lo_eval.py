#!/usr/bin/python3
"""Opens a workbook in LibreOffice (headless, through UNO), recalculates every formula, and prints
{"sheets": {name: [[cell…]…]}} as JSON: each cell's value as LibreOffice computed it (numbers,
text, or {"error": code} for an error), so tests can compare an engine's verdicts with ours.
It also reports, per sheet, the data validations and conditional formats LibreOffice loaded.

    /usr/bin/python3 lo_eval.py FILE
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table.CellContentType import FORMULA


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    """Cells per validation (ValidationType name | formula) on the used area."""
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    addr = cur.getRangeAddress()
    kinds = {}
    for r in range(addr.EndRow + 1):
        for c in range(addr.EndColumn + 1):
            v = sheet.getCellByPosition(c, r).Validation
            if v.Type.value != "ANY":
                key = f"{v.Type.value}|{v.getFormula1()}"
                kinds[key] = kinds.get(key, 0) + 1
    return kinds


def main():
    path = os.path.abspath(sys.argv[1])
    want_rules = len(sys.argv) > 2 and sys.argv[2] == "--rules"
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    port = free_port()
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{profile}",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            print(json.dumps({"error": "LibreOffice did not start"}))
            return 3
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
        if doc is None or not hasattr(doc, "getSheets"):
            print(json.dumps({"error": "not loaded"}))
            return 1
        doc.calculateAll()
        out = {}
        rules = {}
        for i in range(doc.getSheets().getCount()):
            sh = doc.getSheets().getByIndex(i)
            cur = sh.createCursor()
            cur.gotoEndOfUsedArea(False)
            addr = cur.getRangeAddress()
            rows = []
            for r in range(addr.EndRow + 1):
                rows.append([cell_value(sh.getCellByPosition(c, r)) for c in range(addr.EndColumn + 1)])
            out[sh.getName()] = rows
            if want_rules:
                cf = sh.ConditionalFormats
                rules[sh.getName()] = {"validations": validations_of(sh), "conditionalFormats": cf.getLength()}
        print(json.dumps({"sheets": out, "rules": rules}, ensure_ascii=False))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        return 0
    finally:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
