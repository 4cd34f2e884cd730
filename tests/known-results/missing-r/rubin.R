# Rubin's rules reference values from mice (an ORACLE: mice::pool and mice::pool.scalar). Run from this folder:
#   Rscript rubin.R
# Writes rubin-inputs.csv (the M completed-data estimates and variances, one row per case × imputation) and
# rubin.csv (the pooled values). Columns of rubin.csv follow mice: qbar = mean estimate, ubar = mean within variance,
# b = between variance, t = ubar + (1 + 1/m) b, riv = (1 + 1/m) b / ubar, lambda = (1 + 1/m) b / t, df (Barnard &
# Rubin 1999 when dfcom is finite; Rubin 1987 (m − 1)/lambda² when dfcom = Inf), fmi = (riv + 2/(df + 3))/(riv + 1).
suppressPackageStartupMessages(library(mice))
fmt <- function(x) sprintf("%.17g", x)
inputs <- list(); pooled <- list()
add <- function(case, term, Q, U, dfcom, p) {
  m <- length(Q)
  for (j in seq_len(m)) inputs[[length(inputs) + 1]] <<- data.frame(id = paste(case, term, j, sep = "|"), case = case, term = term, imputation = j,
    estimate = fmt(Q[j]), variance = fmt(U[j]))
  pooled[[length(pooled) + 1]] <<- data.frame(id = paste(case, term, sep = "|"), case = case, term = term, m = m, dfcom = if (is.finite(dfcom)) dfcom else "Inf",
    qbar = fmt(p$qbar), ubar = fmt(p$ubar), b = fmt(p$b), t = fmt(p$t), df = fmt(p$df), riv = fmt(p$riv),
    lambda = fmt(p$lambda), fmi = fmt(p$fmi))
}
# pool.scalar: n − k is the complete-data df; n = Inf gives Rubin's (1987) df.
scalar <- function(case, Q, U, dfcom) {
  p <- if (is.finite(dfcom)) pool.scalar(Q, U, n = dfcom + 1, k = 1) else pool.scalar(Q, U, n = Inf)
  add(case, "scalar", Q, U, dfcom, list(qbar = p$qbar, ubar = p$ubar, b = p$b, t = p$t, df = p$df, riv = p$r,
      lambda = (1 + 1 / p$m) * p$b / p$t, fmi = p$fmi))
}

# 1. Hand-checkable: Q = 10, 12, 11; U = 4, 5, 6 → qbar 11, ubar 5, b 1, t 5 + 4/3, riv 4/15, lambda 4/19,
#    Rubin df = 2 / (4/19)² = 45.125; with dfcom = 20, Barnard–Rubin df (see README).
scalar("hand_rubin1987", c(10, 12, 11), c(4, 5, 6), Inf)
scalar("hand_dfcom20", c(10, 12, 11), c(4, 5, 6), 20)
# 2. No between-imputation variance: b = 0, riv = lambda = 0; df = dfcom (Barnard–Rubin), Inf-like for Rubin 1987.
scalar("no_between_dfcom30", c(3, 3, 3, 3), c(2, 2.5, 1.5, 2), 30)
# 3. mice on nhanes (R's mice data, 25 rows): lm(chl ~ age + bmi), M = 20, pmm, seed 20261202; dfcom = 25 − 4 = 21.
imp <- mice(nhanes, m = 20, seed = 20261202, printFlag = FALSE)
fit <- with(imp, lm(chl ~ factor(age) + bmi))
pl <- pool(fit)
pp <- pl$pooled
per <- lapply(fit$analyses, function(f) list(q = coef(f), u = diag(vcov(f))))
for (j in seq_len(nrow(pp))) {
  term <- as.character(pp$term[j])
  Q <- sapply(per, function(x) x$q[[term]]); U <- sapply(per, function(x) x$u[[term]])
  add("nhanes_lm", term, Q, U, pp$dfcom[j], list(qbar = pp$estimate[j], ubar = pp$ubar[j], b = pp$b[j], t = pp$t[j],
      df = pp$df[j], riv = pp$riv[j], lambda = pp$lambda[j], fmi = pp$fmi[j]))
}
# 4. Our simulated trial: week-8 CHG imputed by mice (norm, M = 10) from the wide data, then lm(CHG8 ~ arm + BASE);
#    the arm coefficient pooled by pool.scalar with and without dfcom (n − 3).
d <- read.csv("trial-long.csv", stringsAsFactors = FALSE)
w <- reshape(d[d$ABLFL != "Y", c("USUBJID", "TRT01P", "BASE", "AVISITN", "CHG")], direction = "wide",
             idvar = c("USUBJID", "TRT01P", "BASE"), timevar = "AVISITN")
w$active <- as.integer(w$TRT01P == "Active"); w$TRT01P <- NULL; w$USUBJID <- NULL
impw <- mice(w, m = 10, method = "norm", seed = 20261202, printFlag = FALSE)
fw <- with(impw, lm(CHG.8 ~ active + BASE))
Q <- sapply(fw$analyses, function(f) coef(f)[["active"]]); U <- sapply(fw$analyses, function(f) vcov(f)["active", "active"])
scalar("trial_week8_rubin1987", Q, U, Inf)
scalar("trial_week8_dfcom", Q, U, nrow(w) - 3)
pw <- pool(fw)$pooled   # cross-check: pool() on the same fits must give the same numbers as pool.scalar
stopifnot(abs(pw$df[pw$term == "active"] - pooled[[length(pooled)]]$df |> as.numeric()) < 1e-9)

versions <- sprintf("%s; mice %s", R.version.string, packageVersion("mice"))
for (x in list(list(inputs, "rubin-inputs.csv"), list(pooled, "rubin.csv"))) {
  res <- do.call(rbind, x[[1]])
  write.csv(res, x[[2]], row.names = FALSE, quote = FALSE)
  cat(sprintf("# %s\n", versions), file = x[[2]], append = TRUE)
  cat(sprintf("%s: %d rows\n", x[[2]], nrow(res)))
}
