# Sourced by the benchmark scripts: what they share.
#   median                  reads numbers on standard input, prints their median
#   small_trial_csv FILE    writes the seeded 100 + 100-subject MADRS file (baseline and week 12) that the bootstrap
#                           rows time: awk's generator, Box-Muller normals, the same bytes on every run
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

small_trial_csv() {
  awk -v seed=16 'BEGIN {
  srand(seed); print "USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,ABLFL,AVAL"
  for (s = 1; s <= 200; s++) {
    arm = (s % 2) ? "Active" : "Placebo"
    b = int(30 + 5 * sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand()) + 0.5)
    w = int(b - (arm == "Active" ? 12 : 7) + 8 * sqrt(-2 * log(1 - rand())) * cos(6.283185307179586 * rand()) + 0.5)
    if (b < 0) b = 0; if (b > 60) b = 60; if (w < 0) w = 0; if (w > 60) w = 60
    printf "S%03d,%s,MADRS,0,Baseline,Y,%d\nS%03d,%s,MADRS,12,Week 12,,%d\n", s, arm, b, s, arm, w
  } }' > "$1"
}
