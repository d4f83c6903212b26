"""Prints, as JSON, each cell note openpyxl reads in a workbook: {sheet: {cell: text}}."""
import json
import sys
import warnings

warnings.simplefilter("ignore")
from openpyxl import load_workbook  # noqa: E402

wb = load_workbook(sys.argv[1])
print(json.dumps({ws.title: {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment} for ws in wb}, ensure_ascii=False))
