#!/usr/bin/env python3
"""Writes the raw seed inputs of each fuzz target into fuzz/seeds/<target>/. They started fuzz/corpus/<target>/;
the committed corpus is what fuzz/adopt-corpus.sh kept (afl-cmin) from a run that began with them. Copy them into
fuzz/corpus/<target>/ to restart from the seeds. Deterministic: same seeds on every machine."""
import os, shutil, struct, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "fuzz", "seeds")

def write(target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

shutil.rmtree(out, ignore_errors=True)

# CSV long: the bad-input corpus plus the first 30 lines of the demo trial.
bad = os.path.join(root, "tests", "data", "bad")
for name in sorted(os.listdir(bad)):
    if name.endswith(".csv"):
        with open(os.path.join(bad, name), "rb") as f:
            write("csv-long", name, f.read())
with open(os.path.join(root, "samples", "data", "demo-trial.csv"), "rb") as f:
    write("csv-long", "demo-trial-30.csv", b"".join(f.readlines()[:30]))

# CSV wide: small wide files (valid, missing values, covariates, tab, odd visit names) and the wide bad case.
write("csv-wide", "wide-valid.csv", "USUBJID,TRT01P,MADRS_W0,MADRS_W1,MADRS_W6\nS1,Placebo,30,28,25\nS2,Placebo,34,NA,30\n"
      "S3,Psilocybin 25 mg,32,20,12.5\nS4,Psilocybin 25 mg,28,14,NA\n")
write("csv-wide", "wide-covariates.csv", "USUBJID,SITEID,SEX,TRT01P,MADRS_WK0,MADRS_WEEK6,PAINNRS_V0,PAINNRS_VISIT6\n"
      "S1,101,F,Placebo,30,25,7,6\nS2,101,M,Active,34,20,8,3\nS1,101,F,Placebo,30,25,7,6\n")
write("csv-wide", "wide-tab.csv", "USUBJID\tTRT01P\tHAMD17_-1\tHAMD17_0\tHAMD17_2.5\nS1\tA\t20\t21\t.\n")
write("csv-wide", "wide-out-of-range.csv", "USUBJID,TRT01P,MADRS_W0,madrs_w6,X_1\nS1,A,61,-1,x\nS2,B,1e309,\"2\",\n")
with open(os.path.join(bad, "38-wide-without-score-columns.csv"), "rb") as f:
    write("csv-wide", "38-wide-without-score-columns.csv", f.read())

# DataFrame: byte layouts of FrameFromBytes (flags, columns-1, rows, then per column: type, name, cells).
STRING, DOUBLE, SINGLE, INT32, BOOL, NULLS = range(6)
def frame(wide, columns, rows):
    data = bytearray([1 if wide else 0, len(columns) - 1, rows])
    for kind, name, cells in columns:
        data += bytes([kind, name]) + bytes(cells)
    return bytes(data)
# Names: 0 USUBJID 1 TRT01P 2 PARAMCD 3 AVISITN 4 AVISIT 5 AVAL 6 ABLFL 7 BASE 8 CHG 11 MADRS_W0 12 MADRS_W6
# Tokens: 5 S1 6 S2 8 Placebo 9 Active 10 MADRS 13 Y 3 NA; Doubles: 3 -> 0, 16 -> 30, 17 -> 6, 18 -> 1, 11 -> 6.5, 0 -> NaN; 255 is null
write("dataframe", "long-valid.bin", frame(False, [
    (STRING, 0, [5, 5, 6, 6]), (STRING, 1, [8, 8, 9, 9]), (STRING, 2, [10, 10, 10, 10]),
    (DOUBLE, 3, [3, 17, 3, 17]), (SINGLE, 5, [16, 11, 16, 255]), (STRING, 6, [13, 1, 13, 1])], 4))
write("dataframe", "long-int-visits.bin", frame(False, [
    (STRING, 0, [5, 6, 7]), (STRING, 1, [8, 9, 9]), (STRING, 2, [10, 10, 11]),
    (INT32, 3, [8, 8, 9]), (DOUBLE, 5, [16, 11, 18]), (DOUBLE, 7, [16, 16, 16]), (NULLS, 8, [])], 3))
write("dataframe", "wide-valid.bin", frame(True, [
    (STRING, 0, [5, 6]), (STRING, 1, [8, 9]), (DOUBLE, 11, [16, 16]), (SINGLE, 12, [17, 255])], 2))
write("dataframe", "bool-and-nulls.bin", frame(False, [
    (BOOL, 0, [1, 0]), (NULLS, 1, []), (STRING, 2, [3, 4]), (DOUBLE, 3, [1, 2]), (DOUBLE, 5, [5, 6])], 2))
