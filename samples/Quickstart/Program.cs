// The README quick start, line for line (CI runs it).
using CohortAnalysis;
using CohortAnalysis.Change;
using CohortAnalysis.Data;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Responders;

Cohort cohort = DemoTrial.Load();                                  // or CohortCsvReader.Read("adqs.csv")
Console.WriteLine(cohort.Report);                                  // rows read, loaded, excluded, and why
Console.WriteLine(ChangeFromBaseline.Summarize(cohort));           // n, mean, SD, t CI, median, Q1, Q3 by arm × visit
Trajectories madrs = Trajectories.Of(cohort, "MADRS", MissingDataMethod.Locf);
Console.WriteLine(EffectSizeAnalysis.AtVisit(madrs, 6, new() { Measure = EffectSizeMeasure.HedgesG }));
Console.WriteLine(ResponderAnalysis.Analyze(madrs, ResponderRule.Response(madrs.Instrument!), 12));
