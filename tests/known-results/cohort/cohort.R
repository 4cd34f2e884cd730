# Known results for the cohort pipeline on samples/data/demo-trial.csv: analysis grid, OC/LOCF/BOCF/WOCF imputation,
# descriptive summaries, within-arm and between-arm tests of change, responder analyses, CMH by site, correlations.
# R version 4.2.2 Patched (2022-11-10 r83330); base R only ('stats': t.test, wilcox.test, quantile, prop.test,
# fisher.test, chisq.test, mantelhaen.test, cor.test). No add-on packages.
# Everything is derived from AVAL and ABLFL; the file's BASE/CHG columns are only checked against our derivation.
# Scripted from formulas (base R has no function for them): Newcombe hybrid score RD CI (method 10, built from
# prop.test's Wilson limits), log RR CI, Woolf OR CI, Mantel-Haenszel RR with Greenland-Robins variance,
# Fisher-z CI for Spearman's rho.
# Run from this directory:  Rscript cohort.R
#   -> summaries.csv, within_arm.csv, between_arms.csv, responders.csv, cmh.csv, correlations.csv

f <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
write_rows <- function(rows, file) {
  df <- do.call(rbind, lapply(rows, function(r) as.data.frame(r, stringsAsFactors = FALSE, check.names = FALSE)))
  write.csv(df, file, row.names = FALSE, quote = FALSE)
  cat(sprintf("%-18s %4d rows, %2d columns\n", file, nrow(df), ncol(df)))
  invisible(df)
}

raw <- read.csv("../../../samples/data/demo-trial.csv", na.strings = "NA", stringsAsFactors = FALSE,
                colClasses = c(USUBJID = "character", SITEID = "character", ABLFL = "character"))
VISITS <- c(0, 1, 3, 6, 12); POST <- c(1, 3, 6, 12)
PARAMS <- c("MADRS", "PAINNRS"); ARMS <- c("Placebo", "Psilocybin 25 mg"); PLA <- ARMS[1]; PSI <- ARMS[2]
METHODS <- c("OC", "LOCF", "BOCF", "WOCF")
stopifnot(!anyDuplicated(raw[, c("USUBJID", "PARAMCD", "AVISITN")]), all(raw$AVISITN %in% VISITS),
          all(raw$TRT01P %in% ARMS), all(raw$PARAMCD %in% PARAMS))
subj <- unique(raw[, c("USUBJID", "SITEID", "TRT01P")])
stopifnot(!anyDuplicated(subj$USUBJID))                      # one arm and one site per subject

# ---- analysis grid: subject x visit matrix of AVAL per parameter (NA = no row or AVAL NA) ----
grid <- list(); base <- list(); arm_of <- list()
for (pc in PARAMS) {
  d <- raw[raw$PARAMCD == pc, ]
  ids <- sort(unique(d$USUBJID))
  m <- matrix(NA_real_, length(ids), length(VISITS), dimnames = list(ids, as.character(VISITS)))
  m[cbind(match(d$USUBJID, ids), match(d$AVISITN, VISITS))] <- d$AVAL
  bl <- d[!is.na(d$ABLFL) & d$ABLFL == "Y", ]
  stopifnot(!anyDuplicated(bl$USUBJID), all(bl$AVISITN == 0))
  b <- setNames(rep(NA_real_, length(ids)), ids); b[bl$USUBJID] <- bl$AVAL
  # cross-check the file's BASE and CHG against our derivation
  stopifnot(isTRUE(all.equal(d$BASE, unname(b[d$USUBJID]))))
  post <- d$AVISITN > 0
  stopifnot(identical(is.na(d$CHG[post]), is.na(unname(d$AVAL[post] - b[d$USUBJID[post]]))),
            isTRUE(all.equal(d$CHG[post], unname(d$AVAL[post] - b[d$USUBJID[post]]))), all(is.na(d$CHG[!post])))
  grid[[pc]] <- m; base[[pc]] <- b; arm_of[[pc]] <- subj$TRT01P[match(ids, subj$USUBJID)]
}

# ---- imputation of post-baseline visits; returns list(aval = matrix, imputed = logical matrix) ----
impute <- function(m, b, method) {
  out <- m; imp <- matrix(FALSE, nrow(m), ncol(m), dimnames = dimnames(m))
  if (method != "OC") for (i in seq_len(nrow(m))) for (j in 2:ncol(m)) {
    if (!is.na(m[i, j])) next
    v <- switch(method,
      LOCF = { prev <- m[i, 2:j][-(j - 1)]; prev <- prev[!is.na(prev)]; if (length(prev)) prev[length(prev)] else NA },
      BOCF = b[i],
      WOCF = { seen <- c(b[i], m[i, 2:j][-(j - 1)]); seen <- seen[!is.na(seen)]; if (length(seen)) max(seen) else NA })
    if (!is.na(v)) { out[i, j] <- v; imp[i, j] <- TRUE }
  }
  list(aval = out, imputed = imp)
}
imputed <- list()
for (me in METHODS) for (pc in PARAMS) imputed[[paste(me, pc)]] <- impute(grid[[pc]], base[[pc]], me)
derived <- function(me, pc, var, visit) {                   # vector over subjects (grid order)
  a <- imputed[[paste(me, pc)]]$aval[, as.character(visit)]; b <- base[[pc]]
  switch(var, AVAL = a, CHG = a - b, PCHG = ifelse(b == 0, NA, 100 * (a - b) / abs(b)))
}

# ---- 1. summaries.csv ----
rows <- list()
for (me in METHODS) for (pc in PARAMS) for (arm in ARMS) for (v in VISITS) for (var in c("AVAL", "CHG", "PCHG")) {
  if (v == 0 && var != "AVAL") next
  inarm <- arm_of[[pc]] == arm
  x <- derived(me, pc, var, v)[inarm]; x <- x[!is.na(x)]; n <- length(x)
  mu <- if (n) mean(x) else NA; s <- if (n > 1) sd(x) else NA; se <- s / sqrt(n)
  h <- if (n > 1) qt(0.975, n - 1) * se else NA
  q <- if (n) quantile(x, c(0.25, 0.5, 0.75), type = 2, names = FALSE) else rep(NA, 3)
  if (n > 1) { tt <- t.test(x); stopifnot(isTRUE(all.equal(as.numeric(tt$conf.int), c(mu - h, mu + h), tolerance = 1e-14))) }
  rows[[length(rows) + 1]] <- list(
    id = paste(me, pc, arm, v, var, sep = "|"), method = me, paramcd = pc, arm = arm, visit = v, variable = var,
    n = n, nmiss = sum(inarm) - n, mean = f(mu), sd = f(s), se = f(se), ci_lower = f(mu - h), ci_upper = f(mu + h),
    median = f(q[2]), q1 = f(q[1]), q3 = f(q[3]), min = f(if (n) min(x) else NA), max = f(if (n) max(x) else NA),
    imputed = sum(imputed[[paste(me, pc)]]$imputed[inarm, as.character(v)]))
}
cat("Analysis grid:", paste(sprintf("%s %d subjects (%s)", PARAMS, sapply(grid, nrow),
    sapply(PARAMS, function(pc) paste(table(factor(arm_of[[pc]], ARMS)), collapse = "/"))), collapse = "; "), "\n")
write_rows(rows, "summaries.csv")

chg_oc <- function(pc, v, arm) { x <- derived("OC", pc, "CHG", v)[arm_of[[pc]] == arm]; x[!is.na(x)] }

# ---- 2. within_arm.csv: one-sample t and signed-rank on OC CHG ----
rows <- list()
for (pc in PARAMS) for (v in c(6, 12)) for (arm in ARMS) {
  x <- chg_oc(pc, v, arm)
  tt <- t.test(x)
  w <- suppressWarnings(wilcox.test(x))
  nz <- x[x != 0]; zeros <- any(x == 0); ties <- anyDuplicated(rank(abs(nz))) > 0
  exact <- length(nz) < 50 && !ties && !zeros               # R 4.2.2's rule (exact = NULL)
  stopifnot(exact == grepl("exact", w$method))
  rows[[length(rows) + 1]] <- list(
    id = paste("OC", pc, arm, v, sep = "|"), paramcd = pc, arm = arm, visit = v, n = length(x),
    t_estimate = f(tt$estimate), t_ci_lower = f(tt$conf.int[1]), t_ci_upper = f(tt$conf.int[2]),
    t = f(tt$statistic), df = f(tt$parameter), t_p = f(tt$p.value),
    n_nonzero = length(nz), zeros = as.integer(zeros), ties = as.integer(ties),
    wilcox_v = f(w$statistic), wilcox_p = f(w$p.value), wilcox_method = if (exact) "exact" else "normal")
}
write_rows(rows, "within_arm.csv")

# ---- 3. between_arms.csv: Psilocybin minus Placebo on OC CHG ----
rows <- list()
for (pc in PARAMS) for (v in POST) {
  x <- chg_oc(pc, v, PSI); y <- chg_oc(pc, v, PLA)
  st <- t.test(x, y, var.equal = TRUE); we <- t.test(x, y, var.equal = FALSE)
  w <- suppressWarnings(wilcox.test(x, y))
  ties <- anyDuplicated(rank(c(x, y))) > 0
  exact <- length(x) < 50 && length(y) < 50 && !ties
  stopifnot(exact == grepl("exact", w$method))
  rows[[length(rows) + 1]] <- list(
    id = paste("OC", pc, v, sep = "|"), paramcd = pc, visit = v, n_psilocybin = length(x), n_placebo = length(y),
    mean_psilocybin = f(mean(x)), mean_placebo = f(mean(y)), estimate = f(unname(st$estimate[1] - st$estimate[2])),
    student_ci_lower = f(st$conf.int[1]), student_ci_upper = f(st$conf.int[2]), student_t = f(st$statistic),
    student_df = f(st$parameter), student_p = f(st$p.value),
    welch_ci_lower = f(we$conf.int[1]), welch_ci_upper = f(we$conf.int[2]), welch_t = f(we$statistic),
    welch_df = f(we$parameter), welch_p = f(we$p.value),
    ties = as.integer(ties), wilcox_w = f(w$statistic), wilcox_p = f(w$p.value), wilcox_method = if (exact) "exact" else "normal")
}
write_rows(rows, "between_arms.csv")

# ---- 4. responders.csv ----
# per-subject status over the union of subjects: TRUE/FALSE, NA = not evaluable (missing value)
all_ids <- sort(unique(raw$USUBJID)); all_arm <- subj$TRT01P[match(all_ids, subj$USUBJID)]
all_site <- subj$SITEID[match(all_ids, subj$USUBJID)]
on_all <- function(pc, var, v) { x <- derived("OC", pc, var, v); unname(x[match(all_ids, rownames(grid[[pc]]))]) }
has_param <- function(pc) all_ids %in% rownames(grid[[pc]])
status <- function(rule, v) {
  switch(rule,
    MADRS_RESPONSE = on_all("MADRS", "CHG", v) * 100 <= -50 * base$MADRS[all_ids],
    MADRS_REMISSION = on_all("MADRS", "AVAL", v) <= 10,
    PAIN_MODERATE = {
      chg <- on_all("PAINNRS", "CHG", v); b <- unname(base$PAINNRS[all_ids])
      pct <- ifelse(!is.na(b) & b == 0, FALSE, -chg * 100 >= 30 * b)   # baseline 0: percent part cannot be met
      ifelse(is.na(chg), NA, (-chg >= 2) | pct) },
    JOINT = status("MADRS_RESPONSE", v) & status("PAIN_MODERATE", v) & TRUE)
}
# JOINT uses R's three-valued `&` (Kleene logic): a known non-response on either instrument makes a subject a joint
# non-responder even when the other score is missing; NA only when neither part is FALSE and one is missing.
rule_status <- function(rule, v) status(rule, v)
rule_pop <- function(rule) switch(rule, MADRS_RESPONSE = , MADRS_REMISSION = has_param("MADRS"),
  PAIN_MODERATE = has_param("PAINNRS"), JOINT = has_param("MADRS") & has_param("PAINNRS"))
counts <- function(rule, v, handling, arm, keep = rep(TRUE, length(all_ids))) {
  s <- rule_status(rule, v); inpop <- rule_pop(rule) & all_arm == arm & keep
  if (handling == "NRI") c(x = sum(s[inpop] %in% TRUE), n = sum(inpop))
  else c(x = sum(s[inpop] %in% TRUE), n = sum(inpop & !is.na(s)))
}
RULES <- c("MADRS_RESPONSE", "MADRS_REMISSION", "PAIN_MODERATE", "JOINT")
rows <- list()
for (rule in RULES) for (v in c(6, 12)) for (h in c("NRI", "OC")) {
  c1 <- counts(rule, v, h, PSI); c2 <- counts(rule, v, h, PLA)
  a <- c1[["x"]]; n1 <- c1[["n"]]; c <- c2[["x"]]; n2 <- c2[["n"]]; b <- n1 - a; d <- n2 - c
  p1 <- a / n1; p2 <- c / n2; rd <- p1 - p2; z <- qnorm(0.975)
  w1 <- suppressWarnings(prop.test(a, n1, correct = FALSE)$conf.int)
  w2 <- suppressWarnings(prop.test(c, n2, correct = FALSE)$conf.int)
  newc <- c(rd - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), rd + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
  zero <- min(a, b, c, d) == 0
  rr <- p1 / p2; rrse <- sqrt((1 - p1) / (n1 * p1) + (1 - p2) / (n2 * p2))
  or <- (a * d) / (b * c); orse <- sqrt(1 / a + 1 / b + 1 / c + 1 / d)
  m <- matrix(c(a, b, c, d), 2)                              # columns = arms (psilocybin, placebo), rows = yes/no
  rows[[length(rows) + 1]] <- list(
    id = paste(rule, v, h, sep = "|"), rule = rule, visit = v, handling = h,
    x_psilocybin = a, n_psilocybin = n1, x_placebo = c, n_placebo = n2,
    p_psilocybin = f(p1), wilson_lower_psilocybin = f(w1[1]), wilson_upper_psilocybin = f(w1[2]),
    p_placebo = f(p2), wilson_lower_placebo = f(w2[1]), wilson_upper_placebo = f(w2[2]),
    rd = f(rd), rd_ci_lower = f(newc[1]), rd_ci_upper = f(newc[2]),
    rr = f(rr), rr_ci_lower = f(if (zero) NA else exp(log(rr) - z * rrse)), rr_ci_upper = f(if (zero) NA else exp(log(rr) + z * rrse)),
    or = f(or), or_ci_lower = f(if (zero) NA else exp(log(or) - z * orse)), or_ci_upper = f(if (zero) NA else exp(log(or) + z * orse)),
    fisher_p = f(fisher.test(m)$p.value),
    chisq_p_yates = f(suppressWarnings(chisq.test(m, correct = TRUE)$p.value)),
    chisq_p = f(suppressWarnings(chisq.test(m, correct = FALSE)$p.value)))
}
write_rows(rows, "responders.csv")

# ---- 5. cmh.csv: visit 12, NRI, by site ----
rows <- list()
sites <- sort(unique(all_site))
for (rule in c("MADRS_RESPONSE", "JOINT")) {
  tab <- array(0, c(2, 2, length(sites)), dimnames = list(arm = c(PSI, PLA), response = c("yes", "no"), site = sites))
  for (k in seq_along(sites)) for (i in 1:2) {
    cn <- counts(rule, 12, "NRI", c(PSI, PLA)[i], keep = all_site == sites[k])
    tab[i, , k] <- c(cn[["x"]], cn[["n"]] - cn[["x"]])
  }
  mh <- mantelhaen.test(tab, correct = TRUE); mh0 <- mantelhaen.test(tab, correct = FALSE)
  a <- tab[1, 1, ]; b <- tab[1, 2, ]; c <- tab[2, 1, ]; d <- tab[2, 2, ]
  n1 <- a + b; n2 <- c + d; N <- n1 + n2
  R <- sum(a * n2 / N); S <- sum(c * n1 / N); rr <- R / S
  v_log <- sum((n1 * n2 * (a + c) - a * c * N) / N^2) / (R * S)   # Greenland & Robins (1985)
  z <- qnorm(0.975)
  rows[[length(rows) + 1]] <- list(
    id = paste(rule, 12, "NRI", sep = "|"), rule = rule, visit = 12, handling = "NRI", strata = length(sites),
    x_psilocybin = sum(a), n_psilocybin = sum(n1), x_placebo = sum(c), n_placebo = sum(n2),
    strata_counts = paste(sprintf("%s:%g/%g:%g/%g", sites, a, n1, c, n2), collapse = " "),
    statistic = f(mh$statistic), p = f(mh$p.value), statistic_nocc = f(mh0$statistic), p_nocc = f(mh0$p.value),
    or_mh = f(mh$estimate), or_ci_lower = f(mh$conf.int[1]), or_ci_upper = f(mh$conf.int[2]),
    rr_mh = f(rr), rr_log_var = f(v_log), rr_ci_lower = f(exp(log(rr) - z * sqrt(v_log))), rr_ci_upper = f(exp(log(rr) + z * sqrt(v_log))))
}
write_rows(rows, "cmh.csv")

# ---- 6. correlations.csv: OC CHG MADRS vs CHG PAINNRS, subjects with both ----
rows <- list()
for (v in c(6, 12)) for (grp in c(ARMS, "All")) {
  xm <- on_all("MADRS", "CHG", v); xp <- on_all("PAINNRS", "CHG", v)
  keep <- !is.na(xm) & !is.na(xp) & (grp == "All" | all_arm == grp)
  x <- xm[keep]; y <- xp[keep]; n <- length(x)
  pe <- cor.test(x, y); sp <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  rho <- cor(x, y, method = "spearman"); stopifnot(isTRUE(all.equal(rho, unname(sp$estimate), tolerance = 1e-15)))
  zr <- qnorm(0.975) / sqrt(n - 3)
  rows[[length(rows) + 1]] <- list(
    id = paste("OC", v, grp, sep = "|"), visit = v, group = grp, n = n,
    pearson_r = f(pe$estimate), pearson_ci_lower = f(pe$conf.int[1]), pearson_ci_upper = f(pe$conf.int[2]),
    pearson_t = f(pe$statistic), pearson_df = f(pe$parameter), pearson_p = f(pe$p.value),
    spearman_rho = f(rho), spearman_ci_lower = f(tanh(atanh(rho) - zr)), spearman_ci_upper = f(tanh(atanh(rho) + zr)),
    spearman_s = f(sp$statistic), spearman_p = f(sp$p.value))
}
write_rows(rows, "correlations.csv")
