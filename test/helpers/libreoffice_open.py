#!/usr/bin/python3
"""Opens a workbook in LibreOffice (headless, through UNO), with a password when given, and
prints {"sheets": [{"name", "rows", "cols"}…]} as JSON, or {"error": …} when it cannot be opened.

    /usr/bin/python3 libreoffice_open.py FILE [PASSWORD]

Used by the tests as an independent reader of the files the project writes.
"""
import json, os, sys

import uno
from libreoffice_session import libreoffice_desktop, prop


def main():
    path = os.path.abspath(sys.argv[1])
    password = sys.argv[2] if len(sys.argv) > 2 else None
    with libreoffice_desktop() as desktop:
        if desktop is None:
            print(json.dumps({"error": "LibreOffice did not start"}))
            return 3
        props = [prop("Hidden", True), prop("ReadOnly", True)]
        if password is not None:
            props.append(prop("Password", password))
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, tuple(props))
        except Exception as e:  # a wrong or missing password ends here
            doc = None
            err = str(e) or type(e).__name__
        else:
            err = "not loaded"
        if doc is None or not hasattr(doc, "getSheets"):
            print(json.dumps({"error": err}))
            return 1
        sheets = []
        for i in range(doc.getSheets().getCount()):
            sh = doc.getSheets().getByIndex(i)
            cur = sh.createCursor()
            cur.gotoEndOfUsedArea(False)
            addr = cur.getRangeAddress()
            sheets.append({"name": sh.getName(), "rows": addr.EndRow + 1, "cols": addr.EndColumn + 1})
        print(json.dumps({"sheets": sheets}, ensure_ascii=False))
        doc.close(True)
        return 0


if __name__ == "__main__":
    sys.exit(main())
