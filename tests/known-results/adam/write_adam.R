# Writes a small ADaM-shaped pair (ADSL + a BDS questionnaire dataset ADQSADAS) as SAS transport files with
# haven::write_xpt, standing in for the CDISC pilot's ADADAS (not available offline; REFERENCE.md K7 stays blocked).
# It exercises what the pilot needs: several records per subject x parameter x visit, ANL01FL marking the analysis record,
# DTYPE = "LOCF" derived records, EFFFL / ITTFL population flags, and subject-level covariates in ADSL.
# R 4.2.2 Patched (2022-11-10 r83330), haven 2.5.1. Seeded; run from this folder: Rscript write_adam.R
# Also writes adam_expected.csv: the counts the reader must report, computed here in R (a second implementation).
library(haven)
set.seed(20240801)
n <- 12
subjects <- sprintf("01-701-%04d", 1000 + seq_len(n))
arm <- rep(c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"), length.out = n)
adsl <- data.frame(
  STUDYID = "CDISCPILOT01", USUBJID = subjects, SITEGR1 = rep(c("701", "702", "900"), each = 4),
  TRT01P = arm, AGEGR1 = sample(c("<65", "65-80", ">80"), n, TRUE), SEX = sample(c("F", "M"), n, TRUE),
  SAFFL = "Y", ITTFL = "Y", EFFFL = ifelse(seq_len(n) %in% c(4, 9), "N", "Y"), stringsAsFactors = FALSE)
attr(adsl$USUBJID, "label") <- "Unique Subject Identifier"
attr(adsl$TRT01P, "label") <- "Planned Treatment for Period 01"
attr(adsl$EFFFL, "label") <- "Efficacy Population Flag"

visits <- c(0, 8, 16, 24)
rows <- list()
for (i in seq_len(n)) {
  base <- round(runif(1, 10, 40))
  last <- if (i %in% c(3, 7, 11)) 2 else 4              # subjects 3, 7, 11 drop out after week 8
  values <- base + c(0, cumsum(round(rnorm(3, 0.5, 2))))
  for (v in seq_len(last)) {
    rows[[length(rows) + 1]] <- data.frame(USUBJID = subjects[i], TRTP = arm[i], SITEGR1 = adsl$SITEGR1[i],
      EFFFL = adsl$EFFFL[i], ITTFL = "Y", PARAMCD = "ACTOT", PARAM = "Adas-Cog(11) Subscore",
      AVISIT = if (visits[v] == 0) "Baseline" else paste("Week", visits[v]), AVISITN = visits[v],
      AVAL = values[v], ABLFL = if (v == 1) "Y" else "", ANL01FL = "Y", DTYPE = "")
  }
  if (i %in% c(5, 10)) {   # an unscheduled repeat at week 16, outside the analysis (ANL01FL blank)
    rows[[length(rows) + 1]] <- data.frame(USUBJID = subjects[i], TRTP = arm[i], SITEGR1 = adsl$SITEGR1[i],
      EFFFL = adsl$EFFFL[i], ITTFL = "Y", PARAMCD = "ACTOT", PARAM = "Adas-Cog(11) Subscore", AVISIT = "Week 16",
      AVISITN = 16, AVAL = values[3] + 1, ABLFL = "", ANL01FL = "", DTYPE = "")
  }
  if (last < 4) {          # LOCF: week 24 carries week 8 forward, flagged for analysis
    rows[[length(rows) + 1]] <- data.frame(USUBJID = subjects[i], TRTP = arm[i], SITEGR1 = adsl$SITEGR1[i],
      EFFFL = adsl$EFFFL[i], ITTFL = "Y", PARAMCD = "ACTOT", PARAM = "Adas-Cog(11) Subscore", AVISIT = "Week 24",
      AVISITN = 24, AVAL = values[last], ABLFL = "", ANL01FL = "Y", DTYPE = "LOCF")
    # and the observed week-8 record is repeated as a week-24 window record set aside by ANL01FL
    rows[[length(rows) + 1]] <- data.frame(USUBJID = subjects[i], TRTP = arm[i], SITEGR1 = adsl$SITEGR1[i],
      EFFFL = adsl$EFFFL[i], ITTFL = "Y", PARAMCD = "ACTOT", PARAM = "Adas-Cog(11) Subscore", AVISIT = "Week 24",
      AVISITN = 24, AVAL = NA, ABLFL = "", ANL01FL = "", DTYPE = "")
  }
}
adqs <- do.call(rbind, rows)
adqs$BASE <- ave(ifelse(adqs$ABLFL == "Y", adqs$AVAL, NA), adqs$USUBJID, FUN = function(x) max(x, na.rm = TRUE))
adqs$CHG <- ifelse(adqs$AVISITN > 0, adqs$AVAL - adqs$BASE, NA)
attr(adqs$ANL01FL, "label") <- "Analysis Record Flag 01"
attr(adqs$DTYPE, "label") <- "Derivation Type"
attr(adqs$AVAL, "label") <- "Analysis Value"

write_xpt(adsl, "adsl.xpt", version = 5, name = "ADSL", label = "Subject-Level Analysis Dataset")
write_xpt(adqs, "adqsadas.xpt", version = 5, name = "ADQSADAS", label = "ADAS-Cog Analysis")

eff <- adqs$EFFFL == "Y"
anl <- adqs$ANL01FL == "Y"
expected <- data.frame(
  quantity = c("records", "not_anl01fl", "anl01fl_not_efffl", "loaded_anl01fl_efffl", "locf_loaded", "subjects_efffl", "loaded_anl01fl_only"),
  value = c(nrow(adqs), sum(!anl), sum(anl & !eff), sum(anl & eff), sum(anl & eff & adqs$DTYPE == "LOCF"),
            sum(adsl$EFFFL == "Y"), sum(anl)))
write.csv(expected, "adam_expected.csv", row.names = FALSE)
print(expected)
