#!/usr/bin/python3
"""Writes a workbook from a JSON spec on stdin, with openpyxl (a writer we did not write):
{"names": {name: value}, "rows": [{"cells": [[col, value]], "formulas": [[col, formula]]}]}.
A value {"date": serial} is a number formatted as a date. Columns are 0-based; row i is Excel row i+1.

    /usr/bin/python3 build_book.py OUT.xlsx < spec.json
"""
import json, sys

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

spec = json.load(sys.stdin)
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "cases"
for name, value in spec["names"].items():
    wb.defined_names.append(DefinedName(name, attr_text=value, hidden=True))
for r, row in enumerate(spec["rows"], start=1):
    for col, value in row["cells"]:
        cell = ws.cell(r, col + 1)
        if isinstance(value, dict):
            cell.value = value["date"]
            cell.number_format = "yyyy-mm-dd"
        else:
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # never read a typed value as a formula
    for col, formula in row["formulas"]:
        ws.cell(r, col + 1).value = "=" + formula
wb.save(sys.argv[1])
