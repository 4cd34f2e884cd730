# Reference values for CohortAnalysis.Plotting's least-squares line and Pearson r (change-vs-change scatter).
# R 4.2.2 (base stats only: lm, cor). Regenerate: Rscript least_squares.R  (writes least_squares.csv beside it)
# Data: mood (MADRS) and pain (NRS) change for 8 made-up subjects, pasted in; the second case adds 1e6 to x to
# check that the fit stays accurate when the values share a large offset.
x <- c(-18, -22, -9, -25, -14, -20, -6, -11)
y <- c(-2.1, -3.0, -0.4, -2.8, -1.9, -2.2, 0.3, -1.1)
cases <- list(
  mood_vs_pain = list(x = x, y = y),
  mood_vs_pain_offset = list(x = x + 1e6, y = y)
)
out <- do.call(rbind, lapply(names(cases), function(id) {
  d <- cases[[id]]
  fit <- lm(d$y ~ d$x)
  data.frame(id = id,
             intercept = sprintf("%.17g", unname(coef(fit)[1])),
             slope = sprintf("%.17g", unname(coef(fit)[2])),
             r = sprintf("%.17g", cor(d$x, d$y)))
}))
write.csv(out, file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "least_squares.csv"),
          row.names = FALSE, quote = FALSE)
