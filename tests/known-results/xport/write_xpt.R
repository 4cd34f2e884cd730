# Writes SAS transport files with haven::write_xpt (ReadStat's XPORT writer) for CohortAnalysis's XPORT reader tests,
# and the values that went in, at full precision, so the tests need no R.
# R 4.2.2 Patched (2022-11-10 r83330), haven 2.5.1 (Debian bookworm r-cran-haven).
# Run from this folder: Rscript write_xpt.R
# Note: 7.2e75 and 5e75 (below the IBM maximum 7.237e75) came back as that maximum: ReadStat saturates in the top hex
# exponent (16^62 and up), so 1e74 stands for "huge" here; the top of the range is checked on hand-made bytes (IbmFloatTests).
library(haven)
stopifnot(packageVersion("haven") >= "2.5.0")

numbers <- c(0, -0,  # ReadStat writes -0 as +0 (all-zero bytes)
             1, -1, 0.1, 1/3, 100, -118.625, 123456789.123, 1e-70, -2.5e-78, 1e70, 1e74, pi, NA, NA, NA, NA)
specials <- c(rep(NA, 14), ".", "A", "Z", "_")   # which special missing code each NA carries ('.' = ordinary; haven tags are upper case for SAS)
value <- numbers
for (i in which(!is.na(specials) & specials != ".")) value[i] <- tagged_na(specials[i])

n <- length(numbers)
d <- data.frame(
  USUBJID = sprintf("01-701-%04d", seq_len(n)),
  TEXT = c("", "a", "padded  ", "UTF-8 é", strrep("x", 40), rep("ok", n - 5)),
  AVAL = value,
  ADT = as.Date("2014-01-02") + c(seq_len(n - 2) - 1, NA, -20000),
  ADTM = as.POSIXct("2014-01-02 10:20:06", tz = "UTC") + c(seq_len(n - 1) * 3600, NA),
  stringsAsFactors = FALSE
)
attr(d$USUBJID, "label") <- "Unique Subject Identifier"
attr(d$TEXT, "label") <- "Free text"
attr(d$AVAL, "label") <- "Analysis Value"
attr(d$ADT, "label") <- "Analysis Date"
attr(d$ADTM, "label") <- "Analysis Datetime"
attr(d, "label") <- "Every column type"

write_xpt(d, "haven_v5.xpt", version = 5, name = "EVERY", label = "Every column type")
write_xpt(d, "haven_v8.xpt", version = 8, name = "EVERYTYPE_LONGNAME", label = "Every column type")

# A version 8 file with a long variable name and a label over 40 characters.
long <- data.frame(SUBJECT_IDENTIFIER_LONG = c("S1", "S2"), AVAL = c(1.5, NA))
attr(long$SUBJECT_IDENTIFIER_LONG, "label") <- "A variable label that is longer than forty characters in all"
write_xpt(long, "haven_v8_long.xpt", version = 8, name = "LONG")

fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
expected <- data.frame(
  row = seq_len(n),
  USUBJID = d$USUBJID,
  TEXT = sub(" +$", "", d$TEXT),
  AVAL = fmt(numbers),
  AVAL_missing = ifelse(is.na(specials), "", toupper(specials)),
  ADT = ifelse(is.na(d$ADT), "NA", format(d$ADT, "%Y-%m-%d")),
  ADTM = ifelse(is.na(d$ADTM), "NA", format(d$ADTM, "%Y-%m-%dT%H:%M:%S", tz = "UTC"))
)
write.csv(expected, "haven_expected.csv", row.names = FALSE, fileEncoding = "UTF-8")
cat("rows:", n, "\n")
