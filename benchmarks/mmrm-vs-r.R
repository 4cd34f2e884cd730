# Times nlme::gls(corSymm + varIdent) + emmeans (LS means by arm and visit, differences from placebo at each visit,
# Satterthwaite df) on a CSV made by benchmarks/mmrm-vs-r.sh, the same model as Mmrm.Fit's default:
# CHG ~ TRT01P * AVISIT + BASE * AVISIT, unstructured covariance, REML.
# Usage: Rscript benchmarks/mmrm-vs-r.R FILE PARAM REPS
suppressPackageStartupMessages({ library(nlme); library(emmeans) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE)
d <- d[d$PARAMCD == args[2] & d$ABLFL != "Y", ]
d$CHG <- d$AVAL - d$BASE
d <- d[!is.na(d$CHG), ]
d$AVISIT <- factor(d$AVISIT, levels = unique(d$AVISIT[order(d$AVISITN)]))
d$TRT01P <- factor(d$TRT01P)
d$TRT01P <- relevel(d$TRT01P, ref = if ("Placebo" %in% levels(d$TRT01P)) "Placebo" else levels(d$TRT01P)[1])
d$VIS <- as.integer(d$AVISIT)
d <- d[order(d$USUBJID, d$VIS), ]
emm_options(lmer.df = "satterthwaite")
one <- function() {
  fit <- gls(CHG ~ TRT01P * AVISIT + BASE * AVISIT, data = d, method = "REML",
             correlation = corSymm(form = ~ VIS | USUBJID), weights = varIdent(form = ~ 1 | AVISIT))
  em <- emmeans(fit, ~ TRT01P | AVISIT, mode = "satterthwaite")
  ct <- summary(contrast(em, "trt.vs.ctrl"))
  list(fit = fit, ct = ct)
}
r <- one()
reps <- as.integer(args[3])
times <- vapply(seq_len(reps), function(i) system.time(one())[["elapsed"]], 0) * 1000
last <- r$ct[nrow(r$ct), ]
cat(sprintf("median_ms=%.1f min_ms=%.1f m2ll=%.6f last_difference=%.6f se=%.6f df=%.3f R=%s nlme=%s emmeans=%s\n",
            median(times), min(times), -2 * as.numeric(logLik(r$fit)), last$estimate, last$SE, last$df,
            getRversion(), packageVersion("nlme"), packageVersion("emmeans")))
