using CohortAnalysis.Descriptive;

namespace CohortAnalysis.Change;

/// <summary>Options of <see cref="ChangeFromBaseline.Summarize(Cohort, ChangeSummaryOptions?)"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record ChangeSummaryOptions
{
    /// <summary>The defaults.</summary>
    public static ChangeSummaryOptions Default { get; } = new();

    /// <value>Default null: every parameter of the cohort. Otherwise the codes (or instrument aliases) to summarise.</value>
    public IReadOnlyList<string>? Parameters { get; init; }

    /// <value>Default <see cref="MissingDataMethod.ObservedCases"/>.</value>
    public MissingDataMethod MissingData { get; init; } = MissingDataMethod.ObservedCases;

    /// <value>Default 0.95 (R <c>t.test</c>, SAS PROC MEANS <c>ALPHA=0.05</c>): level of the t CI of each mean.</value>
    public double CiLevel { get; init; } = 0.95;

    /// <value>Default <see cref="QuantileMethod.SasDefinition5"/> (SAS PCTLDEF=5, = R type 2): median, Q1 and Q3 as a
    /// SAS table shows them; <see cref="QuantileMethod.R7"/> gives R's and numpy's default.</value>
    public QuantileMethod QuantileMethod { get; init; } = QuantileMethod.SasDefinition5;
}
