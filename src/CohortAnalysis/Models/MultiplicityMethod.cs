namespace CohortAnalysis.Models;

/// <summary>How a family of p-values is adjusted for multiplicity. Each member's doc gives the R <c>p.adjust</c> spelling.</summary>
public enum MultiplicityMethod
{
    /// <summary>Bonferroni: min(1, m·p). R <c>p.adjust(method = "bonferroni")</c>. Controls the familywise error rate (FWER).</summary>
    Bonferroni,
    /// <summary>Holm's step-down Bonferroni. R <c>"holm"</c> (R's default). FWER.</summary>
    Holm,
    /// <summary>Hochberg's step-up procedure (valid under independence or positive dependence). R <c>"hochberg"</c>. FWER.</summary>
    Hochberg,
    /// <summary>Hommel's closed Simes procedure (valid under the Simes conditions). R <c>"hommel"</c>. FWER.</summary>
    Hommel,
    /// <summary>Benjamini–Hochberg step-up. R <c>"BH"</c> (alias <c>"fdr"</c>). Controls the false discovery rate (FDR).</summary>
    BenjaminiHochberg,
    /// <summary>Benjamini–Yekutieli: BH multiplied by Σ 1/k, FDR under arbitrary dependence. R <c>"BY"</c>.</summary>
    BenjaminiYekutieli,
    /// <summary>Fixed sequence (hierarchical): hypotheses tested in the given order, each at full α, stopping at the first
    /// non-rejection; adjusted p = running maximum. Not in <c>p.adjust</c>; the graph with weights (1, 0, …) and a chain of
    /// transitions of 1 (Bretz et al. 2009). FWER.</summary>
    FixedSequence,
}

internal static class MultiplicityMethods
{
    public static string Describe(MultiplicityMethod method) => method switch
    {
        MultiplicityMethod.Bonferroni => "Bonferroni",
        MultiplicityMethod.Holm => "Holm step-down",
        MultiplicityMethod.Hochberg => "Hochberg step-up",
        MultiplicityMethod.Hommel => "Hommel (closed Simes)",
        MultiplicityMethod.BenjaminiHochberg => "Benjamini-Hochberg",
        MultiplicityMethod.BenjaminiYekutieli => "Benjamini-Yekutieli",
        MultiplicityMethod.FixedSequence => "fixed sequence",
        _ => method.ToString(),
    };

    public static string ErrorRate(MultiplicityMethod method) =>
        method is MultiplicityMethod.BenjaminiHochberg or MultiplicityMethod.BenjaminiYekutieli ? "FDR" : "FWER";

    public static string Reference(MultiplicityMethod method) => method switch
    {
        MultiplicityMethod.Bonferroni => Citations.Dunn1961,
        MultiplicityMethod.Holm => Citations.Holm1979,
        MultiplicityMethod.Hochberg => Citations.Hochberg1988,
        MultiplicityMethod.Hommel => Citations.Hommel1988 + " Adjusted p-values: " + Citations.Wright1992,
        MultiplicityMethod.BenjaminiHochberg => Citations.BenjaminiHochberg1995,
        MultiplicityMethod.BenjaminiYekutieli => Citations.BenjaminiYekutieli2001,
        MultiplicityMethod.FixedSequence => Citations.Maurer1995,
        _ => "",
    };
}
