# Known results for CohortAnalysis.Inference.Correlation (Pearson, Spearman) and RunningCorrelation.
# R version 4.2.2 Patched (2022-11-10 r83330), base 'stats' only (cor.test).
# Run from this directory:  Rscript correlations.R   -> inputs.csv, correlations.csv
# Pearson: cor.test(x, y) (estimate, t, df, p, Fisher-z CI). Spearman: cor.test(method = "spearman", exact = FALSE)
# for rho and p (t approximation); its CIs (not given by R) are scripted here from the formulas
# tanh(atanh(rho) -/+ z * se), se = 1/sqrt(n-3) (Fisher) or sqrt((1 + rho^2/2)/(n-3)) (Bonett & Wright 2000).

f <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_rows <- function(rows, file) {
  df <- do.call(rbind, lapply(rows, function(r) as.data.frame(r, stringsAsFactors = FALSE)))
  write.csv(df, file, row.names = FALSE, quote = FALSE)
}
set.seed(42)
# Synthetic change in mood (MADRS) and pain (NRS) per subject; the tied version rounds to integers.
mood <- rnorm(30, -10, 7)
pain <- 0.15 * mood + rnorm(30, -1, 1.2)
inputs <- list(
  mood = mood, pain = pain,
  mood_int = round(mood), pain_int = round(pain),
  mpg = mtcars$mpg, wt = mtcars$wt,
  small_x = c(1.5, 2.25, 0.75, 3.0, 2.5), small_y = c(-1, -2.5, 0.5, -2.75, -1.25)
)
write.csv(data.frame(id = names(inputs), values = sapply(inputs, function(v) paste(f(v), collapse = " "))),
          "inputs.csv", row.names = FALSE, quote = FALSE)

rows <- list()
pairs <- list(c("mood", "pain"), c("mood_int", "pain_int"), c("mpg", "wt"), c("small_x", "small_y"))
for (pr in pairs) for (alt in c("two.sided", "less", "greater")) for (level in c(0.95, 0.9)) {
  x <- inputs[[pr[1]]]; y <- inputs[[pr[2]]]; n <- length(x)
  p <- cor.test(x, y, alternative = alt, conf.level = level)
  s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE, alternative = alt))
  rho <- unname(s$estimate)
  q <- if (alt == "two.sided") qnorm((1 + level) / 2) else qnorm(level)
  sci <- function(se) {
    z <- atanh(rho)
    switch(alt, two.sided = tanh(z + c(-1, 1) * q * se), less = c(-1, tanh(z + q * se)), greater = c(tanh(z - q * se), 1))
  }
  fz <- sci(1 / sqrt(n - 3)); bw <- sci(sqrt((1 + rho^2 / 2) / (n - 3)))
  rows[[length(rows) + 1]] <- list(
    id = sprintf("%s_%s_%s_%g", pr[1], pr[2], alt, level), x = pr[1], y = pr[2], alternative = alt, level = f(level), n = n,
    pearson_r = f(unname(p$estimate)), pearson_t = f(unname(p$statistic)), pearson_df = f(unname(p$parameter)),
    pearson_p = f(p$p.value), pearson_ci_low = f(p$conf.int[1]), pearson_ci_high = f(p$conf.int[2]),
    spearman_rho = f(rho), spearman_p = f(s$p.value),
    spearman_fz_low = f(fz[1]), spearman_fz_high = f(fz[2]), spearman_bw_low = f(bw[1]), spearman_bw_high = f(bw[2]))
}
write_rows(rows, "correlations.csv")
