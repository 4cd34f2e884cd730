namespace CohortAnalysis.Tests.Data;

/// <summary>Small hand-written cohort files for reader tests.</summary>
internal static class CsvText
{
    public const string Header = "USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,AVAL";

    /// <summary>Two subjects per arm, MADRS at weeks 0, 1, 6; S4 misses week 6.</summary>
    public const string Small = Header + "\n" +
        "S1,Placebo,MADRS,0,Baseline,30\n" +
        "S1,Placebo,MADRS,1,Week 1,28\n" +
        "S1,Placebo,MADRS,6,Week 6,25\n" +
        "S2,Placebo,MADRS,0,Baseline,34\n" +
        "S2,Placebo,MADRS,1,Week 1,NA\n" +
        "S2,Placebo,MADRS,6,Week 6,30\n" +
        "S3,Psilocybin 25 mg,MADRS,0,Baseline,32\n" +
        "S3,Psilocybin 25 mg,MADRS,1,Week 1,20\n" +
        "S3,Psilocybin 25 mg,MADRS,6,Week 6,12.5\n" +
        "S4,Psilocybin 25 mg,MADRS,0,Baseline,28\n" +
        "S4,Psilocybin 25 mg,MADRS,1,Week 1,14\n";

    public static Cohort Read(string csv, string name = "test.csv", CohortAnalysis.Data.CohortReadOptions? options = null) =>
        CohortAnalysis.Data.CohortCsvReader.Parse(csv, name, options);
}
