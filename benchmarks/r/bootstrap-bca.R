# The R side of compare-with-r.sh, row (b): Cohen's d (pooled SD) of CHG at AVISITN 12 between TRT01P "Active" and
# "Placebo" with a BCa interval from 10 000 bootstrap resamples stratified by arm (boot::boot + boot::boot.ci), as
# `cohort effect-size FILE --paramcd MADRS --visit 12 --arms Active,Placebo --ci-method bootstrap --resamples 10000`.
# Usage: Rscript bootstrap-bca.R FILE.csv
suppressPackageStartupMessages({ library(data.table); library(boot) })
d <- fread(commandArgs(trailingOnly = TRUE)[1])
b <- d[AVISITN == 0, .(USUBJID, B = AVAL)]
x <- b[d[AVISITN == 12], on = "USUBJID", nomatch = NULL]
dat <- data.frame(chg = x$AVAL - x$B, active = x$TRT01P == "Active")
cohens_d <- function(data, i) {
  v <- data$chg[i]; g <- data$active[i]
  a <- v[g]; p <- v[!g]; na <- length(a); np <- length(p)
  (mean(a) - mean(p)) / sqrt(((na - 1) * var(a) + (np - 1) * var(p)) / (na + np - 2))
}
set.seed(20240601)
bt <- boot(dat, cohens_d, R = 10000, strata = factor(dat$active))
ci <- boot.ci(bt, type = "bca")
cat(sprintf("d = %.6f, BCa 95%% CI %.6f to %.6f\n", bt$t0, ci$bca[4], ci$bca[5]))
