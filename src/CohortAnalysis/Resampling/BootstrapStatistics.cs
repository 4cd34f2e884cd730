namespace CohortAnalysis.Resampling;

/// <summary>A statistic of one sample, recomputed on every bootstrap resample.</summary>
/// <param name="sample">The (resampled) data.</param>
public delegate double SampleStatistic(ReadOnlySpan<double> sample);

/// <summary>A statistic of two samples (two groups, or the two members of each pair), recomputed on every resample.</summary>
/// <param name="x">The first group (or first member of each pair).</param>
/// <param name="y">The second group (or second member of each pair).</param>
public delegate double TwoSampleStatistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y);
