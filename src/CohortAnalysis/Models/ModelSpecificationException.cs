namespace CohortAnalysis.Models;

/// <summary>The data cannot support the model asked for: one arm only, a visit with no data, a covariate constant over
/// the records analysed, collinear covariates, a subject in two arms, fewer subjects than covariance parameters.</summary>
/// <remarks>The message names the variable, level or subject and the counts involved, so the user can fix the model or
/// the data. Thrown before any estimation starts.</remarks>
public sealed class ModelSpecificationException : Exception
{
    /// <summary>Creates the exception with a message that names what is wrong.</summary>
    public ModelSpecificationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ModelSpecificationException(string message, Exception inner) : base(message, inner) { }
}
