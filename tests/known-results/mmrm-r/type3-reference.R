# Type III F tests of the MMRM (tests/CohortAnalysis.Tests/Models/MmrmTypeIIITests.cs). Run from this folder:
#   Rscript type3-reference.R
# Reads kr-balanced.csv and sim-long.csv (written by make-reference.R) and writes type3-reference.csv.
# Oracles (independent implementations, not ours): lmerTest::anova(type = 3) on lmer (1 | subject), the CS model when
# the within-subject correlation is positive, with ddf = "Satterthwaite" (multi-df F of Fai & Cornelius 1996, as SAS)
# and ddf = "Kenward-Roger" (pbkrtest underneath: the scaled F, numerator df and denominator df m of Kenward & Roger
# 1997, section 4); pbkrtest::KRmodcomp (full model vs the model without the term) for the interaction, which also
# reports the scale lambda. pbkrtest uses the expected information of the covariance parameters, SAS and we the
# observed one: they agree on complete balanced data (kr-balanced.csv), not on sim-long.csv (dropout).
suppressPackageStartupMessages({ library(lme4); library(lmerTest); library(pbkrtest) })
versions <- sprintf("R %s; lme4 %s; lmerTest %s; pbkrtest %s", getRversion(), packageVersion("lme4"),
  packageVersion("lmerTest"), packageVersion("pbkrtest"))
out <- list()
add <- function(case, term, numdf, dendf, f, p, scale)
  out[[length(out) + 1]] <<- data.frame(case = case, term = term, numdf = numdf, dendf = sprintf("%.15g", dendf),
    f = sprintf("%.15g", f), p = sprintf("%.15g", p), scale = sprintf("%.15g", scale))
terms <- function(x) gsub(":", "*", x)

bal <- read.csv("kr-balanced.csv")
bal$arm <- factor(bal$arm, levels = c("Placebo", "Active")); bal$visit <- factor(bal$visit)
sim <- read.csv("sim-long.csv")
sim$arm <- factor(sim$arm, levels = c("Placebo", "Low", "High")); sim$visit <- factor(sim$visit); sim$sex <- factor(sim$sex)

fits <- list(
  balanced = lmerTest::lmer(y ~ arm * visit + (1 | subject), data = bal, REML = TRUE),
  sim = lmerTest::lmer(chg ~ arm * visit + base * visit + sex + (1 | subject), data = sim, REML = TRUE))
for (name in names(fits)) for (ddf in c("Satterthwaite", "Kenward-Roger")) {
  a <- anova(fits[[name]], type = 3, ddf = ddf)
  for (i in seq_len(nrow(a)))
    add(paste(name, if (ddf == "Satterthwaite") "satterthwaite" else "kr", sep = "_"), terms(rownames(a)[i]),
        a$NumDF[i], a$DenDF[i], a$`F value`[i], a$`Pr(>F)`[i], NA)
}
# KRmodcomp for the arm x visit interaction on the balanced data: F scaled, ddf and the scale lambda.
full <- lme4::lmer(y ~ arm * visit + (1 | subject), data = bal, REML = TRUE)
reduced <- lme4::lmer(y ~ arm + visit + (1 | subject), data = bal, REML = TRUE)
kr <- KRmodcomp(full, reduced)$stats
add("balanced_krmodcomp", "arm*visit", kr$ndf, kr$ddf, kr$Fstat, kr$p.value, kr$F.scaling)

res <- do.call(rbind, out)
write.csv(res, "type3-reference.csv", row.names = FALSE, na = "", quote = FALSE)
cat(paste("#", versions), "\n", file = "type3-reference.csv", append = TRUE, sep = "")
cat(versions, "\n"); print(res)
si <- capture.output(sessionInfo())
writeLines(c("# sessionInfo() of the run that wrote type3-reference.csv", si), "type3-sessionInfo.txt")
