# Reference values for CohortAnalysis.Models.Ancova: R lm + emmeans (LS means, differences), car::Anova(type = 3) with
# contr.sum (Type III SS and F), sandwich::vcovHC (HC0-HC3). These R packages are the oracles; nothing here re-implements them.
# Software: R 4.2.2 Patched (2022-11-10 r83330); Debian packages emmeans 1.8.4-1, car 3.1-1, sandwich 3.0-2, HSAUR3 1.0-13.
# Run from this directory: Rscript ancova.R
# Writes: the analysis data as cohort CSVs (drugtest-cohort.csv, btheb-cohort.csv, simulated-cohort.csv, ADaM-like long
# format, read by the tests with CohortCsvReader) and the results: lsmeans.csv, differences.csv, type3.csv, fits.csv.
# Numbers with sprintf("%.17g").
suppressPackageStartupMessages({ library(emmeans); library(car); library(sandwich); library(HSAUR3) })
options(contrasts = c("contr.sum", "contr.poly"))   # Type III tests need sum-to-zero coding; LS means do not depend on it
emm_options(opt.digits = FALSE)
fmt <- function(x) sprintf("%.17g", x)

# ---- data sets ------------------------------------------------------------------------------------------------------
# K10 (REFERENCE.md): SAS PROC GLM "DrugTest" (leprosy data, Snedecor & Cochran): Post ~ Drug + Pre.
drugtest <- data.frame(
  Drug = rep(c("A", "D", "F"), each = 10),
  Pre = c(11, 8, 5, 14, 19, 6, 10, 6, 11, 3, 6, 6, 7, 8, 18, 8, 19, 8, 5, 15, 16, 13, 11, 9, 21, 16, 12, 12, 7, 12),
  Post = c(6, 0, 2, 8, 11, 4, 13, 1, 8, 0, 0, 2, 3, 1, 18, 4, 14, 9, 1, 9, 13, 10, 18, 5, 23, 12, 5, 16, 1, 20))
drugtest$USUBJID <- sprintf("DT-%02d", seq_len(nrow(drugtest)))

# Beat the Blues (HSAUR3::BtheB): BDI before treatment and at 2, 3, 5, 8 months; treatment TAU / BtheB; drug, length.
data("BtheB", package = "HSAUR3")
btheb <- BtheB
btheb$USUBJID <- sprintf("BB-%03d", seq_len(nrow(btheb)))

# Simulated three-arm trial (seeded): MADRS at baseline, week 3 and week 6; unbalanced sites, sex, age; ~12% dropout;
# residual SD differs by arm (so HC estimators differ from the model-based SE).
set.seed(20261202)
n <- 150
sim <- data.frame(
  USUBJID = sprintf("SIM-%03d", 1:n),
  ARM = rep(c("Placebo", "Low dose", "High dose"), each = 50),
  SITEID = sample(c("S01", "S02", "S03", "S04"), n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1)),
  SEX = sample(c("F", "M"), n, replace = TRUE, prob = c(0.6, 0.4)),
  AGE = round(rnorm(n, 45, 12)))
sim$BASE <- pmin(pmax(round(rnorm(n, 31, 5)), 20), 50)
eff <- c(Placebo = 0, "Low dose" = -4, "High dose" = -8)[sim$ARM]
site <- c(S01 = 0, S02 = 1.5, S03 = -2, S04 = 3)[sim$SITEID]
sdv <- c(Placebo = 5, "Low dose" = 7, "High dose" = 9)[sim$ARM]
w3 <- pmin(pmax(round(sim$BASE - 4 + 0.5 * eff + site + rnorm(n, 0, 5)), 0), 60)
w6 <- pmin(pmax(round(sim$BASE - 6 + eff + site + 1.5 * (sim$SEX == "M") - 0.05 * (sim$AGE - 45) - 0.3 * (sim$BASE - 31) + rnorm(n, 0, sdv)), 0), 60)
w6[sample(n, 18)] <- NA
sim$W3 <- w3; sim$W6 <- w6

# ---- cohort CSVs (long format; no row for a missing value) ----------------------------------------------------------
long <- function(id, arm, param, visits, values, cov) {
  rows <- list()
  for (k in seq_along(visits)) {
    v <- values[[k]]; keep <- !is.na(v)
    d <- data.frame(USUBJID = id[keep], TRT01P = arm[keep], PARAMCD = param, AVISITN = visits[k],
                    ABLFL = ifelse(visits[k] == 0, "Y", ""), AVAL = v[keep])
    for (c in names(cov)) d[[c]] <- cov[[c]][keep]
    rows[[k]] <- d
  }
  out <- do.call(rbind, rows)
  out[order(out$USUBJID, out$AVISITN), ]
}
write.csv(long(drugtest$USUBJID, drugtest$Drug, "SCORE", c(0, 1), list(drugtest$Pre, drugtest$Post), list()),
          "drugtest-cohort.csv", row.names = FALSE, quote = FALSE, na = "")
write.csv(long(btheb$USUBJID, as.character(btheb$treatment), "BDI", c(0, 2, 3, 5, 8),
               list(btheb$bdi.pre, btheb$bdi.2m, btheb$bdi.3m, btheb$bdi.5m, btheb$bdi.8m),
               list(DRUG = as.character(btheb$drug), LENGTH = as.character(btheb$length))),
          "btheb-cohort.csv", row.names = FALSE, quote = FALSE, na = "")
write.csv(long(sim$USUBJID, sim$ARM, "MADRS", c(0, 3, 6), list(sim$BASE, sim$W3, sim$W6),
               list(SITEID = sim$SITEID, SEX = sim$SEX, AGE = sim$AGE)),
          "simulated-cohort.csv", row.names = FALSE, quote = FALSE, na = "")

# ---- analyses -------------------------------------------------------------------------------------------------------
lsm <- list(); dif <- list(); t3 <- list(); fits <- list()
record <- function(case, fit, spec, reference, weights = "equal", vc = NULL, by = NULL) {
  V <- if (is.null(vc)) vcov(fit) else vc
  em <- if (is.null(by)) emmeans(fit, spec, weights = weights, vcov. = V) else emmeans(fit, spec, by = by, weights = weights, vcov. = V)
  s <- summary(em, infer = c(TRUE, TRUE))
  arm <- as.character(s[[spec]])
  grp <- if (is.null(by)) rep("", nrow(s)) else paste0(by, " = ", as.character(s[[by]]))
  lsm[[length(lsm) + 1]] <<- data.frame(id = paste(case, grp, arm, sep = "|"), estimate = fmt(s$emmean), se = fmt(s$SE),
                                         df = fmt(s$df), lower = fmt(s$lower.CL), upper = fmt(s$upper.CL))
  others <- setdiff(levels(em)[[spec]], reference)
  ct <- summary(contrast(em, method = "trt.vs.ctrl", ref = which(levels(em)[[spec]] == reference), adjust = "none"), infer = c(TRUE, TRUE))
  others <- rep(others, times = nrow(ct) / length(others))   # by groups come one after another, contrasts in level order
  grp2 <- if (is.null(by)) rep("", nrow(ct)) else paste0(by, " = ", as.character(ct[[by]]))
  dif[[length(dif) + 1]] <<- data.frame(id = paste(case, grp2, paste0(others, " - ", reference), sep = "|"), estimate = fmt(ct$estimate),
                                         se = fmt(ct$SE), df = fmt(ct$df), t = fmt(ct$t.ratio), p = fmt(ct$p.value),
                                         lower = fmt(ct$lower.CL), upper = fmt(ct$upper.CL))
}
type3 <- function(case, fit, vc = NULL) {
  a <- if (is.null(vc)) Anova(fit, type = 3) else Anova(fit, type = 3, vcov. = vc)
  terms <- setdiff(rownames(a), c("(Intercept)", "Residuals"))
  if (is.null(vc)) {
    t3[[length(t3) + 1]] <<- data.frame(id = paste(case, terms, sep = "|"), df1 = fmt(a[terms, "Df"]), df2 = fmt(a["Residuals", "Df"]),
                                         ss = fmt(a[terms, "Sum Sq"]), F = fmt(a[terms, "F value"]), p = fmt(a[terms, "Pr(>F)"]))
  } else {
    t3[[length(t3) + 1]] <<- data.frame(id = paste(case, terms, sep = "|"), df1 = fmt(a[terms, "Df"]), df2 = fmt(df.residual(fit)),
                                         ss = "NA", F = fmt(a[terms, "F"]), p = fmt(a[terms, "Pr(>F)"]))
  }
}
fitrow <- function(case, fit) fits[[length(fits) + 1]] <<- data.frame(id = case, n = nobs(fit), sigma = fmt(sigma(fit)),
                                                                        df = df.residual(fit), rss = fmt(sum(residuals(fit)^2)))

# K10 DrugTest: AVAL at visit 1 ~ ARM + BASE
dt <- transform(drugtest, ARM = factor(Drug), BASE = Pre)
f <- lm(Post ~ ARM + BASE, data = dt)
record("drugtest", f, "ARM", "A"); type3("drugtest", f); fitrow("drugtest", f)

# BtheB: CHG at 2 months ~ ARM + BASE
bb <- transform(btheb, ARM = factor(as.character(treatment)), BASE = bdi.pre, DRUG = factor(as.character(drug)), LENGTH = factor(as.character(length)))
bb2 <- subset(bb, !is.na(bdi.2m)); bb2$CHG <- bb2$bdi.2m - bb2$BASE
f <- lm(CHG ~ ARM + BASE, data = bb2)
record("btheb_chg2", f, "ARM", "TAU"); type3("btheb_chg2", f); fitrow("btheb_chg2", f)
bb2$PCHG <- 100 * bb2$CHG / abs(bb2$BASE)
f <- lm(PCHG ~ ARM + BASE, data = bb2)
record("btheb_pchg2", f, "ARM", "TAU"); fitrow("btheb_pchg2", f)
# BtheB: AVAL at 3 months ~ ARM + BASE + DRUG + LENGTH, equal and proportional weights, HC0-HC3
bb3 <- subset(bb, !is.na(bdi.3m))
f <- lm(bdi.3m ~ ARM + BASE + DRUG + LENGTH, data = bb3)
record("btheb_aval3", f, "ARM", "TAU"); type3("btheb_aval3", f); fitrow("btheb_aval3", f)
record("btheb_aval3_prop", f, "ARM", "TAU", weights = "proportional")
for (hc in c("HC0", "HC1", "HC2", "HC3")) record(paste0("btheb_aval3_", hc), f, "ARM", "TAU", vc = vcovHC(f, type = hc))
type3("btheb_aval3_HC3", f, vc = vcovHC(f, type = "HC3"))
# BtheB subgroup: CHG at 2 months ~ ARM * DRUG + BASE + LENGTH; treatment effect within DRUG; interaction F
f <- lm(CHG ~ ARM * DRUG + BASE + LENGTH, data = transform(bb2, DRUG = factor(as.character(drug)), LENGTH = factor(as.character(length))))
record("btheb_sub_drug", f, "ARM", "TAU", by = "DRUG"); type3("btheb_sub_drug", f); fitrow("btheb_sub_drug", f)

# Simulated: CHG at week 6 ~ ARM + BASE + SITEID + SEX + AGE (continuous)
sm <- subset(sim, !is.na(W6)); sm$CHG <- sm$W6 - sm$BASE
sm <- transform(sm, ARM = factor(ARM), SITEID = factor(SITEID), SEX = factor(SEX))
f <- lm(CHG ~ ARM + BASE + SITEID + SEX + AGE, data = sm)
record("sim_chg6", f, "ARM", "Placebo"); type3("sim_chg6", f); fitrow("sim_chg6", f)
record("sim_chg6_prop", f, "ARM", "Placebo", weights = "proportional")
for (hc in c("HC0", "HC1", "HC2", "HC3")) record(paste0("sim_chg6_", hc), f, "ARM", "Placebo", vc = vcovHC(f, type = hc))
type3("sim_chg6_HC3", f, vc = vcovHC(f, type = "HC3"))
# Simulated subgroup by SEX (with SITEID, AGE): CHG ~ ARM * SEX + BASE + SITEID + AGE
f <- lm(CHG ~ ARM * SEX + BASE + SITEID + AGE, data = sm)
record("sim_sub_sex", f, "ARM", "Placebo", by = "SEX"); type3("sim_sub_sex", f); fitrow("sim_sub_sex", f)

write.csv(do.call(rbind, lsm), "lsmeans.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, dif), "differences.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, t3), "type3.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, fits), "fits.csv", row.names = FALSE, quote = FALSE)
cat(R.version.string, "; emmeans", format(packageVersion("emmeans")), "; car", format(packageVersion("car")),
    "; sandwich", format(packageVersion("sandwich")), "; HSAUR3", format(packageVersion("HSAUR3")), "\n")
