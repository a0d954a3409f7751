#!/usr/bin/env python3
"""The analyst's obvious alternative, for `npm run bench`: read every .xlsx under a folder with pandas + openpyxl
(read-only, one process) and count the values of the "Tiến độ" column. No classification, no rollup, no output
beyond one JSON line: {"files": n, "rows": n, "statuses": {...}, "seconds": s}.
Run with Debian's python3-pandas and python3-openpyxl (apt-get install python3-pandas python3-openpyxl)."""
import json
import os
import sys
import time
from collections import Counter

import pandas as pd

t0 = time.perf_counter()
root = sys.argv[1]
counts: Counter = Counter()
files = rows = 0
for base, _dirs, names in os.walk(root):
    for name in sorted(names):
        if not name.endswith('.xlsx'):
            continue
        df = pd.read_excel(os.path.join(base, name), header=None, engine='openpyxl', dtype=str)
        files += 1
        # The header row is the first row with a cell "Tiến độ"; count the values below it.
        for i, row in df.iterrows():
            cols = [c for c, v in row.items() if isinstance(v, str) and v.strip().lower() == 'tiến độ']
            if cols:
                values = df.iloc[i + 1:, cols[0]].fillna('').str.strip()
                rows += len(values)
                counts.update(values)
                break
print(json.dumps({'files': files, 'rows': rows, 'statuses': dict(counts), 'seconds': time.perf_counter() - t0}, ensure_ascii=False))
