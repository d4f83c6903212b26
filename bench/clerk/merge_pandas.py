"""How a data-savvy county clerk merges the schools' workbooks today: pandas + openpyxl.

usage: python3 merge_pandas.py SCHOOLS_DIR OUT.xlsx   (prints the number of rows written)
"""
import glob
import os
import re
import sys

import pandas as pd

src, out = sys.argv[1], sys.argv[2]
frames = []
for f in sorted(glob.glob(os.path.join(src, "*.xlsx"))):
    raw = pd.read_excel(f, header=None, dtype=str, engine="openpyxl")
    # Schools put the header on different rows: take the first row that names 身份证号.
    head = next(i for i, row in raw.iterrows() if row.astype(str).str.contains("身份证").any())
    df = raw.iloc[head + 1 :].copy()
    df.columns = [re.sub(r"\s", "", str(c)) for c in raw.iloc[head]]
    df = df[df["身份证号"].notna()]
    df["来源"] = os.path.basename(f)
    frames.append(df)
merged = pd.concat(frames, ignore_index=True)
merged.to_excel(out, index=False)
print(len(merged))
