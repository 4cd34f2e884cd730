using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>The data of an MMRM arranged for estimation: the fixed-effects frame, and the records grouped by subject and
/// sorted by visit, with each subject's covariance group.</summary>
/// <remarks>Refuses (with <see cref="ModelSpecificationException"/>) a subject observed twice at one visit and a subject
/// whose covariance group (arm) changes between records.</remarks>
internal sealed class MmrmDesign
{
    private MmrmDesign() { }

    public required ModelFrame Frame { get; init; }
    /// <summary>Frame rows in estimation order (subject, then visit).</summary>
    public required int[] Order { get; init; }
    public required int[] SubjectStart { get; init; }
    public required int[] Visit { get; init; }
    public required double[] Y { get; init; }
    public required double[] X { get; init; }
    public required string[] SubjectIds { get; init; }
    public required FactorVariable VisitFactor { get; init; }
    public required double[] VisitTimes { get; init; }
    public required int[] SubjectGroup { get; init; }
    public required string[] GroupLabels { get; init; }
    /// <summary>Candidate records without a response.</summary>
    public required int MissingResponse { get; init; }

    /// <summary>Arranges the records.</summary>
    /// <param name="data">Records, one per subject and visit.</param>
    /// <param name="response">Numeric response variable.</param>
    /// <param name="subject">Subject factor.</param>
    /// <param name="visit">Visit factor (its level order is the covariance's visit order).</param>
    /// <param name="terms">Fixed-effect terms.</param>
    /// <param name="group">Factor whose levels get separate covariance matrices (SAS GROUP=), or null.</param>
    /// <param name="visitTimes">Coordinates of the visit levels for spatial structures; null = 1, 2, …</param>
    /// <param name="coding">Factor coding.</param>
    /// <param name="arm">Treatment factor, which must be constant within each subject; null = not checked.</param>
    public static MmrmDesign Build(ModelData data, string response, string subject, string visit, IReadOnlyList<ModelTerm> terms,
        string? group = null, double[]? visitTimes = null, FactorCoding coding = FactorCoding.ReferenceFirst, string? arm = null)
    {
        var arms = arm is null ? null : (FactorVariable)data[arm];
        var y = (NumericVariable)data[response];
        var subjects = (FactorVariable)data[subject];
        var visits = (FactorVariable)data[visit];
        var groups = group is null ? null : (FactorVariable)data[group];
        var candidates = new List<int>();
        int missing = 0;
        for (int r = 0; r < data.RowCount; r++)
        {
            if (subjects.Codes[r] < 0 || visits.Codes[r] < 0 || groups is not null && groups.Codes[r] < 0) continue;
            if (double.IsNaN(y.Values[r])) { missing++; continue; }
            candidates.Add(r);
        }
        var frame = new ModelFrame(data, terms, true, candidates, coding);
        int[] order = Enumerable.Range(0, frame.Rows.Length)
            .OrderBy(i => subjects.Codes[frame.Rows[i]]).ThenBy(i => visits.Codes[frame.Rows[i]]).ToArray();
        int p = frame.ColumnCount;
        var start = new List<int> { 0 };
        var visitIndex = new int[order.Length];
        var yy = new double[order.Length];
        var xx = new double[order.Length * p];
        var ids = new List<string>();
        var subjectGroup = new List<int>();
        int subjectArm = -1;
        for (int o = 0; o < order.Length; o++)
        {
            int row = frame.Rows[order[o]];
            visitIndex[o] = visits.Codes[row];
            yy[o] = y.Values[row];
            for (int j = 0; j < p; j++) xx[o * p + j] = frame.X[order[o], j];
            bool newSubject = o == 0 || subjects.Codes[row] != subjects.Codes[frame.Rows[order[o - 1]]];
            string id = subjects.Levels[subjects.Codes[row]];
            if (newSubject)
            {
                if (o > 0) start.Add(o);
                ids.Add(id);
                subjectGroup.Add(groups?.Codes[row] ?? 0);
                subjectArm = arms?.Codes[row] ?? -1;
                continue;
            }
            if (visitIndex[o] == visitIndex[o - 1])
                throw new ModelSpecificationException($"Subject {id} has two records at visit {visits.Levels[visitIndex[o]]}; an MMRM needs one per subject and visit.");
            if (arms is not null && arms.Codes[row] != subjectArm)
                throw new ModelSpecificationException(
                    $"Subject {id} has records in two levels of {arms.Name}: {arms.Levels[subjectArm]} and {arms.Levels[arms.Codes[row]]}; a subject belongs to one arm.");
            if (groups is not null && groups.Codes[row] != subjectGroup[^1])
                throw new ModelSpecificationException(
                    $"Subject {id} appears in {groups.Name} {groups.Levels[subjectGroup[^1]]} and {groups.Levels[groups.Codes[row]]}; a subject belongs to one {groups.Name}.");
        }
        start.Add(order.Length);
        double[] times = visitTimes ?? Enumerable.Range(1, visits.Levels.Length).Select(i => (double)i).ToArray();
        if (times.Length != visits.Levels.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{times.Length} visit times for {visits.Levels.Length} visits."), nameof(visitTimes));
        return new MmrmDesign
        {
            Frame = frame, Order = order, SubjectStart = start.ToArray(), Visit = visitIndex, Y = yy, X = xx,
            SubjectIds = ids.ToArray(), VisitFactor = visits, VisitTimes = times, SubjectGroup = subjectGroup.ToArray(),
            GroupLabels = groups?.Levels ?? ["All"], MissingResponse = missing,
        };
    }

    /// <summary>Number of subjects with at least one record analysed.</summary>
    public int SubjectCount => SubjectIds.Length;

    /// <summary>The empirical covariance of OLS residuals by visit (pairwise complete), made positive definite by
    /// falling back to its diagonal: starting values for the likelihood maximisation.</summary>
    public double[] ResidualCovariance(int groupFilter = -1)
    {
        int t = VisitTimes.Length, p = Frame.ColumnCount;
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(Y.Length, p, (i, j) => X[i * p + j]);
        var fit = LeastSquares.Fit(x, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(Y));
        var sum = new double[t * t];
        var count = new int[t * t];
        for (int i = 0; i < SubjectCount; i++)
        {
            if (groupFilter >= 0 && SubjectGroup[i] != groupFilter) continue;
            for (int a = SubjectStart[i]; a < SubjectStart[i + 1]; a++)
                for (int b = SubjectStart[i]; b < SubjectStart[i + 1]; b++)
                {
                    sum[Visit[a] * t + Visit[b]] += fit.Residuals[a] * fit.Residuals[b];
                    count[Visit[a] * t + Visit[b]]++;
                }
        }
        double pooled = fit.ResidualVariance;
        var cov = new double[t * t];
        for (int i = 0; i < t * t; i++) cov[i] = count[i] > 1 ? sum[i] / count[i] : 0;
        for (int v = 0; v < t; v++) if (!(cov[v * t + v] > 0)) cov[v * t + v] = pooled;
        if (CovarianceParameterization.Cholesky(cov, t) is null)
            for (int i = 0; i < t * t; i++) if (i / t != i % t) cov[i] = 0;
        return cov;
    }
}
