# Simulated trials for the missing-data reference values (tests/CohortAnalysis.Tests/Missing). Run from this folder:
#   Rscript make-data.R
# Writes trial-long.csv (200 subjects, Placebo vs Active) and trial3-long.csv (150 subjects, three arms, SEX).
# Both are SYNTHETIC (seeded simulation below), in the ADaM BDS layout CohortCsvReader reads with its defaults:
# USUBJID, TRT01P, [SEX], PARAMCD, AVISITN, AVISIT, ABLFL, AVAL, BASE, CHG; AVAL = BASE + CHG, integers in 0-60.
# Missing data: monotone dropout (rows absent after the last visit attended; the dropout hazard rises with the last
# observed change, i.e. missing at random) and a few intermittent gaps (a visit missing with a later visit present).
# trial-long.csv writes intermittent gaps as rows with AVAL = NA; trial3-long.csv leaves those rows out.
# Every subject has the first post-baseline visit, so every subject is in the imputation model's fit.

simulate <- function(n, arms, weeks, mu, sd, rho, slope, hazard, gap_prob, sex = FALSE, prefix) {
  visits <- length(weeks)
  r <- outer(seq_len(visits), seq_len(visits), function(i, j) rho^abs(i - j))
  sigma <- diag(sd) %*% r %*% diag(sd)
  arm <- rep(arms, length.out = n)
  sexes <- if (sex) sample(c("F", "M"), n, replace = TRUE, prob = c(0.6, 0.4)) else rep(NA, n)
  base <- pmin(pmax(round(rnorm(n, 31, 4.5)), 22), 48)
  e <- matrix(rnorm(n * visits), n) %*% chol(sigma)
  rows <- list()
  for (i in seq_len(n)) {
    a <- match(arm[i], arms)
    chg <- mu[a, ] + slope * (base[i] - 31) + (if (sex && sexes[i] == "M") 1.5 else 0) + e[i, ]
    aval <- pmin(pmax(round(base[i] + chg), 0), 60)
    chg <- aval - base[i]
    keep <- rep(TRUE, visits)
    for (v in 2:visits) if (!keep[v - 1] || runif(1) < plogis(hazard[1] + hazard[2] * chg[v - 1])) keep[v:visits] <- FALSE
    last <- max(which(keep))
    gap <- FALSE
    if (last >= 3 && runif(1) < gap_prob) { g <- if (last == 3) 2 else sample(2:(last - 1), 1); keep[g] <- FALSE; gap <- g }
    id <- sprintf("%s-%03d", prefix, i)
    rows[[length(rows) + 1]] <- data.frame(USUBJID = id, TRT01P = arm[i], SEX = sexes[i], PARAMCD = "MADRS", AVISITN = 0,
      AVISIT = "Baseline", ABLFL = "Y", AVAL = base[i], BASE = base[i], CHG = NA)
    for (v in seq_len(visits)) {
      if (!keep[v] && v > last) next
      rows[[length(rows) + 1]] <- data.frame(USUBJID = id, TRT01P = arm[i], SEX = sexes[i], PARAMCD = "MADRS",
        AVISITN = weeks[v], AVISIT = sprintf("Week %d", weeks[v]), ABLFL = "",
        AVAL = if (keep[v]) aval[v] else NA, BASE = base[i], CHG = if (keep[v]) chg[v] else NA)
    }
  }
  d <- do.call(rbind, rows)
  if (!sex) d$SEX <- NULL
  d
}

set.seed(20261202)
trial <- simulate(200, c("Placebo", "Active"), weeks = c(2, 4, 6, 8),
  mu = rbind(c(-4, -7, -9, -10), c(-5, -9, -12, -14)), sd = c(5, 6, 7, 7.5), rho = 0.8, slope = -0.2,
  hazard = c(-1.9, 0.06), gap_prob = 0.06, prefix = "MI")
write.csv(trial, "trial-long.csv", row.names = FALSE, na = "NA", quote = FALSE)

set.seed(20261203)
trial3 <- simulate(150, c("Placebo", "Low dose", "High dose"), weeks = c(1, 2, 4, 6),
  mu = rbind(c(-3, -5, -7, -8), c(-3, -6, -9, -11), c(-4, -8, -11, -14)), sd = c(4, 5, 6, 7), rho = 0.7, slope = -0.3,
  hazard = c(-2.0, 0.05), gap_prob = 0.05, sex = TRUE, prefix = "M3")
trial3 <- trial3[!(trial3$ABLFL == "" & is.na(trial3$AVAL)), ]   # gaps as absent rows here
write.csv(trial3, "trial3-long.csv", row.names = FALSE, na = "NA", quote = FALSE)

for (d in list(trial, trial3)) {
  post <- d[d$ABLFL == "", ]
  ids <- unique(d$USUBJID)
  last <- tapply(post$AVISITN[!is.na(post$AVAL)], post$USUBJID[!is.na(post$AVAL)], max)
  weeks <- sort(unique(post$AVISITN))
  cat(sprintf("%d subjects; dropped out before week %d: %d (%.1f%%); observed post-baseline cells %d of %d\n", length(ids),
      max(weeks), sum(last < max(weeks)), 100 * mean(last < max(weeks)), sum(!is.na(post$AVAL)), length(ids) * length(weeks)))
  print(table(d$TRT01P[d$ABLFL == "Y"], last[d$USUBJID[d$ABLFL == "Y"]]))
}
