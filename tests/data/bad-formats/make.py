#!/usr/bin/env python3
"""Writes the damaged SAS transport and Dataset-JSON files of tests/data/bad-formats from the good fixtures
(tests/known-results/adam/adqsadas.xpt, written by haven, and tests/data/dataset-json/adadas-excerpt.*, CDISC's example).
Each NAME.<ext> gets a NAME.expected written by the tests (COHORT_WRITE_EXPECTED=1). Deterministic."""
import json, os, struct

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
xpt = open(os.path.join(root, "tests", "known-results", "adam", "adqsadas.xpt"), "rb").read()
ndjson = open(os.path.join(root, "tests", "data", "dataset-json", "adadas-excerpt.ndjson"), encoding="utf-8").read()

def write(name, data):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

obs = xpt.index(b"HEADER RECORD*******OBS")
namestr = xpt.index(b"HEADER RECORD*******NAMESTR") + 80
names = [xpt[namestr + i * 140 + 8: namestr + i * 140 + 16].decode().strip() for i in range(int(xpt[namestr - 80 + 48: namestr - 80 + 58]))]
def variable(name):
    return namestr + names.index(name) * 140

write("x01-truncated-record.xpt", xpt[: obs + 80 + 1000])                 # ends inside a record
write("x02-truncated-headers.xpt", xpt[:700])                             # ends inside the NAMESTR records
b = bytearray(xpt); struct.pack_into(">h", b, variable("AVAL") + 4, 12)  # numeric length 12
write("x03-mis-sized-numeric.xpt", bytes(b))
b = bytearray(xpt); struct.pack_into(">i", b, variable("AVAL") + 84, 5000)  # position past the end of the record
write("x04-position-outside-record.xpt", bytes(b))
b = bytearray(xpt); struct.pack_into(">i", b, variable("AVAL") + 84, 2**31 - 1)  # position + length wraps round in 32 bits
write("x08-position-overflow.xpt", bytes(b))
b = bytearray(xpt); struct.pack_into(">h", b, variable("AVISITN"), 2)    # the visit becomes a character variable
write("x05-mis-typed-visit.xpt", bytes(b))
write("x06-not-xport.xpt", "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,ACTOT,0,20\n" + " " * 80)
b = bytearray(xpt); b[obs: obs + 80] = b"HEADER RECORD*******OBSERVED HEADER".ljust(80)
write("x07-no-observation-header.xpt", bytes(b))

lines = ndjson.splitlines()
meta = json.loads(lines[0])
rows = [json.loads(l) for l in lines[1:]]
def as_json(meta, rows):
    out = dict(meta); out["rows"] = rows
    return json.dumps(out)
text = as_json(meta, rows)
write("j01-truncated.json", text[: len(text) // 2])
write("j02-truncated.ndjson", ndjson[: len(ndjson) - 200])
short = [list(r) for r in rows]; short[6] = short[6][:-2]
write("j03-mis-sized-row.json", as_json(meta, short))
typed = [list(r) for r in rows]; typed[3][27] = "three"                    # AVAL (integer) as a string
write("j04-mis-typed-value.ndjson", "\n".join([lines[0]] + [json.dumps(r) for r in typed]) + "\n")
m = dict(meta); m["records"] = 20
write("j05-records-mismatch.ndjson", "\n".join([json.dumps(m)] + lines[1:]) + "\n")
m = {k: v for k, v in meta.items() if k != "columns"}; m["rows"] = rows; m["columns"] = meta["columns"]
write("j06-columns-after-rows.json", json.dumps(m))
m = dict(meta); m["columns"] = [dict(c) for c in meta["columns"]]; m["columns"][27]["dataType"] = "number"
write("j07-unknown-data-type.ndjson", "\n".join([json.dumps(m)] + lines[1:]) + "\n")
