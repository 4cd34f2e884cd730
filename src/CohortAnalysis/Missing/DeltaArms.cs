namespace CohortAnalysis.Missing;

/// <summary>Which arms' imputed values a delta adjustment shifts.</summary>
public enum DeltaArms
{
    /// <summary>Every arm but the reference arm [active] (the usual tipping-point analysis).</summary>
    Active,
    /// <summary>Every arm [all].</summary>
    All,
}
