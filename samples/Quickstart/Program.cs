// The README quick start, line for line (CI runs it).
using CohortAnalysis;
using CohortAnalysis.Data;

Cohort cohort = DemoTrial.Load();                       // or CohortCsvReader.Read("adqs.csv")
Console.WriteLine(cohort.Describe());                   // arms, visits, completeness, data-quality report
foreach (DataIssue issue in cohort.Report.Issues)       // nothing is excluded silently
    Console.WriteLine(issue);
Observation first = cohort.Observations.First(o => o.Visit.Time == 6);
Console.WriteLine($"{first.Subject} {first.Parameter} week 6: CHG = {first.Change}, PCHG = {first.PercentChange:0.0}%");
