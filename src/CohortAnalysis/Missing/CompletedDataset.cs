namespace CohortAnalysis.Missing;

/// <summary>One completed dataset handed to a user analysis: every analysed subject (a jackknife or bootstrap sample
/// may leave one out or repeat one) at every post-baseline visit, observed or imputed.</summary>
/// <remarks>Read-only view; valid during the call only (do not keep it). Rows are subjects in sample order.</remarks>
public sealed class CompletedDataset
{
    private readonly ImputationData _data;
    private readonly int[] _subjects;
    private readonly double[] _values;

    internal CompletedDataset(ImputationData data, int[] subjects, double[] values)
    {
        _data = data;
        _subjects = subjects;
        _values = values;
    }

    /// <summary>Rows (subjects in the sample).</summary>
    public int Count => _subjects.Length;
    /// <summary>The post-baseline visits, in column order.</summary>
    public IReadOnlyList<Visit> Visits => _data.Visits;
    /// <summary>The arms; <see cref="ArmIndex"/> indexes them.</summary>
    public IReadOnlyList<string> Arms => _data.ArmLevels;
    /// <summary>The reference arm.</summary>
    public string ReferenceArm => _data.ArmLevels[_data.ReferenceArm];
    /// <summary>The outcome (CHG by default).</summary>
    public ChangeVariable Outcome => _data.Outcome;
    /// <summary>Subject identifier of row <paramref name="row"/>.</summary>
    public string Subject(int row) => _data.SubjectIds[_subjects[row]];
    /// <summary>Arm index (into <see cref="Arms"/>) of row <paramref name="row"/>.</summary>
    public int ArmIndex(int row) => _data.Arm[_subjects[row]];
    /// <summary>Baseline value of row <paramref name="row"/>.</summary>
    public double Baseline(int row) => _data.Baseline[_subjects[row]];
    /// <summary>Level of a covariate (one of the options' covariates) for row <paramref name="row"/>.</summary>
    public string Covariate(int row, string name)
    {
        foreach (var (n, values) in _data.Covariates)
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return values[_subjects[row]];
        throw new ArgumentException($"No covariate '{name}' in the imputation; covariates are: {(_data.Covariates.Count == 0 ? "none" : string.Join(", ", _data.Covariates.Select(c => c.Name)))}.", nameof(name));
    }
    /// <summary>The outcome of row <paramref name="row"/> at visit column <paramref name="visit"/>.</summary>
    public double Value(int row, int visit) => _values[_subjects[row] * _data.T + visit];
    /// <summary>Whether that value was imputed.</summary>
    public bool IsImputed(int row, int visit) => !_data.IsUsed(_subjects[row], visit);
}

/// <summary>One estimate of a complete-data analysis, with the variance and df that pooling needs.</summary>
/// <remarks>Immutable. Every call of an analysis must return the same estimates (same names and comparisons, same order).</remarks>
/// <param name="Comparison">What the estimate compares (parameter, visit, arms…); carried to the pooled estimate.</param>
/// <param name="Name">Display name, e.g. "LS mean difference".</param>
/// <param name="Estimate">The complete-data estimate.</param>
/// <param name="Variance">Its variance (SE²).</param>
/// <param name="DegreesOfFreedom">Complete-data df (n − p for a linear model); ∞ for a large-sample analysis.</param>
public sealed record CompleteDataEstimate(Comparison Comparison, string Name, double Estimate, double Variance, double DegreesOfFreedom);

/// <summary>A user analysis of one completed dataset; called concurrently, so it must not mutate shared state.</summary>
/// <param name="data">The completed dataset.</param>
/// <returns>The same labelled estimates on every call.</returns>
public delegate IReadOnlyList<CompleteDataEstimate> CompleteDataAnalysis(CompletedDataset data);
