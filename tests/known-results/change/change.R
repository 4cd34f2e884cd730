# Known results for CohortAnalysis.Descriptive and CohortAnalysis.Inference (tests of change).
# R version 4.2.2 Patched (2022-11-10 r83330), base 'stats' only (quantile, t.test, wilcox.test).
# Run from this directory:  Rscript change.R
# Writes inputs.csv (the data, full precision), summaries.csv, quantiles.csv, t_tests.csv, rank_tests.csv.
# Every number written with sprintf("%.17g") so the C# tests see exactly what R computed.

f <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_rows <- function(rows, file) {
  df <- do.call(rbind, lapply(rows, function(r) as.data.frame(r, stringsAsFactors = FALSE)))
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}

# ---- data: synthetic MADRS-like change scores (pasted), R's 'sleep' data, seeded normal samples ----
set.seed(20221110)
inputs <- list(
  k11        = c(10, 20, 30, 40, 150, 160, 170, 180, 190, 200),          # REFERENCE K11 (PSIAIMS/CAMIS)
  chg_active = c(-18, -22, -9, -25, -14, -20, -11, -17, -30, -6, -19, -13),
  chg_placebo= c(-5.5, -10.5, -3, -8.5, -12.5, -4, -7.5, -2, -0.5, 1, -1.5, 3.5, -15.5, -16.5),
  chg_ties   = c(-3, -1, 0, 2, -3, -5, -1, -2, 4, -3, 0, -6, -2, -1, -7),
  sleep1     = sleep$extra[sleep$group == 1],
  sleep2     = sleep$extra[sleep$group == 2],
  large1     = rnorm(60, -8, 6),
  large2     = rnorm(55, -3, 7),
  odd7       = c(3.1, -2.4, 7.7, 0.5, 12.25, -8.0, 4.4),
  mid45      = rnorm(45, -2, 5),
  mid40      = rnorm(40, 1, 5),
  constant   = c(-4, -4, -4, -4),
  single     = c(7.5)
)
write.csv(data.frame(id = names(inputs),
                     values = sapply(inputs, function(v) paste(f(v), collapse = " "))),
          "inputs.csv", row.names = FALSE, quote = FALSE)

# ---- summaries: n, mean, sd, se, t CI (95% and 90%), median, Q1/Q3 type 2 (SAS) and 7 ----
rows <- list()
for (nm in c("k11", "chg_active", "chg_placebo", "chg_ties", "sleep1", "large1", "odd7", "constant")) {
  x <- inputs[[nm]]; n <- length(x)
  ci95 <- if (sd(x) > 0) t.test(x)$conf.int else rep(mean(x), 2)
  ci90 <- if (sd(x) > 0) t.test(x, conf.level = 0.90)$conf.int else rep(mean(x), 2)
  rows[[nm]] <- list(id = nm, n = n, mean = f(mean(x)), sd = f(sd(x)), se = f(sd(x) / sqrt(n)),
                     ci95_low = f(ci95[1]), ci95_high = f(ci95[2]), ci90_low = f(ci90[1]), ci90_high = f(ci90[2]),
                     median = f(median(x)), q1_type2 = f(quantile(x, 0.25, type = 2)), q3_type2 = f(quantile(x, 0.75, type = 2)),
                     q1_type7 = f(quantile(x, 0.25, type = 7)), q3_type7 = f(quantile(x, 0.75, type = 7)),
                     min = f(min(x)), max = f(max(x)))
}
write_rows(rows, "summaries.csv")

# ---- quantiles: types 1..9 at several probabilities ----
rows <- list()
probs <- c(0, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 1)
for (nm in c("k11", "chg_active", "chg_ties", "odd7", "single")) for (type in 1:9) for (p in probs) {
  rows[[length(rows) + 1]] <- list(id = sprintf("%s_t%d_p%g", nm, type, p), dataset = nm, type = type, prob = f(p),
                                   q = f(unname(quantile(inputs[[nm]], p, type = type))))
}
write_rows(rows, "quantiles.csv")

# ---- t tests (R t.test) ----
rows <- list()
tt <- function(id, kind, x, y, mu, alt, level, var_equal) {
  r <- switch(kind,
    one    = t.test(x, mu = mu, alternative = alt, conf.level = level),
    paired = t.test(x, y, paired = TRUE, mu = mu, alternative = alt, conf.level = level),
    two    = t.test(x, y, var.equal = var_equal, mu = mu, alternative = alt, conf.level = level))
  est <- if (kind == "two") unname(r$estimate[1] - r$estimate[2]) else unname(r$estimate)
  list(id = id, kind = kind, x = attr(x, "nm"), y = if (is.null(y)) "none" else attr(y, "nm"), mu = f(mu), alternative = alt,
       level = f(level), var_equal = as.integer(var_equal), estimate = f(est), t = f(unname(r$statistic)),
       df = f(unname(r$parameter)), p = f(r$p.value), ci_low = f(r$conf.int[1]), ci_high = f(r$conf.int[2]),
       se = f(unname(r$stderr)))
}
named <- function(nm) { v <- inputs[[nm]]; attr(v, "nm") <- nm; v }
a <- named("chg_active"); b <- named("chg_placebo"); s1 <- named("sleep1"); s2 <- named("sleep2")
l1 <- named("large1"); l2 <- named("large2"); ti <- named("chg_ties"); m45 <- named("mid45"); m40 <- named("mid40")
for (alt in c("two.sided", "less", "greater")) {
  rows[[length(rows) + 1]] <- tt(paste0("one_active_", alt), "one", a, NULL, 0, alt, 0.95, FALSE)
  rows[[length(rows) + 1]] <- tt(paste0("one_active_mu-15_", alt), "one", a, NULL, -15, alt, 0.90, FALSE)
  rows[[length(rows) + 1]] <- tt(paste0("paired_sleep_", alt), "paired", s1, s2, 0, alt, 0.95, FALSE)
  rows[[length(rows) + 1]] <- tt(paste0("welch_active_placebo_", alt), "two", a, b, 0, alt, 0.95, FALSE)
  rows[[length(rows) + 1]] <- tt(paste0("student_active_placebo_", alt), "two", a, b, 0, alt, 0.95, TRUE)
}
rows[[length(rows) + 1]] <- tt("welch_large_mu2_99", "two", l1, l2, 2, "two.sided", 0.99, FALSE)
rows[[length(rows) + 1]] <- tt("student_large_mu2_99", "two", l1, l2, 2, "two.sided", 0.99, TRUE)
rows[[length(rows) + 1]] <- tt("welch_sleep_two_groups", "two", s1, s2, 0, "two.sided", 0.95, FALSE)
rows[[length(rows) + 1]] <- tt("one_ties", "one", ti, NULL, 0, "two.sided", 0.95, FALSE)
write_rows(rows, "t_tests.csv")

# ---- Wilcoxon signed-rank and rank-sum (exact and normal approximation) ----
rows <- list()
wt <- function(id, kind, x, y, mu, alt, exact, correct) {
  r <- suppressWarnings(switch(kind,
    signed = wilcox.test(x, mu = mu, alternative = alt, exact = exact, correct = correct),
    paired = wilcox.test(x, y, paired = TRUE, mu = mu, alternative = alt, exact = exact, correct = correct),
    ranksum = wilcox.test(x, y, mu = mu, alternative = alt, exact = exact, correct = correct)))
  list(id = id, kind = kind, x = attr(x, "nm"), y = if (is.null(y)) "none" else attr(y, "nm"), mu = f(mu), alternative = alt,
       exact = if (is.null(exact)) "auto" else as.character(as.integer(exact)), correct = as.integer(correct),
       statistic = f(unname(r$statistic)), p = f(r$p.value),
       p_method = if (grepl("exact", r$method)) "exact" else "normal",
       method = gsub(",", ";", r$method))
}
for (alt in c("two.sided", "less", "greater")) {
  rows[[length(rows) + 1]] <- wt(paste0("signed_active_", alt), "signed", a, NULL, 0, alt, NULL, TRUE)          # exact
  rows[[length(rows) + 1]] <- wt(paste0("signed_active_mu-15_", alt), "signed", a, NULL, -15.25, alt, NULL, TRUE) # exact
  rows[[length(rows) + 1]] <- wt(paste0("signed_ties_", alt), "signed", ti, NULL, 0, alt, NULL, TRUE)           # zeros+ties: normal
  rows[[length(rows) + 1]] <- wt(paste0("signed_ties_nocorrect_", alt), "signed", ti, NULL, 0, alt, NULL, FALSE)
  rows[[length(rows) + 1]] <- wt(paste0("signed_large_", alt), "signed", l1, NULL, -7, alt, NULL, TRUE)         # n >= 50: normal
  rows[[length(rows) + 1]] <- wt(paste0("signed_active_forced_normal_", alt), "signed", a, NULL, 0, alt, FALSE, TRUE)
  rows[[length(rows) + 1]] <- wt(paste0("paired_sleep_", alt), "paired", s2, s1, 0, alt, NULL, TRUE)             # zero+ties
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_active_placebo_", alt), "ranksum", a, b, 0, alt, NULL, TRUE)   # exact
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_active_placebo_mu-6_", alt), "ranksum", a, b, -6.25, alt, NULL, TRUE)
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_sleep_", alt), "ranksum", s1, s2, 0, alt, NULL, TRUE)           # ties: normal
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_large_", alt), "ranksum", l1, l2, 0, alt, NULL, TRUE)           # n >= 50: normal
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_large_nocorrect_", alt), "ranksum", l1, l2, 0, alt, NULL, FALSE)
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_active_ties_", alt), "ranksum", a, ti, 0, alt, NULL, TRUE)
  rows[[length(rows) + 1]] <- wt(paste0("signed_mid45_", alt), "signed", m45, NULL, 0, alt, NULL, TRUE)        # exact, n = 45
  rows[[length(rows) + 1]] <- wt(paste0("ranksum_mid45_mid40_", alt), "ranksum", m45, m40, 0, alt, NULL, TRUE)  # exact, 45 vs 40
}
write_rows(rows, "rank_tests.csv")
