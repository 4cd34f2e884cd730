# Effect sizes of the bundled demo trial (samples/data/demo-trial.csv), Psilocybin 25 mg vs Placebo on CHG, observed cases.
# R 4.2.2, effectsize 0.8.3 (Debian r-cran-effectsize). Run from this folder: Rscript cohort_effect_sizes.R
# Noncentral-t CIs from effectsize are only ~1e-7 accurate (optim); exact ones come from uniroot(tol = 1e-15) here.
suppressMessages(library(effectsize))
d <- read.csv("../../../samples/data/demo-trial.csv", na.strings = "NA", stringsAsFactors = FALSE)
d <- d[!is.na(d$AVAL), ]
base <- d[d$ABLFL == "Y", c("USUBJID", "PARAMCD", "AVAL")]; names(base)[3] <- "B"
d <- merge(d, base, by = c("USUBJID", "PARAMCD"))
d$CHG2 <- ifelse(d$AVISITN > 0, d$AVAL - d$B, NA)
stopifnot(all(is.na(d$CHG2) == is.na(d$CHG) | d$AVISITN == 0), all(abs(d$CHG2 - d$CHG) < 1e-12, na.rm = TRUE))
exact_ci <- function(t, df, hn, level = 0.95) {
  a <- (1 - level) / 2
  f <- function(ncp, p) pt(t, df, ncp) - p
  lo <- uniroot(f, c(t - 40, t + 40), p = 1 - a, tol = 1e-15)$root
  hi <- uniroot(f, c(t - 40, t + 40), p = a, tol = 1e-15)$root
  c(lo, hi) * sqrt(hn)
}
f <- function(x) sprintf("%.17g", x)
rows <- list()
for (p in c("MADRS", "PAINNRS")) for (v in c(1, 3, 6, 12)) {
  s <- d[d$PARAMCD == p & d$AVISITN == v, ]
  x <- s$CHG2[s$TRT01P == "Psilocybin 25 mg"]; y <- s$CHG2[s$TRT01P == "Placebo"]
  n1 <- length(x); n2 <- length(y)
  cd <- cohens_d(x, y); hg <- hedges_g(x, y); gd <- glass_delta(x, y)
  rb <- rank_biserial(x, y); ps <- p_superiority(x, y)
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / (n1 + n2 - 2))
  tt <- (mean(x) - mean(y)) / (sp * sqrt(1 / n1 + 1 / n2))
  ex <- exact_ci(tt, n1 + n2 - 2, 1 / n1 + 1 / n2)
  # d_ppc2 (Morris 2008, as metafor's test): subjects with a baseline and a value at the visit
  pre1 <- s$B[s$TRT01P == "Psilocybin 25 mg"]; pre2 <- s$B[s$TRT01P == "Placebo"]
  post1 <- s$AVAL[s$TRT01P == "Psilocybin 25 mg"]; post2 <- s$AVAL[s$TRT01P == "Placebo"]
  sdpre <- sqrt(((n1 - 1) * var(pre1) + (n2 - 1) * var(pre2)) / (n1 + n2 - 2))
  cm <- exp(lgamma((n1 + n2 - 2) / 2) - log(sqrt((n1 + n2 - 2) / 2)) - lgamma((n1 + n2 - 3) / 2))
  dppc2 <- cm * ((mean(post1) - mean(pre1)) - (mean(post2) - mean(pre2))) / sdpre
  # d_ppc1 (Morris 2008 eq. 15): each arm's SMCR = c(n - 1) (mean post - mean pre) / sd(pre), treatment minus control
  cn <- function(m) exp(lgamma(m / 2) - log(sqrt(m / 2)) - lgamma((m - 1) / 2))
  dppc1 <- cn(n1 - 1) * (mean(post1) - mean(pre1)) / sd(pre1) - cn(n2 - 1) * (mean(post2) - mean(pre2)) / sd(pre2)
  # paired d_z within psilocybin (post vs pre)
  dz <- cohens_d(post1, pre1, paired = TRUE)
  rows[[length(rows) + 1]] <- data.frame(id = paste(p, v, sep = "|"), paramcd = p, visit = v, n1 = n1, n2 = n2,
    d = f(cd$Cohens_d), d_ci_low = f(cd$CI_low), d_ci_high = f(cd$CI_high), d_exact_low = f(ex[1]), d_exact_high = f(ex[2]),
    g = f(hg$Hedges_g), g_ci_low = f(hg$CI_low), g_ci_high = f(hg$CI_high),
    glass = f(gd$Glass_delta), glass_ci_low = f(gd$CI_low), glass_ci_high = f(gd$CI_high),
    rank_biserial = f(rb$r_rank_biserial), rb_ci_low = f(rb$CI_low), rb_ci_high = f(rb$CI_high),
    p_superiority = f(ps$p_superiority), ps_ci_low = f(ps$CI_low), ps_ci_high = f(ps$CI_high),
    dppc2 = f(dppc2), dppc1 = f(dppc1), dz_psilocybin = f(dz$Cohens_d), dz_ci_low = f(dz$CI_low), dz_ci_high = f(dz$CI_high))
}
out <- do.call(rbind, rows)
write.table(out, "cohort_effect_sizes.csv", sep = ",", row.names = FALSE, quote = FALSE)
cat(R.version.string, "; effectsize", as.character(packageVersion("effectsize")), "\n")
cat(nrow(out), "rows\n")
