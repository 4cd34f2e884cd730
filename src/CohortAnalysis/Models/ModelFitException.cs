namespace CohortAnalysis.Models;

/// <summary>A model could not be estimated: the likelihood maximisation did not converge, or converged to a
/// covariance matrix that is not positive definite, for every structure tried.</summary>
/// <remarks>The message lists each structure tried and why it failed. A fit never returns a table of NaN instead.</remarks>
public sealed class ModelFitException : Exception
{
    /// <summary>Creates the exception with a message that names the structures tried and why each failed.</summary>
    public ModelFitException(string message) : base(message) { }
}
