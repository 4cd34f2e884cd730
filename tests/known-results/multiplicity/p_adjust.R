# Reference values for CohortAnalysis.Models.Multiplicity.Adjust: R's own p.adjust (the oracle).
# Software: R 4.2.2 Patched (2022-11-10 r83330), package stats (base R); no other package.
# Run from this directory: Rscript p_adjust.R   -> writes p_adjust.csv (values with sprintf("%.17g")).
# Columns bonferroni, holm, hochberg, hommel, BH, BY are p.adjust(p, method) on each set, with n = length(p).
# Column fixed_sequence is cummax(p) in input order: a one-line second implementation of the fixed-sequence
# adjusted p-value (not an independent oracle; p.adjust has no fixed-sequence method).
stopifnot(getRversion() >= "4.0.0")
set.seed(20261202)
sets <- list(
  four = c(0.01, 0.04, 0.03, 0.005),
  ties = c(0.01, 0.01, 0.02, 0.02, 0.04, 0.5, 0.5),
  single = 0.03,
  pair = c(0.02, 0.04),
  bounds = c(0, 1, 0.5, 1e-10, 0.999),
  cubes50 = runif(50)^3,
  mixed20 = c(rbeta(10, 0.3, 5), runif(10)),
  effects300 = 2 * pnorm(-abs(rnorm(300, mean = rep(c(0, 2.5), c(250, 50)))))
)
methods <- c("bonferroni", "holm", "hochberg", "hommel", "BH", "BY")
fmt <- function(x) sprintf("%.17g", x)
rows <- list()
for (name in names(sets)) {
  p <- sets[[name]]
  out <- data.frame(set = name, index = seq_along(p), p = fmt(p))
  for (m in methods) out[[m]] <- fmt(p.adjust(p, method = m))
  out$fixed_sequence <- fmt(cummax(p))
  rows[[name]] <- out
}
all <- do.call(rbind, rows)
all$id <- paste0(all$set, "_", all$index)
all <- all[, c("id", "set", "index", "p", methods, "fixed_sequence")]
write.csv(all, "p_adjust.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "\n", nrow(all), "rows written\n")
