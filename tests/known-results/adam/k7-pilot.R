# K7 (REFERENCE.md): the CDISC pilot's primary efficacy table 14-3.01 (ADAS-Cog(11) change from baseline to week 24, LOCF)
# recomputed from the pilot's own ADADAS, as an ORACLE for CohortAnalysis' ANCOVA (lm + emmeans) and as a check of the
# transcription against the published descriptive rows.
#
# Input: pilot-adadas-actot.csv, the PARAMCD == "ACTOT" rows of the public CDISC pilot ADADAS as published in Dataset-JSON 1.1
# by RConsortium/submissions-pilot5-datasetjson (see README-pilot.md for path, commit and what was taken).
# Also writes the same extract as Dataset-JSON 1.1 (pilot-adadas-actot.json, jsonlite) and SAS transport v5
# (pilot-adadas-actot.xpt, haven::write_xpt), so the C# tests read all three formats.
# Run from this folder: Rscript k7-pilot.R   (R 4.2.2 Patched (2022-11-10 r83330), emmeans 1.8.4.1, haven 2.5.1, jsonlite)
# Outputs: k7-pilot-expected.csv (17 significant digits), pilot-adsl-sitegr1p.csv, k7-pilot-sessioninfo.txt.
suppressPackageStartupMessages({ library(emmeans); library(haven); library(jsonlite) })
options(digits = 17)

d <- read.csv("pilot-adadas-actot.csv", colClasses = "character", na.strings = character(0))
num <- c("TRTPN", "AGE", "AVISITN", "ADY", "AVAL", "BASE", "CHG", "QSSEQ")
for (v in num) d[[v]] <- ifelse(d[[v]] == "", NA, as.numeric(d[[v]]))
stopifnot(all(d$PARAMCD == "ACTOT"), !anyDuplicated(d[d$ANL01FL == "Y", c("USUBJID", "AVISIT")]))

# Analysis set of table 14-3.01: efficacy population, analysis records (ANL01FL = Y; LOCF rows included), week 24.
w <- d[d$AVISIT == "Week 24" & d$EFFFL == "Y" & d$ANL01FL == "Y", ]
w$TRTP <- factor(w$TRTP, levels = c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"))
w$SITEGR1 <- factor(w$SITEGR1)
arms <- levels(w$TRTP)

out <- list()
add <- function(id, value) out[[length(out) + 1]] <<- data.frame(id = id, value = value)

# Descriptive rows (the table prints mean and SD to 1 and 2 decimals, median and range to 1 decimal / integers).
for (a in arms) {
  s <- w[w$TRTP == a, ]
  key <- c("Placebo" = "placebo", "Xanomeline Low Dose" = "low", "Xanomeline High Dose" = "high")[[a]]
  add(paste0(key, "_n"), nrow(s))
  for (v in c("BASE", "AVAL", "CHG")) {
    x <- s[[v]]
    add(paste0(key, "_", tolower(v), "_mean"), mean(x))
    add(paste0(key, "_", tolower(v), "_sd"), sd(x))
    add(paste0(key, "_", tolower(v), "_median"), median(x))
    add(paste0(key, "_", tolower(v), "_min"), min(x))
    add(paste0(key, "_", tolower(v), "_max"), max(x))
  }
}

# Pooled site group of the pilot's ADSL (SITEGR1 there): the small sites 702, 706, 707, 711, 714, 715, 717 pooled into "900".
# In this ADADAS SITEGR1 equals SITEID (unpooled); with the pooled group the model reproduces table 14-3.01 to every
# printed digit. The pooled group is written as a subject-level file (pilot-adsl-sitegr1p.csv, USUBJID, SITEGR1P) that the
# C# tests merge as an ADSL.
pool <- c("702", "706", "707", "711", "714", "715", "717")
d$SITEGR1P <- ifelse(d$SITEID %in% pool, "900", d$SITEID)
w$SITEGR1P <- factor(ifelse(w$SITEID %in% pool, "900", as.character(w$SITEID)))
adsl <- unique(d[, c("USUBJID", "SITEGR1P")])
stopifnot(!anyDuplicated(adsl$USUBJID))
write.csv(adsl[order(adsl$USUBJID), ], "pilot-adsl-sitegr1p.csv", row.names = FALSE, quote = FALSE)
d$SITEGR1P <- NULL

# ANCOVA CHG ~ TRTP + site + BASE, equal-weight LS means (emmeans default), t intervals with the residual df.
# prefix "pooled_": site = SITEGR1P (the published table); prefix "siteid_": site = SITEGR1 as in this dataset (= SITEID).
ancova <- function(site, prefix) {
  f <- as.formula(paste("CHG ~ TRTP +", site, "+ BASE"))
  fit <- lm(f, data = w)
  add(paste0(prefix, "residual_df"), df.residual(fit))
  add(paste0(prefix, "residual_sd"), sigma(fit))
  em <- emmeans(fit, ~ TRTP)
  lsm <- summary(em, infer = c(TRUE, TRUE))
  for (i in seq_along(arms)) {
    key <- c("placebo", "low", "high")[i]
    add(paste0(prefix, "lsmean_", key, "_estimate"), lsm$emmean[i])
    add(paste0(prefix, "lsmean_", key, "_se"), lsm$SE[i])
  }
  # Differences in the table's direction: High - Placebo, Low - Placebo, High - Low.
  con <- contrast(em, list(high_vs_placebo = c(-1, 0, 1), low_vs_placebo = c(-1, 1, 0), high_vs_low = c(0, -1, 1)))
  cs <- summary(con, infer = c(TRUE, TRUE), level = 0.95)
  for (i in seq_len(nrow(cs))) {
    key <- paste0(prefix, as.character(cs$contrast[i]))
    add(paste0(key, "_estimate"), cs$estimate[i])
    add(paste0(key, "_se"), cs$SE[i])
    add(paste0(key, "_lower"), cs$lower.CL[i])
    add(paste0(key, "_upper"), cs$upper.CL[i])
    add(paste0(key, "_p"), cs$p.value[i])
  }
  # Dose response: treatment as a continuous dose (TRTPN 0, 54, 81), same covariates; p of the dose slope.
  dr <- lm(as.formula(paste("CHG ~ TRTPN +", site, "+ BASE")), data = w)
  add(paste0(prefix, "dose_response_p"), summary(dr)$coefficients["TRTPN", "Pr(>|t|)"])
  # Type III (drop1) F tests.
  a3 <- drop1(fit, test = "F")
  for (term in c("TRTP", site, "BASE")) {
    tk <- if (term == site) "site" else tolower(term)
    add(paste0(prefix, tk, "_typeIII_F"), a3[term, "F value"])
    add(paste0(prefix, tk, "_typeIII_p"), a3[term, "Pr(>F)"])
  }
}
ancova("SITEGR1P", "pooled_")
ancova("SITEGR1", "siteid_")

res <- do.call(rbind, out)
write.csv(data.frame(id = res$id, value = trimws(formatC(res$value, digits = 17, format = "g"))), "k7-pilot-expected.csv",
          row.names = FALSE, quote = FALSE)
print(res, digits = 10)

# The extract in two more formats, read back by the C# tests (numbers exactly as in the CSV).
xpt <- d
xpt$STUDYID <- "CDISCPILOT01"
xpt <- xpt[, c("STUDYID", names(d))]
labels <- c(STUDYID = "Study Identifier", USUBJID = "Unique Subject Identifier", SITEID = "Study Site Identifier",
  SITEGR1 = "Pooled Site Group 1", TRTP = "Planned Treatment", TRTPN = "Planned Treatment (N)", AGE = "Age",
  SEX = "Sex", ITTFL = "Intent-To-Treat Population Flag", EFFFL = "Efficacy Population Flag",
  COMP24FL = "Completers of Week 24 Population Flag", AVISIT = "Analysis Visit", AVISITN = "Analysis Visit (N)",
  ADY = "Analysis Relative Day", PARAMCD = "Parameter Code", AVAL = "Analysis Value", BASE = "Baseline Value",
  CHG = "Change from Baseline", ABLFL = "Baseline Record Flag", ANL01FL = "Analysis Record Flag 01",
  DTYPE = "Derivation Type", QSSEQ = "Sequence Number")
for (v in names(xpt)) attr(xpt[[v]], "label") <- labels[[v]]
write_xpt(xpt, "pilot-adadas-actot.xpt", version = 5, name = "ADADAS", label = "ADAS-Cog Analysis (ACTOT extract)")

cols <- lapply(names(xpt), function(v) {
  isnum <- v %in% num
  c(list(itemOID = paste0("IT.ADADAS.", v), name = v, label = labels[[v]], dataType = if (isnum) "double" else "string"),
    if (!isnum) list(length = max(1L, max(nchar(xpt[[v]])))) else NULL)
})
rows <- lapply(seq_len(nrow(xpt)), function(i) lapply(names(xpt), function(v) {
  x <- xpt[[v]][i]
  if (v %in% num) { if (is.na(x)) NULL else x } else { if (x == "") NULL else x }
}))
doc <- list(datasetJSONCreationDateTime = "2026-12-02T09:00:00", datasetJSONVersion = "1.1.0",
  fileOID = "cohortanalysis/known-results/adam/pilot-adadas-actot", originator = "CohortAnalysis K7 (extract of the CDISC pilot ADADAS)",
  sourceSystem = list(name = "R", version = paste(R.version$major, R.version$minor, sep = ".")),
  itemGroupOID = "IG.ADADAS", isReferenceData = FALSE, records = nrow(xpt), name = "ADADAS",
  label = "ADAS-Cog Analysis (ACTOT extract)", columns = cols, rows = rows)
writeLines(toJSON(doc, auto_unbox = TRUE, null = "null", digits = NA, pretty = FALSE), "pilot-adadas-actot.json")

writeLines(capture.output(sessionInfo()), "k7-pilot-sessioninfo.txt")
