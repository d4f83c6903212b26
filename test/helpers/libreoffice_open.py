#!/usr/bin/python3
"""Opens a workbook in LibreOffice (headless, through UNO), with a password when given, and
prints {"sheets": [{"name", "rows", "cols"}…]} as JSON, or {"error": …} when it cannot be opened.

    /usr/bin/python3 libreoffice_open.py FILE [PASSWORD]

Used by the tests as an independent reader of the files the project writes.
"""
import json, os, shutil, socket, subprocess, sys, tempfile, time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    path = os.path.abspath(sys.argv[1])
    password = sys.argv[2] if len(sys.argv) > 2 else None
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
            desktop.terminate()
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
