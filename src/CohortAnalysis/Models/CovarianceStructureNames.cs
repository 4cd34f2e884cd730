namespace CohortAnalysis.Models;

/// <summary>How a <see cref="CovarianceStructure"/> is named in words and in SAS PROC MIXED (<c>TYPE=</c>).</summary>
public static class CovarianceStructureNames
{
    /// <summary>The structure in words, e.g. "unstructured", "heterogeneous Toeplitz", "AR(1)".</summary>
    /// <param name="structure">The structure.</param>
    public static string Describe(CovarianceStructure structure) => MmrmEstimation.Describe(structure);

    /// <summary>The SAS PROC MIXED spelling: UN, CS, CSH, AR(1), ARH(1), TOEP, TOEPH, ANTE(1), SP(EXP).</summary>
    /// <param name="structure">The structure.</param>
    public static string Sas(CovarianceStructure structure) => structure switch
    {
        CovarianceStructure.Unstructured => "UN",
        CovarianceStructure.CompoundSymmetry => "CS",
        CovarianceStructure.HeterogeneousCompoundSymmetry => "CSH",
        CovarianceStructure.Autoregressive => "AR(1)",
        CovarianceStructure.HeterogeneousAutoregressive => "ARH(1)",
        CovarianceStructure.Toeplitz => "TOEP",
        CovarianceStructure.HeterogeneousToeplitz => "TOEPH",
        CovarianceStructure.AnteDependence => "ANTE(1)",
        CovarianceStructure.SpatialExponential => "SP(EXP)",
        _ => structure.ToString(),
    };
}
