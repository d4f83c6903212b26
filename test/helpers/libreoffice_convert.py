#!/usr/bin/python3
"""Converts workbooks as `soffice --convert-to TARGET --outdir DIR FILE…` does, through the same
import and export filters, in the LibreOffice of libreoffice_session (the run's shared one under
jest), so a test need not start LibreOffice for it. TARGET is the option's value: an extension,
then optionally a filter name and the filter's options (`csv:Text - txt - csv (StarCalc):44,34,76`).
Writes DIR/NAME.EXT per file, exits non-zero with the reason on stderr when one fails.

    /usr/bin/python3 libreoffice_convert.py TARGET DIR FILE…
"""
import os, sys

import uno
from libreoffice_session import libreoffice_desktop, prop

# The export filter --convert-to picks for an extension alone, for the extensions the tests use.
DEFAULT_FILTERS = {"fods": "OpenDocument Spreadsheet Flat XML", "csv": "Text - txt - csv (StarCalc)", "ods": "calc8"}


def main():
    target, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    ext, _, rest = target.partition(":")
    filter_name, _, options = rest.partition(":")
    export = [prop("FilterName", filter_name or DEFAULT_FILTERS[ext]), prop("Overwrite", True)]
    if options:
        export.append(prop("FilterOptions", options))
    with libreoffice_desktop() as desktop:
        if desktop is None:
            print("LibreOffice did not start", file=sys.stderr)
            return 3
        for file in files:
            path = os.path.abspath(file)
            name = os.path.splitext(os.path.basename(path))[0] + "." + ext
            try:
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
                doc.storeToURL(uno.systemPathToFileUrl(os.path.join(os.path.abspath(out_dir), name)), tuple(export))
                doc.close(True)
            except Exception as e:  # a UNO exception: its message says why
                print(f"cannot convert {path}: {getattr(e, 'Message', '') or e}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
