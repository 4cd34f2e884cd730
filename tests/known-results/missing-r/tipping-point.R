# Tipping-point grid for conditional mean imputation + jackknife (a SECOND IMPLEMENTATION, derived from the values of
# conditional-mean.R). Run from this folder after conditional-mean.R:  Rscript tipping-point.R
# For the trial at the last visit (week 8), strategies MAR and J2R, δ added to the post-discontinuation imputed values
# of the Active arm: the ANCOVA estimate is linear in δ (θ(δ) = θ(0) + cδ, the ANCOVA is linear in the data) and so is
# every jackknife replicate, so SE(δ)² = (n−1)/n Σ(θ₋ᵢ(δ) − θ̄₋(δ))² is a quadratic in δ. The line and the quadratic are
# determined exactly by δ = 0, 2, 5 (conditional-mean.csv, conditional-mean-delta.csv); this script evaluates them on
# the grid δ = 0, 0.5, …, 20 and finds where significance is lost: the first grid δ with p ≥ 0.05 (tipping_grid) and
# the exact root of θ(δ) + z·SE(δ) = 0 (tipping_exact, uniroot to 1e-14).
fmt <- function(x) sprintf("%.17g", x)
cm <- read.csv("conditional-mean.csv", comment.char = "#", stringsAsFactors = FALSE)
dl <- read.csv("conditional-mean-delta.csv", comment.char = "#", stringsAsFactors = FALSE)
z <- qnorm(0.975); rows <- list(); summary_rows <- list()
for (s in c("MAR", "J2R")) {
  v <- max(cm$visit[cm$case == "trial"])
  at0 <- cm[cm$case == "trial" & cm$kind == "difference" & cm$strategy == s & cm$visit == v, ]
  d <- dl[dl$case == "trial" & dl$strategy == s & dl$visit == v & dl$applies_to == "post-discontinuation", ]
  d <- d[order(d$delta), ]
  deltas <- c(0, d$delta); est <- c(at0$estimate, d$estimate); var <- c(at0$se, d$se)^2
  stopifnot(length(deltas) == 3)
  line <- lm(est ~ deltas); quad <- lm(var ~ deltas + I(deltas^2))
  stopifnot(max(abs(residuals(line))) < 1e-10)
  theta <- function(x) coef(line)[[1]] + coef(line)[[2]] * x
  se <- function(x) sqrt(coef(quad)[[1]] + coef(quad)[[2]] * x + coef(quad)[[3]] * x^2)
  grid <- seq(0, 20, by = 0.5)
  p <- 2 * pnorm(-abs(theta(grid) / se(grid)))
  for (k in seq_along(grid)) rows[[length(rows) + 1]] <- data.frame(id = paste("trial", s, v, grid[k], sep = "|"),
    strategy = s, visit = v, delta = grid[k], estimate = fmt(theta(grid[k])), se = fmt(se(grid[k])),
    ci_lower = fmt(theta(grid[k]) - z * se(grid[k])), ci_upper = fmt(theta(grid[k]) + z * se(grid[k])), p = fmt(p[k]))
  exact <- uniroot(function(x) theta(x) + z * se(x), c(0, 40), tol = 1e-14)$root
  summary_rows[[length(summary_rows) + 1]] <- data.frame(id = paste("trial", s, v, sep = "|"), strategy = s, visit = v,
    slope = fmt(coef(line)[[2]]), tipping_grid = if (any(p >= 0.05)) grid[which(p >= 0.05)[1]] else NA, tipping_exact = fmt(exact))
}
res <- do.call(rbind, rows); write.csv(res, "tipping-point.csv", row.names = FALSE, quote = FALSE, na = "")
sm <- do.call(rbind, summary_rows); write.csv(sm, "tipping-point-summary.csv", row.names = FALSE, quote = FALSE, na = "")
for (f in c("tipping-point.csv", "tipping-point-summary.csv")) cat(sprintf("# %s\n", R.version.string), file = f, append = TRUE)
print(sm)
