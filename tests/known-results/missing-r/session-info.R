# Writes sessionInfo.txt: the R and package versions the reference values were made with. Run from this folder.
suppressPackageStartupMessages({ library(nlme); library(mice) })
writeLines(capture.output(sessionInfo()), "sessionInfo.txt")
