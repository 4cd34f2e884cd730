# The R side of compare-with-r.sh, row (c): effectsize::cohens_d (pooled SD, 95% noncentral-t CI) on 2 x 50 values,
# timed per call over many calls with system.time (after one warm-up call; package loading not counted).
# Usage: Rscript cohens-d-per-call.R [calls]   -> prints milliseconds per call
suppressPackageStartupMessages(library(effectsize))
calls <- as.integer(c(commandArgs(trailingOnly = TRUE), "500")[1])
set.seed(16)
x <- round(rnorm(50, -12, 8)); y <- round(rnorm(50, -7, 8))
invisible(cohens_d(x, y))
elapsed <- system.time(for (k in seq_len(calls)) cohens_d(x, y))[["elapsed"]]
cat(sprintf("%.6f\n", 1000 * elapsed / calls))
