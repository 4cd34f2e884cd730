# Reference values for the MMRM against R (tests/CohortAnalysis.Tests/Models/MmrmRTests.cs). Run from this folder:
#   Rscript make-reference.R
# Writes the data the tests read (btheb-long.csv, sim-long.csv) and the values (reference.csv, kr-reference.csv).
# Oracles: nlme::gls (REML) gives log-likelihood, LS means, differences and their SEs; emmeans(mode = "satterthwaite")
# on the gls fit gives Satterthwaite df (from nlme's numerically differentiated apVar, so good to ~1e-3 relative
# only); lmerTest (lmer (1 | id), which is the CS model when the within-subject correlation is positive) gives
# Satterthwaite df; pbkrtest (vcovAdj, get_Lb_ddf on lmer, expected information) gives the Kenward-Roger adjusted
# SE and df on complete balanced data, where expected and observed information agree.
suppressPackageStartupMessages({ library(nlme); library(emmeans); library(lme4); library(lmerTest); library(pbkrtest); library(HSAUR3) })
versions <- sprintf("R %s; nlme %s; emmeans %s; lme4 %s; lmerTest %s; pbkrtest %s; HSAUR3 %s", getRversion(),
  packageVersion("nlme"), packageVersion("emmeans"), packageVersion("lme4"), packageVersion("lmerTest"),
  packageVersion("pbkrtest"), packageVersion("HSAUR3"))
out <- list()
add <- function(case, kind, arm, visit, ref, estimate, se, df) out[[length(out) + 1]] <<-
  data.frame(case = case, kind = kind, arm = arm, visit = visit, reference = ref,
             estimate = sprintf("%.12g", estimate), se = sprintf("%.12g", se), df = sprintf("%.10g", df))

# Beat the Blues: bdi at 2, 3, 5, 8 months; baseline bdi.pre; treatment, drug, length.
data("BtheB", package = "HSAUR3")
b <- BtheB; b$subject <- sprintf("B%03d", seq_len(nrow(b)))
long <- reshape(b, direction = "long", varying = c("bdi.2m", "bdi.3m", "bdi.5m", "bdi.8m"), v.names = "bdi",
                timevar = "month", times = c(2, 3, 5, 8), idvar = "subject")
long <- long[!is.na(long$bdi), ]
long <- long[order(long$subject, long$month), ]
long$visit <- factor(sprintf("M%d", long$month), levels = c("M2", "M3", "M5", "M8"))
long$vis <- as.integer(long$visit)
long$treatment <- relevel(long$treatment, ref = "TAU")
write.csv(long[, c("subject", "treatment", "drug", "length", "bdi.pre", "month", "visit", "bdi")],
          "btheb-long.csv", row.names = FALSE)

# Simulated: 3 arms, 4 visits, unstructured truth, dropout at random given the last observed value (MAR).
set.seed(20261202)
n <- 90; visits <- 4
arm <- factor(rep(c("Placebo", "Low", "High"), length.out = n), levels = c("Placebo", "Low", "High"))
sex <- factor(sample(c("F", "M"), n, replace = TRUE))
base <- round(rnorm(n, 30, 5), 1)
sd <- c(5, 6, 7, 8); r <- outer(1:visits, 1:visits, function(i, j) 0.75^abs(i - j) + 0.05 * (i != j))
sigma <- diag(sd) %*% r %*% diag(sd)
mu <- rbind(c(-3, -5, -6, -7), c(-4, -6, -8, -9), c(-5, -8, -10, -12))
e <- matrix(rnorm(n * visits), n) %*% chol(sigma)
sim <- do.call(rbind, lapply(seq_len(n), function(i) {
  y <- mu[as.integer(arm[i]), ] - 0.3 * (base[i] - 30) + e[i, ]
  keep <- rep(TRUE, visits)
  for (v in 2:visits) if (!keep[v - 1] || runif(1) < plogis(-3 + 0.15 * y[v - 1])) keep[v:visits] <- FALSE
  if (runif(1) < 0.1) keep[sample(2:visits, 1)] <- FALSE # an intermittent gap
  data.frame(subject = sprintf("S%03d", i), arm = arm[i], sex = sex[i], base = base[i],
             visit = factor(sprintf("V%d", 1:visits), levels = sprintf("V%d", 1:visits)), chg = round(y, 3))[keep, ]
}))
sim$vis <- as.integer(sim$visit)
write.csv(sim[, c("subject", "arm", "sex", "base", "visit", "chg")], "sim-long.csv", row.names = FALSE)

# Each gls call is written out literally (emmeans re-evaluates the call; a formula taken from a list crashes it).
cor_text <- c(un = "correlation = corSymm(form = ~ vis | subject), weights = varIdent(form = ~ 1 | visit)",
              cs = "correlation = corCompSymm(form = ~ vis | subject)", ar1 = "correlation = corAR1(form = ~ vis | subject)")
models <- list(btheb = list(data = "long", formula = "bdi ~ treatment * visit + bdi.pre * visit + drug + length", arm = "treatment", ref = "TAU"),
               sim = list(data = "sim", formula = "chg ~ arm * visit + base * visit + sex", arm = "arm", ref = "Placebo"))
for (data_name in names(models)) for (s in names(cor_text)) {
  m <- models[[data_name]]
  fit <- eval(parse(text = sprintf("gls(%s, data = %s, method = 'REML', %s, control = glsControl(maxIter = 500, msMaxIter = 500, tolerance = 1e-10, msTol = 1e-10, msVerbose = FALSE))",
                                   m$formula, m$data, cor_text[[s]])))
  case <- paste(data_name, s, sep = "_")
  add(case, "logLik", "", "", "", as.numeric(logLik(fit)), NA, NA)
  em <- eval(parse(text = sprintf("emmeans(fit, ~ %s | visit, mode = 'satterthwaite', data = %s)", m$arm, m$data)))
  sm <- summary(em)
  for (i in seq_len(nrow(sm))) add(case, "lsmean", as.character(sm[[m$arm]][i]), as.character(sm$visit[i]), "", sm$emmean[i], sm$SE[i], sm$df[i])
  ct <- summary(contrast(em, "trt.vs.ctrl", ref = 1))
  for (i in seq_len(nrow(ct))) add(case, "difference", sub(" - .*", "", ct$contrast[i]), as.character(ct$visit[i]), m$ref, ct$estimate[i], ct$SE[i], ct$df[i])
}
# CS as lmer (1 | subject): lmerTest Satterthwaite df for the same LS means and differences (simulated data).
lm1 <- lmerTest::lmer(chg ~ arm * visit + base * visit + sex + (1 | subject), data = sim, REML = TRUE)
em <- emmeans(lm1, ~ arm | visit, lmer.df = "satterthwaite")
sm <- summary(em)
for (i in seq_len(nrow(sm))) add("sim_cs_lmer", "lsmean", as.character(sm$arm[i]), as.character(sm$visit[i]), "", sm$emmean[i], sm$SE[i], sm$df[i])
ct <- summary(contrast(em, "trt.vs.ctrl", ref = 1))
for (i in seq_len(nrow(ct))) add("sim_cs_lmer", "difference", sub(" - .*", "", ct$contrast[i]), as.character(ct$visit[i]), "Placebo", ct$estimate[i], ct$SE[i], ct$df[i])
add("sim_cs_lmer", "logLik", "", "", "", as.numeric(logLik(lm1)), NA, NA)

# Kenward-Roger on complete balanced data (the simulated subjects, every visit, no covariates but arm and visit).
set.seed(7)
bal <- expand.grid(visit = factor(sprintf("V%d", 1:4)), subject = sprintf("K%03d", 1:24))
bal$arm <- factor(ifelse(as.integer(factor(bal$subject)) %% 2 == 0, "Active", "Placebo"), levels = c("Placebo", "Active"))
u <- rnorm(24, 0, 3)
bal$y <- round(10 + 2 * (bal$arm == "Active") * as.integer(bal$visit) + u[as.integer(factor(bal$subject))] + rnorm(nrow(bal), 0, 2), 3)
write.csv(bal[, c("subject", "arm", "visit", "y")], "kr-balanced.csv", row.names = FALSE)
lk <- lme4::lmer(y ~ arm * visit + (1 | subject), data = bal, REML = TRUE)
emk <- emmeans(lk, ~ arm | visit, lmer.df = "kenward-roger")
sk <- summary(emk)
for (i in seq_len(nrow(sk))) add("kr_cs", "lsmean", as.character(sk$arm[i]), as.character(sk$visit[i]), "", sk$emmean[i], sk$SE[i], sk$df[i])
ck <- summary(contrast(emk, "trt.vs.ctrl", ref = 1))
for (i in seq_len(nrow(ck))) add("kr_cs", "difference", sub(" - .*", "", ck$contrast[i]), as.character(ck$visit[i]), "Placebo", ck$estimate[i], ck$SE[i], ck$df[i])
# The arm main effect averaged over visits: an exact between-subject t test (df = 22) that KR must reproduce.
avg <- summary(contrast(emmeans(lk, ~ arm, lmer.df = "kenward-roger"), "trt.vs.ctrl", ref = 1))
add("kr_cs", "difference", "Active", "average", "Placebo", avg$estimate, avg$SE, avg$df)

res <- do.call(rbind, out)
write.csv(res, "reference.csv", row.names = FALSE, na = "")
cat(paste("#", versions), "\n", file = "reference.csv", append = TRUE, sep = "")
cat(versions, "\n"); print(table(res$case))
