using System.Globalization;
using CohortAnalysis.Descriptive;

namespace CohortAnalysis.Rendering;

/// <summary>The tidy columns every estimate renders to, in order, with how each cell is read from an
/// <see cref="IEstimate"/>. One definition serves the DataFrame, CSV and JSON renderers, so they always agree.</summary>
/// <remarks>Names are camelCase, as in the CLI's JSON. <c>reference</c> is the reference arm; <c>citation</c> the source
/// of the formula.</remarks>
internal static class EstimateColumns
{
    /// <summary>A text column.</summary>
    internal sealed record Text(string Name, Func<IEstimate, string?> Read);

    /// <summary>A numeric column (NaN when absent).</summary>
    internal sealed record Number(string Name, Func<IEstimate, double> Read);

    /// <summary>An integer column.</summary>
    internal sealed record Count(string Name, Func<IEstimate, int?> Read);

    /// <summary>The columns in display order; each is one of <see cref="Text"/>, <see cref="Number"/>, <see cref="Count"/>.</summary>
    public static IReadOnlyList<object> All { get; } =
    [
        new Text("parameter", e => e.Comparison.Parameter),
        new Number("visit", e => e.Comparison.Visit?.Time ?? double.NaN),
        new Text("visitLabel", e => e.Comparison.Visit?.DisplayName),
        new Text("variable", e => e.Comparison.Variable is { } v ? Comparison.VariableCode(v) : null),
        new Text("subgroup", e => e.Comparison.Subgroup),
        new Text("term", e => e.Comparison.Term),
        new Text("arm", e => e.Comparison.Arm),
        new Text("reference", e => e.Comparison.ReferenceArm),
        new Text("referenceChosen", e => e.Comparison.ReferenceArm is null ? null : ReferenceSourceToken(e.Comparison.ReferenceSource)),
        new Text("missingData", e => e.Comparison.MissingData is { } m ? MissingDataToken(m) : null),
        new Text("name", e => e.Name),
        new Number("estimate", e => e.Estimate),
        new Number("se", e => e.StandardError),
        new Number("df", e => e.DegreesOfFreedom),
        new Number("statistic", e => e.Statistic),
        new Number("pValue", e => e.PValue),
        new Number("ciLower", e => e.Ci.Lower),
        new Number("ciUpper", e => e.Ci.Upper),
        new Number("ciLevel", e => e.Ci.Level),
        new Text("ciMethod", e => CiMethods.Token(e.Ci.Method)),
        new Count("n", e => e.Sizes.Groups.First),
        new Count("nReference", e => e.Sizes.Groups.IsSingleGroup ? null : e.Sizes.Groups.Second),
        new Count("missing", e => e.Sizes.Missing),
        new Count("excluded", e => e.Sizes.Excluded),
        new Text("method", e => e.Method),
        new Text("citation", e => e.Reference),
        new Text("note", e => string.IsNullOrEmpty(e.Note) ? null : e.Note),
    ];

    /// <summary>The descriptive statistics of an <see cref="IDescribedSample"/> (a change-from-baseline cell), added after
    /// <see cref="All"/> when any row has them: sd, median, q1, q3, min, max.</summary>
    public static IReadOnlyList<object> Descriptive { get; } =
    [
        new Number("sd", e => (e as IDescribedSample)?.Summary.Sd ?? double.NaN),
        new Number("median", e => (e as IDescribedSample)?.Summary.Median ?? double.NaN),
        new Number("q1", e => (e as IDescribedSample)?.Summary.Q1 ?? double.NaN),
        new Number("q3", e => (e as IDescribedSample)?.Summary.Q3 ?? double.NaN),
        new Number("min", e => (e as IDescribedSample)?.Summary.Min ?? double.NaN),
        new Number("max", e => (e as IDescribedSample)?.Summary.Max ?? double.NaN),
    ];

    /// <summary>How an estimate pooled over imputations was made (<see cref="Missing.PooledEstimate"/>), added after
    /// <see cref="All"/> when any row is one: imputations (M, or jackknife / bootstrap samples), fractionMissingInformation
    /// (NaN for conditional mean imputation), delta.</summary>
    public static IReadOnlyList<object> Imputation { get; } =
    [
        new Count("imputations", e => (e as Missing.PooledEstimate)?.Imputations),
        new Number("fractionMissingInformation", e => (e as Missing.PooledEstimate)?.FractionMissingInformation ?? double.NaN),
        new Number("delta", e => (e as Missing.PooledEstimate)?.Delta ?? double.NaN),
    ];

    /// <summary>The columns for <paramref name="rows"/>: <see cref="All"/>, then <see cref="Descriptive"/> when a row describes
    /// a sample and <see cref="Imputation"/> when a row is pooled over imputations.</summary>
    public static IReadOnlyList<object> For(IReadOnlyCollection<IEstimate> rows) =>
    [
        .. All,
        .. rows.Any(r => r is IDescribedSample) ? Descriptive : [],
        .. rows.Any(r => r is Missing.PooledEstimate) ? Imputation : [],
    ];

    /// <summary>"given", "placebo-name", "first-alphabetical".</summary>
    public static string ReferenceSourceToken(ReferenceArmSource source) => source switch
    {
        ReferenceArmSource.Given => "given",
        ReferenceArmSource.GuessedPlacebo => "placebo-name",
        ReferenceArmSource.GuessedFirstAlphabetical => "first-alphabetical",
        _ => "not-applicable",
    };

    /// <summary>"oc", "locf", "bocf", "wocf" (the CLI's spelling), "multiple-imputation", "conditional-mean".</summary>
    public static string MissingDataToken(MissingDataMethod method) => method switch
    {
        MissingDataMethod.ObservedCases => "oc",
        MissingDataMethod.Locf => "locf",
        MissingDataMethod.Bocf => "bocf",
        MissingDataMethod.Wocf => "wocf",
        MissingDataMethod.MultipleImputation => "multiple-imputation",
        MissingDataMethod.ConditionalMeanImputation => "conditional-mean",
        _ => method.ToString().ToLowerInvariant(),
    };

    /// <summary>Round-trip text of a number for CSV; empty for NaN (R's <c>read.csv</c> and SAS read it as missing).</summary>
    public static string Invariant(double x) => double.IsNaN(x) ? "" : double.IsPositiveInfinity(x) ? "Inf"
        : double.IsNegativeInfinity(x) ? "-Inf" : x.ToString("R", CultureInfo.InvariantCulture);
}
