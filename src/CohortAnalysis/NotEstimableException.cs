namespace CohortAnalysis;

/// <summary>The data do not allow the estimate (too few values, zero variance), as opposed to an invalid option.</summary>
/// <remarks>Derives from <see cref="ArgumentException"/>, which the estimators documented before it existed. Tables catch
/// only this exception and show the cell as not estimable with its reason; an invalid option always propagates.</remarks>
public sealed class NotEstimableException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public NotEstimableException(string message, string? paramName = null) : base(message, paramName) { }

    /// <summary>Creates the exception.</summary>
    public NotEstimableException() { }

    /// <summary>Creates the exception.</summary>
    public NotEstimableException(string message, Exception innerException) : base(message, innerException) { }
}
