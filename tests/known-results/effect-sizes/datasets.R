# Shared inputs for the effect-size known-result scripts (pasted here so the scripts need no other files).
# The same numbers are in tests/CohortAnalysis.Tests/EffectSizes/Datasets.cs.
# Lakens (2013) movie ratings, Front Psychol 4:863.
lakens_x <- c(9, 7, 8, 9, 8, 9, 9, 10, 9, 9)
lakens_y <- c(9, 6, 7, 8, 7, 9, 8, 8, 8, 7)
# R datasets::sleep, extra by group (group 1 first).
sleep1 <- c(0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0)
sleep2 <- c(1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4)
# Cholesterol before/after (mtorchiano/effsize#58).
chol_before <- c(201, 231, 221, 228, 284, 267, 232, 215)
chol_after  <- c(200, 236, 216, 219, 260, 255, 221, 203)
# datasets::mtcars, wt by am (automatic first).
wt_auto   <- mtcars$wt[mtcars$am == 0]
wt_manual <- mtcars$wt[mtcars$am == 1]
# Synthetic MADRS change at week 6 (STYLE.md example): psilocybin vs placebo, unequal spread.
madrs_psi <- c(-18, -22, -9, -25, -14, -20)
madrs_pbo <- c(-6, -11, -3, -9, -12, -4)
# Unequal group sizes with ties (for rank statistics).
ties_x <- c(3, 5, 5, 7, 8, 8, 8, 10, 12)
ties_y <- c(1, 3, 4, 5, 5, 6, 8)

f17 <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

# Writes a known-results CSV: header first (KnownResults reads line 1 as the header), then a '#' provenance line.
write_known <- function(df, file, comment) {
  lines <- capture.output(write.csv(df, stdout(), row.names = FALSE, quote = FALSE))
  writeLines(c(lines[1], paste0("# ", comment), lines[-1]), file)
}
