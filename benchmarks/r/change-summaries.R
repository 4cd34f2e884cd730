# The R side of compare-with-r.sh, row (a): what `cohort change FILE --format json` computes, with data.table.
# Reads an ADaM long CSV (USUBJID, TRT01P, PARAMCD, AVISITN, ABLFL, AVAL), derives CHG = AVAL - baseline AVAL (ABLFL = "Y")
# and PCHG = 100 * CHG / baseline for post-baseline visits, then by parameter x arm x visit for AVAL, CHG and PCHG:
# n, mean, SD, SE, t CI (95%), median, Q1, Q3 (quantile type 2 = SAS PCTLDEF=5, the cohort default), min, max; at the
# last visit per parameter: within each arm the one-sample t test and Wilcoxon signed-rank test of CHG, and each arm
# against Placebo: Student t, Welch t and Wilcoxon rank-sum (Mann-Whitney). Writes both tables as CSV to argument 2.
# Usage: Rscript change-summaries.R FILE.csv OUT.csv
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
d <- fread(args[1], na.strings = c("NA", ""), select = c("USUBJID", "TRT01P", "PARAMCD", "AVISITN", "ABLFL", "AVAL"))
d[, AVAL := as.double(AVAL)]
base <- d[ABLFL == "Y", .(USUBJID, PARAMCD, BASEV = AVISITN, B = AVAL)]
d <- base[d, on = .(USUBJID, PARAMCD)]
d[, CHG := fifelse(AVISITN > BASEV, AVAL - B, NA_real_)]
d[, PCHG := fifelse(B != 0, 100 * CHG / B, NA_real_)]
summ <- function(v) {
  v <- v[!is.na(v)]
  n <- length(v); m <- mean(v); s <- sd(v); se <- s / sqrt(n); h <- qt(0.975, n - 1) * se
  q <- quantile(v, c(0.25, 0.5, 0.75), type = 2, names = FALSE)
  list(n = n, mean = m, sd = s, se = se, lcl = m - h, ucl = m + h, median = q[2], q1 = q[1], q3 = q[3], min = min(v), max = max(v))
}
long <- melt(d, id.vars = c("PARAMCD", "TRT01P", "AVISITN"), measure.vars = c("AVAL", "CHG", "PCHG"), na.rm = TRUE)
summaries <- long[, summ(value), keyby = .(PARAMCD, variable, TRT01P, AVISITN)]
tests <- list()
for (p in unique(d$PARAMCD)) {
  last <- d[PARAMCD == p, max(AVISITN)]
  x <- d[PARAMCD == p & AVISITN == last & !is.na(CHG)]
  for (a in sort(unique(x$TRT01P))) {
    v <- x[TRT01P == a, CHG]
    t1 <- t.test(v); w1 <- suppressWarnings(wilcox.test(v))
    tests[[length(tests) + 1]] <- data.table(PARAMCD = p, arm = a, test = c("one-sample t", "signed-rank"),
      statistic = c(t1$statistic, w1$statistic), p = c(t1$p.value, w1$p.value))
  }
  ref <- x[TRT01P == "Placebo", CHG]
  for (a in setdiff(sort(unique(x$TRT01P)), "Placebo")) {
    v <- x[TRT01P == a, CHG]
    ts <- t.test(v, ref, var.equal = TRUE); tw <- t.test(v, ref); wr <- suppressWarnings(wilcox.test(v, ref))
    tests[[length(tests) + 1]] <- data.table(PARAMCD = p, arm = a, test = c("Student t", "Welch t", "rank-sum"),
      statistic = c(ts$statistic, tw$statistic, wr$statistic), p = c(ts$p.value, tw$p.value, wr$p.value))
  }
}
fwrite(summaries, args[2])
fwrite(rbindlist(tests), args[2], append = TRUE, col.names = TRUE)
