# Known results for CohortAnalysis.Responders: proportion CIs, 2x2 comparisons (RD/RR/OR/NNT), Fisher, chi-square, CMH.
# R version 4.2.2 Patched (2022-11-10 r83330); base 'stats' (prop.test, binom.test, fisher.test, chisq.test,
# mantelhaen.test) and Hmisc 4.8.0 (binconf) as a second source for Wilson and Clopper-Pearson.
# statsmodels is not installed here, so Agresti-Coull, Wald, Newcombe (method 10, built from R's own prop.test Wilson
# limits), the log RR interval, Woolf's OR interval, Haldane corrections and the Greenland-Robins MH risk ratio are
# scripted below from their published formulas. fisher.test's exact CI and conditional MLE use uniroot's default
# tolerance (~1e-4), so a full-precision re-solve of R's own equations (dhyper + uniroot, tol 1e-14) is also written.
# Run from this directory:  Rscript responders.R   -> proportions.csv, two_by_two.csv, cmh.csv

suppressMessages(library(Hmisc))
f <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_rows <- function(rows, file) {
  df <- do.call(rbind, lapply(rows, function(r) as.data.frame(r, stringsAsFactors = FALSE)))
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}

# ---- one proportion ----
rows <- list()
cases <- list(c(15, 50), c(30, 50), c(0, 20), c(20, 20), c(1, 10), c(7, 23), c(49, 50), c(3, 4))
for (cs in cases) for (level in c(0.95, 0.90)) for (alt in c("two.sided", "less", "greater")) {
  x <- cs[1]; n <- cs[2]; p <- x / n
  z <- if (alt == "two.sided") qnorm((1 + level) / 2) else qnorm(level)
  side <- function(lo, hi) switch(alt, two.sided = c(lo, hi), less = c(0, hi), greater = c(lo, 1))
  w <- suppressWarnings(prop.test(x, n, correct = FALSE, conf.level = level, alternative = alt)$conf.int)
  cp <- binom.test(x, n, conf.level = level, alternative = alt)$conf.int
  nt <- n + z^2; pt <- (x + z^2 / 2) / nt; h <- z * sqrt(pt * (1 - pt) / nt)
  ac <- side(max(0, pt - h), min(1, pt + h))
  hw <- z * sqrt(p * (1 - p) / n)
  wald <- side(max(0, p - hw), min(1, p + hw))
  hm <- if (alt == "two.sided") binconf(x, n, alpha = 1 - level, method = "all") else NULL
  rows[[length(rows) + 1]] <- list(
    id = sprintf("x%d_n%d_%g_%s", x, n, level, alt), x = x, n = n, level = f(level), alternative = alt, p = f(p),
    wilson_low = f(w[1]), wilson_high = f(w[2]), cp_low = f(cp[1]), cp_high = f(cp[2]),
    ac_low = f(ac[1]), ac_high = f(ac[2]), wald_low = f(wald[1]), wald_high = f(wald[2]),
    hmisc_wilson_low = if (is.null(hm)) "NA" else f(hm["Wilson", "Lower"]), hmisc_wilson_high = if (is.null(hm)) "NA" else f(hm["Wilson", "Upper"]),
    hmisc_exact_low = if (is.null(hm)) "NA" else f(hm["Exact", "Lower"]), hmisc_exact_high = if (is.null(hm)) "NA" else f(hm["Exact", "Upper"]))
}
write_rows(rows, "proportions.csv")

# ---- 2x2: first arm a/n1 vs second arm c/n2; matrix rows = responder yes/no, columns = arms ----
tight_fisher <- function(a, n1, c, n2, level) {
  k <- a + c; lo <- max(0, k - n2); hi <- min(k, n1); support <- lo:hi; x <- a
  if (lo == hi) return(c(NA, 0, Inf))
  logdc <- dhyper(support, n1, n2, k, log = TRUE)
  dn <- function(t) { d <- logdc + t * support; d <- exp(d - max(d)); d / sum(d) }
  pn <- function(q, t, upper = FALSE) sum(dn(t)[if (upper) support >= q else support <= q])
  alpha <- (1 - level) / 2
  L <- if (x == lo) 0 else exp(uniroot(function(t) pn(x, t, TRUE) - alpha, c(-60, 60), tol = 1e-14, maxiter = 5000)$root)
  U <- if (x == hi) Inf else exp(uniroot(function(t) pn(x, t) - alpha, c(-60, 60), tol = 1e-14, maxiter = 5000)$root)
  mle <- if (x == lo) 0 else if (x == hi) Inf else exp(uniroot(function(t) sum(support * dn(t)) - x, c(-60, 60), tol = 1e-14, maxiter = 5000)$root)
  c(mle, L, U)
}
rows <- list()
tables <- list(k8 = c(30, 50, 15, 50), t2 = c(12, 40, 20, 41), small = c(3, 7, 1, 9), zero_second = c(5, 25, 0, 25),
               none = c(0, 10, 0, 12), all = c(20, 20, 18, 18), harm = c(8, 30, 14, 30), cross = c(22, 45, 18, 44))
for (nm in names(tables)) for (level in c(0.95, 0.90)) {
  t <- tables[[nm]]; a <- t[1]; n1 <- t[2]; c <- t[3]; n2 <- t[4]; b <- n1 - a; d <- n2 - c
  p1 <- a / n1; p2 <- c / n2; rd <- p1 - p2; z <- qnorm((1 + level) / 2)
  m <- matrix(c(a, b, c, d), 2)
  w1 <- suppressWarnings(prop.test(a, n1, correct = FALSE, conf.level = level)$conf.int)
  w2 <- suppressWarnings(prop.test(c, n2, correct = FALSE, conf.level = level)$conf.int)
  newc <- c(rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
  se <- sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  wald <- c(max(-1, rd - z * se), min(1, rd + z * se))
  waldcc <- suppressWarnings(prop.test(c(a, c), c(n1, n2), correct = TRUE, conf.level = level)$conf.int)
  rr <- p1 / p2; rrse <- sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2)
  or <- a * d / (b * c); orse <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  hz <- if (any(c(a, b, c, d) == 0)) 0.5 else 0
  hzr <- if (a == 0 || c == 0) 0.5 else 0
  rrh <- ((a + hzr) / (n1 + 2 * hzr)) / ((c + hzr) / (n2 + 2 * hzr)); rrhse <- sqrt(1 / (a + hzr) - 1 / (n1 + 2 * hzr) + 1 / (c + hzr) - 1 / (n2 + 2 * hzr))
  orh <- (a + hz) * (d + hz) / ((b + hz) * (c + hz)); orhse <- sqrt(1 / (a + hz) + 1 / (b + hz) + 1 / (c + hz) + 1 / (d + hz))
  fi <- fisher.test(m, conf.level = level); fl <- fisher.test(m, alternative = "less"); fg <- fisher.test(m, alternative = "greater")
  tf <- tight_fisher(a, n1, c, n2, level)
  cy <- suppressWarnings(chisq.test(m, correct = TRUE)); cn <- suppressWarnings(chisq.test(m, correct = FALSE))
  rows[[length(rows) + 1]] <- list(
    id = sprintf("%s_%g", nm, level), a = a, n1 = n1, c = c, n2 = n2, level = f(level),
    rd = f(rd), rd_newcombe_low = f(newc[1]), rd_newcombe_high = f(newc[2]), rd_wald_low = f(wald[1]), rd_wald_high = f(wald[2]),
    rd_waldcc_low = f(waldcc[1]), rd_waldcc_high = f(waldcc[2]),
    rr = f(rr), rr_low = f(exp(log(rr) - z * rrse)), rr_high = f(exp(log(rr) + z * rrse)),
    rr_haldane = f(rrh), rr_haldane_low = f(exp(log(rrh) - z * rrhse)), rr_haldane_high = f(exp(log(rrh) + z * rrhse)),
    or = f(or), or_low = f(exp(log(or) - z * orse)), or_high = f(exp(log(or) + z * orse)),
    or_haldane = f(orh), or_haldane_low = f(exp(log(orh) - z * orhse)), or_haldane_high = f(exp(log(orh) + z * orhse)),
    fisher_p = f(fi$p.value), fisher_p_less = f(fl$p.value), fisher_p_greater = f(fg$p.value),
    fisher_est = f(unname(fi$estimate)), fisher_low = f(fi$conf.int[1]), fisher_high = f(fi$conf.int[2]),
    exact_mle = f(tf[1]), exact_low = f(tf[2]), exact_high = f(tf[3]),
    chisq_yates = f(unname(cy$statistic)), chisq_yates_p = f(cy$p.value), chisq = f(unname(cn$statistic)), chisq_p = f(cn$p.value))
}
write_rows(rows, "two_by_two.csv")

# ---- stratified: UCBAdmissions (Admit x Gender x Dept: admitted males = first-arm responders) and 4 synthetic sites ----
ucb <- UCBAdmissions
sites <- array(c(12, 8, 6, 14,   9, 6, 5, 11,   15, 10, 9, 16,   4, 3, 2, 6), dim = c(2, 2, 4))  # [resp/non, arm1/arm2, site]
rows <- list()
for (nm in c("ucb", "sites")) {
  x <- if (nm == "ucb") ucb else sites
  a <- x[1, 1, ]; b <- x[2, 1, ]; c <- x[1, 2, ]; d <- x[2, 2, ]; n1 <- a + b; n2 <- c + d; N <- n1 + n2
  num <- sum(a * n2 / N); den <- sum(c * n1 / N)
  rr <- num / den; rrse <- sqrt(sum(n1 * n2 * (a + c) / N^2 - a * c / N) / (num * den))
  for (level in c(0.95, 0.90)) for (alt in c("two.sided", "less", "greater")) for (correct in c(TRUE, FALSE)) {
    r <- mantelhaen.test(x, alternative = alt, correct = correct, conf.level = level)
    z <- if (alt == "two.sided") qnorm((1 + level) / 2) else qnorm(level)
    rrci <- switch(alt, two.sided = exp(log(rr) + c(-1, 1) * z * rrse), less = c(0, exp(log(rr) + z * rrse)), greater = c(exp(log(rr) - z * rrse), Inf))
    rows[[length(rows) + 1]] <- list(
      id = sprintf("%s_%g_%s_%s", nm, level, alt, if (correct) "cc" else "nocc"), data = nm, level = f(level), alternative = alt,
      correct = as.integer(correct), statistic = f(unname(r$statistic)), p = f(r$p.value),
      or = f(unname(r$estimate)), or_low = f(r$conf.int[1]), or_high = f(r$conf.int[2]),
      rr = f(rr), rr_low = f(rrci[1]), rr_high = f(rrci[2]))
  }
}
write_rows(rows, "cmh.csv")
# The strata as counts (a, n1, c, n2), for the C# tests.
strata <- list()
for (nm in c("ucb", "sites")) {
  x <- if (nm == "ucb") ucb else sites
  for (k in seq_len(dim(x)[3])) strata[[length(strata) + 1]] <- list(id = sprintf("%s_%d", nm, k), data = nm,
    a = x[1, 1, k], n1 = x[1, 1, k] + x[2, 1, k], c = x[1, 2, k], n2 = x[1, 2, k] + x[2, 2, k])
}
write_rows(strata, "cmh_strata.csv")
