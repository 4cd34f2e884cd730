using System.Globalization;

namespace CohortAnalysis;

/// <summary>A confidence interval: its bounds, its confidence level and the method that produced it.</summary>
/// <remarks>Immutable. A one-sided interval has one infinite bound. Bounds are <see cref="double.NaN"/>
/// when the interval cannot be estimated (the owning result says why).</remarks>
/// <param name="Lower">Lower bound (may be −∞ for a one-sided interval).</param>
/// <param name="Upper">Upper bound (may be +∞ for a one-sided interval).</param>
/// <param name="Level">Confidence level, strictly between 0 and 1 (e.g. 0.95).</param>
/// <param name="Method">How the interval was computed.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level, CiMethod Method)
{
    /// <summary>An interval that could not be estimated.</summary>
    public static ConfidenceInterval NotEstimable(double level, CiMethod method) => new(double.NaN, double.NaN, level, method);

    /// <summary>No interval at all: the result is a test (level NaN, method <see cref="CiMethod.None"/>).</summary>
    public static ConfidenceInterval None => new(double.NaN, double.NaN, double.NaN, CiMethod.None);

    /// <summary>Whether <paramref name="value"/> lies inside the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Level * 100:0.##}% CI [{Format(Lower)}, {Format(Upper)}] ({CiMethods.Describe(Method)})");

    private static string Format(double x) =>
        double.IsNaN(x) ? "NA" : double.IsPositiveInfinity(x) ? "Inf" : double.IsNegativeInfinity(x) ? "-Inf" : x.ToString("0.####", CultureInfo.InvariantCulture);
}
