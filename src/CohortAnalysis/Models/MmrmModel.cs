using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace CohortAnalysis.Models;

/// <summary>What an MMRM analyses: records, variable roles and terms (built from a cohort by <see cref="Mmrm"/>, or
/// directly by tests on published data sets).</summary>
internal sealed record MmrmSpecification
{
    public required ModelData Data { get; init; }
    public required string Response { get; init; }
    public required string Subject { get; init; }
    public required string Visit { get; init; }
    public required string Arm { get; init; }
    public required IReadOnlyList<ModelTerm> Terms { get; init; }
    /// <summary>Per visit level: the visit (time and label).</summary>
    public required Visit[] Visits { get; init; }
    public required string Parameter { get; init; }
    public ChangeVariable Outcome { get; init; } = ChangeVariable.Change;
    /// <summary>Records left out before the model (e.g. no baseline), by reason.</summary>
    public IReadOnlyDictionary<string, int> PriorExclusions { get; init; } = new Dictionary<string, int>();
    /// <summary>Subjects with no record in <see cref="Data"/> (no baseline, no post-baseline record), by reason.</summary>
    public IReadOnlyDictionary<string, int> PriorSubjectExclusions { get; init; } = new Dictionary<string, int>();
    /// <summary>Reference arm; null = resolve from the arm levels.</summary>
    public string? ReferenceArm { get; init; }
    public FactorCoding Coding { get; init; } = FactorCoding.ReferenceFirst;
}

/// <summary>Fits an <see cref="MmrmSpecification"/>: the fallback chain over covariance structures, then LS means,
/// differences, contrasts and fit statistics.</summary>
internal static class MmrmModel
{
    public static MmrmFit Fit(MmrmSpecification spec, MmrmOptions options)
    {
        Guard.CiLevel(options.CiLevel);
        bool kr = options.DegreesOfFreedom is DegreesOfFreedomMethod.KenwardRoger or DegreesOfFreedomMethod.KenwardRogerFirstOrder;
        if (options.EmpiricalCovariance && (kr || options.DegreesOfFreedom == DegreesOfFreedomMethod.Satterthwaite))
            throw new ArgumentException($"EmpiricalCovariance = true does not combine with DegreesOfFreedom = {options.DegreesOfFreedom}; use BetweenWithin or Residual (as R mmrm).", nameof(options));
        if (kr && options.Method == EstimationMethod.Ml)
            throw new ArgumentException("Kenward-Roger degrees of freedom are defined for REML fits; use Method = Reml.", nameof(options));

        var arm = (FactorVariable)spec.Data[spec.Arm];
        var y = (NumericVariable)spec.Data[spec.Response];
        string[] armsWithData = arm.Levels.Where((_, l) => Enumerable.Range(0, spec.Data.RowCount).Any(r => arm.Codes[r] == l && !double.IsNaN(y.Values[r]))).ToArray();
        if (armsWithData.Length < 2)
            throw new ModelSpecificationException(armsWithData.Length == 0
                ? $"{spec.Parameter}: no record has an outcome; nothing to analyse."
                : $"{spec.Parameter}: outcomes are in one arm only ({armsWithData[0]}); an MMRM comparing arms needs at least two.");

        RequireEveryCell(spec, arm, y);

        double[] times = spec.Visits.Select(v => v.Time).ToArray();
        MmrmDesign design = MmrmDesign.Build(spec.Data, spec.Response, spec.Subject, spec.Visit, spec.Terms,
            options.GroupCovariance ? spec.Arm : null, times, spec.Coding, spec.Arm);
        bool reml = options.Method == EstimationMethod.Reml;

        var notes = new List<string>();
        var chain = new List<CovarianceStructure> { options.Covariance };
        chain.AddRange(options.Fallback.Where(s => s != options.Covariance).Distinct());
        MmrmEstimation? estimation = null;
        foreach (CovarianceStructure structure in chain)
        {
            MmrmEstimation attempt = MmrmEstimation.Fit(design, structure, reml);
            if (attempt.Outcome.Converged) { estimation = attempt; break; }
            notes.Add($"{MmrmEstimation.Describe(structure)}: not converged ({attempt.Outcome.Note})");
        }
        if (estimation is null)
            throw new ModelFitException($"{spec.Parameter}: the MMRM could not be estimated with any covariance structure tried. {string.Join("; ", notes)}.");

        return Report(spec, options, design, estimation, notes);
    }

    // Visits are categories: a visit without any outcome, or an arm without an outcome at a visit, leaves a column of
    // the design empty. Say so in those words rather than as a collinearity or a covariance that cannot be estimated.
    private static void RequireEveryCell(MmrmSpecification spec, FactorVariable arm, NumericVariable y)
    {
        var visit = (FactorVariable)spec.Data[spec.Visit];
        var count = new int[arm.Levels.Length, visit.Levels.Length];
        for (int r = 0; r < spec.Data.RowCount; r++)
            if (arm.Codes[r] >= 0 && visit.Codes[r] >= 0 && !double.IsNaN(y.Values[r])) count[arm.Codes[r], visit.Codes[r]]++;
        for (int v = 0; v < visit.Levels.Length; v++)
        {
            string label = spec.Visits.Length == visit.Levels.Length ? spec.Visits[v].DisplayName : visit.Levels[v];
            if (Enumerable.Range(0, arm.Levels.Length).All(a => count[a, v] == 0))
                throw new ModelSpecificationException($"{spec.Parameter}: visit {label} has no {spec.Response} value in any arm; an MMRM with visits as categories cannot estimate it. Leave the visit's records out or fill them in.");
            for (int a = 0; a < arm.Levels.Length; a++)
                if (count[a, v] == 0)
                    throw new ModelSpecificationException($"{spec.Parameter}: arm {arm.Levels[a]} has no {spec.Response} value at visit {label}; its LS mean there cannot be estimated (each arm needs an outcome at each visit).");
        }
    }

    // Subjects in the records that the model did not use: every outcome missing, or a covariate missing.
    private static Dictionary<string, int> ExcludedSubjects(MmrmSpecification spec, MmrmDesign design)
    {
        var subject = (FactorVariable)spec.Data[spec.Subject];
        var y = (NumericVariable)spec.Data[spec.Response];
        var present = new HashSet<int>();
        var withOutcome = new HashSet<int>();
        for (int r = 0; r < spec.Data.RowCount; r++)
        {
            if (subject.Codes[r] < 0) continue;
            present.Add(subject.Codes[r]);
            if (!double.IsNaN(y.Values[r])) withOutcome.Add(subject.Codes[r]);
        }
        var analysed = new HashSet<string>(design.SubjectIds, StringComparer.Ordinal);
        var excluded = new Dictionary<string, int>(spec.PriorSubjectExclusions);
        int noOutcome = present.Count(c => !withOutcome.Contains(c));
        if (noOutcome > 0) excluded[$"{spec.Response} missing at every post-baseline visit"] = noOutcome;
        int dropped = withOutcome.Count(c => !analysed.Contains(subject.Levels[c]));
        if (dropped > 0) excluded[$"{string.Join(" or ", design.Frame.Excluded.Keys)} missing"] = dropped;
        return excluded;
    }

    private static MmrmFit Report(MmrmSpecification spec, MmrmOptions options, MmrmDesign design, MmrmEstimation est, List<string> notes)
    {
        ModelFrame frame = design.Frame;
        Matrix<double> covariance = options.EmpiricalCovariance ? est.EmpiricalCovariance() : options.DegreesOfFreedom switch
        {
            DegreesOfFreedomMethod.KenwardRoger => est.KenwardRogerCovariance(firstOrder: false),
            DegreesOfFreedomMethod.KenwardRogerFirstOrder => est.KenwardRogerCovariance(firstOrder: true),
            _ => est.Covariance,
        };
        Func<double[], double> df = options.DegreesOfFreedom switch
        {
            DegreesOfFreedomMethod.Satterthwaite => est.Satterthwaite,
            DegreesOfFreedomMethod.BetweenWithin => est.BetweenWithin,
            DegreesOfFreedomMethod.Residual => _ => est.ResidualDf,
            // For one contrast the Kenward–Roger df (m = 2/A, A = Σ Wᵢⱼ aᵢaⱼ, aᵢ = lᵀΦPᵢΦl/lᵀΦl) are the Satterthwaite df.
            DegreesOfFreedomMethod.KenwardRoger or DegreesOfFreedomMethod.KenwardRogerFirstOrder => est.Satterthwaite,
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
        var arm = (FactorVariable)spec.Data[spec.Arm];
        var (reference, referenceSource) = ReferenceArm.Resolve(arm.Levels, spec.ReferenceArm);
        string structureNote = notes.Count == 0 ? "as requested" : $"fallback after: {string.Join("; ", notes)}";
        string method = string.Create(CultureInfo.InvariantCulture,
            $"MMRM ({(est.Reml ? "REML" : "ML")}), {MmrmEstimation.Describe(est.Structure)} covariance{(options.GroupCovariance ? " per arm" : "")}, {DescribeDf(options.DegreesOfFreedom)} df{(options.EmpiricalCovariance ? ", empirical (sandwich) SE" : "")}; LS means with {(options.Weights == LsMeanWeights.Equal ? "equal" : "proportional")} weights, covariates at their means");
        string citation = options.DegreesOfFreedom is DegreesOfFreedomMethod.KenwardRoger or DegreesOfFreedomMethod.KenwardRogerFirstOrder
            ? $"{Citations.Mallinckrodt2008} {Citations.KenwardRoger1997} {Citations.SasProcMixed}"
            : $"{Citations.Mallinckrodt2008} {Citations.SasProcMixed}";
        string note = notes.Count == 0 ? "" : $"Covariance structure {MmrmEstimation.Describe(est.Structure)} used after the fallback chain ({string.Join("; ", notes)}).";

        ReferenceGrid grid = ReferenceGrid.Build(frame, [spec.Arm, spec.Visit], options.Weights);
        Visit VisitOf(string level) => spec.Visits[((FactorVariable)spec.Data[spec.Visit]).IndexOf(level)];
        Comparison Cell(string armLevel, string visitLevel, string? referenceArm) => new()
        {
            Parameter = spec.Parameter, Visit = VisitOf(visitLevel), Variable = spec.Outcome, Arm = armLevel,
            ReferenceArm = referenceArm, ReferenceSource = referenceArm is null ? ReferenceArmSource.NotApplicable : referenceSource,
            Term = $"{spec.Arm}*{spec.Visit}",
        };
        var lsMeans = grid.Cells.Select(c => LsMeanEstimate.From(LsMeanEstimate.LsMeanName,
            LinearEstimate.Of(c.L, est.Beta, covariance, df, options.CiLevel), EstimateSizes.Single(c.Count),
            Cell(c.Levels[0], c.Levels[1], null), method, citation, note)).ToList();
        var differences = new List<LsMeanEstimate>();
        var visitFactor = (FactorVariable)spec.Data[spec.Visit];
        foreach (string visit in visitFactor.Levels)
        {
            ReferenceGridCell refCell = grid.Cell(reference, visit);
            foreach (string a in arm.Levels.Where(a => a != reference))
            {
                ReferenceGridCell cell = grid.Cell(a, visit);
                differences.Add(LsMeanEstimate.From(LsMeanEstimate.DifferenceName,
                    LinearEstimate.Of(ReferenceGrid.Difference(cell, refCell), est.Beta, covariance, df, options.CiLevel),
                    EstimateSizes.Two(cell.Count, refCell.Count), Cell(a, visit, reference), method, citation,
                    string.Join(" ", new[] { note, referenceSource == ReferenceArmSource.Given ? "" : Cell(a, visit, reference).ReferenceNote }.Where(s => s.Length > 0))));
            }
        }
        var coefficients = Enumerable.Range(0, frame.ColumnCount).Select(j =>
        {
            var l = new double[frame.ColumnCount];
            l[j] = 1;
            return LsMeanEstimate.From("Coefficient", LinearEstimate.Of(l, est.Beta, covariance, df, options.CiLevel),
                EstimateSizes.Single(design.Y.Length), new Comparison { Parameter = spec.Parameter, Variable = spec.Outcome, Term = frame.ColumnNames[j] },
                method, citation, note);
        }).ToList();

        int d = est.ParameterCount;
        int n = design.Y.Length, p = frame.ColumnCount;
        int dInfo = est.Reml ? d : d + p;
        double nStar = est.Reml ? n - p : n;
        double m2ll = est.Minus2LogLikelihood;
        var excluded = new Dictionary<string, int>(spec.PriorExclusions);
        if (design.MissingResponse > 0) excluded[$"{spec.Response} missing (subject kept through its other visits; MAR)"] = design.MissingResponse;
        foreach (var (variable, count) in frame.Excluded) excluded[$"{variable} missing"] = count;

        return new MmrmFit((coefs, label) =>
        {
            double[] l = grid.Contrast(coefs);
            return LsMeanEstimate.From(LsMeanEstimate.ContrastName, LinearEstimate.Of(l, est.Beta, covariance, df, options.CiLevel),
                EstimateSizes.Single(design.Y.Length), new Comparison { Parameter = spec.Parameter, Variable = spec.Outcome, Term = label },
                method, citation, note);
        })
        {
            Parameter = spec.Parameter, Outcome = spec.Outcome, Options = options, StructureUsed = est.Structure,
            StructureNote = structureNote, ConvergenceNotes = notes, Iterations = est.Outcome.Iterations,
            ConvergenceCriterion = est.Outcome.Criterion, Minus2LogLikelihood = m2ll,
            Aic = m2ll + 2 * dInfo, Aicc = m2ll + 2 * dInfo * nStar / (nStar - dInfo - 1), Bic = m2ll + dInfo * Math.Log(design.SubjectCount),
            CovarianceParameterCount = d,
            Covariance = Enumerable.Range(0, design.GroupLabels.Length).Select(g => CovarianceOf(design, est, g, spec)).ToList(),
            Coefficients = coefficients, LsMeans = lsMeans, Differences = differences,
            ObservationsUsed = n, SubjectsUsed = design.SubjectCount, Excluded = excluded,
            ExcludedSubjects = ExcludedSubjects(spec, design),
            TypeIIITests = TypeIIITests(frame, est, covariance, options),
        };
    }

    // One Type III test per term whose hypothesis is supported (see TypeIIIHypotheses), with the fit's df method.
    private static List<TermTest> TypeIIITests(ModelFrame frame, MmrmEstimation est, Matrix<double> covariance, MmrmOptions options)
    {
        string method = $"Type III F test, {DescribeDf(options.DegreesOfFreedom)} df{(options.EmpiricalCovariance ? ", empirical (sandwich) covariance" : "")}";
        var tests = new List<TermTest>();
        for (int t = 0; t < frame.Terms.Count; t++)
        {
            IReadOnlyList<double[]> rows;
            try { rows = TypeIIIHypotheses.Of(frame, t); }
            catch (NotSupportedException) { continue; }   // e.g. a product of two continuous variables: no Type III row set
            Matrix<double> l = Matrix<double>.Build.DenseOfRowArrays(rows);
            int q = rows.Count;
            double f, df, scale = 1;
            switch (options.DegreesOfFreedom)
            {
                case DegreesOfFreedomMethod.KenwardRoger or DegreesOfFreedomMethod.KenwardRogerFirstOrder when !options.EmpiricalCovariance:
                    (f, df, scale) = est.KenwardRogerTest(l, options.DegreesOfFreedom == DegreesOfFreedomMethod.KenwardRogerFirstOrder);
                    break;
                case DegreesOfFreedomMethod.Satterthwaite when !options.EmpiricalCovariance:
                    (f, df) = est.SatterthwaiteTest(l);
                    break;
                default:
                    Vector<double> lb = l * est.Beta;
                    f = lb.DotProduct((l * covariance * l.Transpose()).Solve(lb)) / q;
                    df = options.DegreesOfFreedom == DegreesOfFreedomMethod.Residual ? est.ResidualDf : rows.Min(est.BetweenWithin);
                    break;
            }
            tests.Add(new TermTest(frame.Terms[t].Label, q, df, double.NaN, f, LinearModelFit.FUpper(f, q, df), method) { Scale = scale });
        }
        return tests;
    }

    private static MmrmCovariance CovarianceOf(MmrmDesign design, MmrmEstimation est, int group, MmrmSpecification spec)
    {
        int t = design.VisitTimes.Length;
        double[] s = est.Sigma[group];
        var matrix = new double[t, t];
        var correlation = new double[t, t];
        for (int i = 0; i < t; i++)
            for (int j = 0; j < t; j++)
            {
                matrix[i, j] = s[i * t + j];
                correlation[i, j] = s[i * t + j] / Math.Sqrt(s[i * t + i] * s[j * t + j]);
            }
        return new MmrmCovariance(design.GroupLabels[group], spec.Visits, matrix, correlation,
            est.Natural[group].Select(n => new CovarianceParameter(n.Name, n.Value)).ToList());
    }

    internal static string DescribeDf(DegreesOfFreedomMethod method) => method switch
    {
        DegreesOfFreedomMethod.Satterthwaite => "Satterthwaite",
        DegreesOfFreedomMethod.KenwardRoger => "Kenward-Roger",
        DegreesOfFreedomMethod.KenwardRogerFirstOrder => "Kenward-Roger (first order)",
        DegreesOfFreedomMethod.BetweenWithin => "between-within",
        DegreesOfFreedomMethod.Residual => "residual",
        _ => method.ToString(),
    };
}
