namespace CohortAnalysis.Models;

/// <summary>How a factor's levels become design-matrix columns when the factor's marginal term is in the model.</summary>
/// <remarks>LS means, their differences and every estimable function are the same under both; only the individual
/// coefficients differ.</remarks>
internal enum FactorCoding
{
    /// <summary>Treatment contrasts with the first level as reference (R <c>contr.treatment</c>).</summary>
    ReferenceFirst,
    /// <summary>The last level's column is dropped (SAS GLM parameterisation as printed by PROC MIXED SOLUTION).</summary>
    ReferenceLast,
}
