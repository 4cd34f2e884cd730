using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>Analysis of covariance at one visit: outcome ~ arm + baseline (+ subject covariates), with LS means.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public static partial class Ancova
{
    /// <summary>Fits outcome (CHG by default) at <paramref name="visit"/> ~ ARM + BASE + covariates by least squares, with LS
    /// means per arm, differences from the reference arm, and Type III F tests.</summary>
    /// <remarks>
    /// <para>Model y = Xβ + ε, ε ~ N(0, σ²I); β̂ from the Householder QR of X (no normal equations); σ̂² = RSS/(n − p).
    /// Factors use treatment coding; LS means and their differences do not depend on the coding.</para>
    /// <para>LS mean of an arm = L·β̂ with L the design row at that arm, every continuous covariate (BASE included) at its
    /// mean over the subjects analysed, and the levels of each categorical covariate weighted equally (SAS LSMEANS, emmeans
    /// default) or by their observed frequencies (<see cref="LsMeanWeights.Proportional"/>, emmeans
    /// <c>weights = "proportional"</c>, tern.mmrm). SE √(L V Lᵀ) with V = σ̂²(XᵀX)⁻¹, or an HC0–HC3 sandwich
    /// (<see cref="AncovaOptions.Covariance"/>); CI and two-sided p from Student's t with n − p df (as SAS and emmeans, also
    /// with a sandwich V).</para>
    /// <para>Type III tests: see <see cref="TermTest"/>. Subjects without the outcome at the visit, or without baseline or a
    /// covariate, are left out and counted (<see cref="AncovaFit.MissingOutcome"/>, <see cref="AncovaFit.Excluded"/>).</para>
    /// <para>References: Searle, Speed &amp; Milliken (1980); SAS PROC GLM; R <c>lm</c> + <c>emmeans</c>; sandwich: White (1980),
    /// Long &amp; Ervin (2000); FDA (2023) guidance on covariate adjustment.</para>
    /// </remarks>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or instrument alias (e.g. "MADRS").</param>
    /// <param name="visit">Study time of the visit (AVISITN), e.g. 6.</param>
    /// <param name="options">Defaults when null.</param>
    /// <exception cref="ModelSpecificationException">No data at the visit, only one arm with data, a covariate constant over
    /// the subjects analysed, collinear covariates, or too few subjects for the model.</exception>
    /// <exception cref="ArgumentException">Unknown parameter, covariate or reference arm; CiLevel outside (0, 1).</exception>
    public static AncovaFit Fit(Cohort cohort, string parameter, double visit, AncovaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= AncovaOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        AncovaRecords records = AncovaRecords.Of(cohort, parameter, visit, options, subgroup: null);
        (string reference, ReferenceArmSource source) = ReferenceOf(records, options);
        ModelFrame frame = new(records.Data, Terms(records, options, subgroup: null), intercept: true, records.Candidates);
        var fit = new LinearModelFit(frame, records.Outcome, options.Covariance, options.CiLevel);
        ReferenceGrid grid = ReferenceGrid.Build(frame, [AncovaRecords.ArmName], options.Weights);
        string formula = Formula(records, frame);
        string method = Method(formula, options, fit);
        string parameterCode = records.Trajectories.Parameter;
        Visit visitOf = records.Visit;
        int[] excludedByArm = ExcludedByArm(records, frame);

        Comparison ComparisonOf(string arm, string? referenceArm, ReferenceArmSource referenceSource) => new()
        {
            Parameter = parameterCode, Visit = visitOf, Variable = options.Outcome, Arm = arm, ReferenceArm = referenceArm,
            MissingData = options.MissingData, ReferenceSource = referenceArm is null ? ReferenceArmSource.NotApplicable : referenceSource,
        };
        EstimateSizes SizesOf(int arm, int? referenceArm) => new(
            new GroupSizes(grid.Cells[arm].Count, referenceArm is { } r ? grid.Cells[r].Count : 0),
            records.MissingOutcomeByArm[arm] + (referenceArm is { } r2 ? records.MissingOutcomeByArm[r2] : 0),
            excludedByArm[arm] + (referenceArm is { } r3 ? excludedByArm[r3] : 0));

        LsMeanEstimate DifferenceOf(string arm, string referenceArm, ReferenceArmSource referenceSource)
        {
            int a = ArmIndex(records, arm), r = ArmIndex(records, referenceArm);
            LinearEstimate e = fit.Estimate(ReferenceGrid.Difference(grid.Cells[a], grid.Cells[r]));
            Comparison comparison = ComparisonOf(arm, referenceArm, referenceSource);
            return LsMeanEstimate.From(e, "LS mean difference", comparison, SizesOf(a, r), method, Reference(options), comparison.ReferenceNote);
        }

        var lsMeans = grid.Cells.Select((cell, a) => LsMeanEstimate.From(fit.Estimate(cell.L), "LS mean",
            ComparisonOf(cell.Levels[0], null, ReferenceArmSource.NotApplicable), SizesOf(a, null), method, Reference(options))).ToArray();
        var differences = records.ArmLevels.Where(a => a != reference).Select(a => DifferenceOf(a, reference, source)).ToArray();
        var tests = frame.Terms.Select((t, i) => fit.Test(t.Label, TypeIIIHypotheses.Of(frame, i))).ToArray();
        return new AncovaFit(fit, grid, (a, r) => DifferenceOf(a, r, ReferenceArmSource.Given))
        {
            Options = options, Parameter = parameterCode, Visit = visitOf, ReferenceArm = reference, ReferenceSource = source,
            Formula = formula, LsMeans = lsMeans, Differences = differences, TypeIIITests = tests,
            Residuals = ResidualsOf(records, frame, fit), MissingOutcome = records.MissingOutcomeByArm.Sum(),
            Excluded = frame.Excluded,
        };
    }

    internal static IReadOnlyList<ModelTerm> Terms(AncovaRecords records, AncovaOptions options, string? subgroup)
    {
        var terms = new List<ModelTerm> { new(AncovaRecords.ArmName) };
        if (subgroup is not null)
        {
            terms.Add(new ModelTerm(subgroup));
            terms.Add(new ModelTerm(AncovaRecords.ArmName, subgroup));
        }
        if (options.AdjustForBaseline) terms.Add(new ModelTerm(AncovaRecords.BaselineName));
        foreach (string c in options.Covariates.Concat(options.ContinuousCovariates))
            if (!string.Equals(c, subgroup, StringComparison.OrdinalIgnoreCase)) terms.Add(new ModelTerm(c));
        return terms;
    }

    internal static (string Reference, ReferenceArmSource Source) ReferenceOf(AncovaRecords records, AncovaOptions options) =>
        ReferenceArm.Resolve(records.ArmLevels, options.Reference);

    internal static string Formula(AncovaRecords records, ModelFrame frame) =>
        AncovaRecords.OutcomeName(records.OutcomeVariable) + " ~ " + string.Join(" + ", frame.Terms.Select(t => t.Label));

    internal static string Method(string formula, AncovaOptions options, LinearModelFit fit) => string.Create(CultureInfo.InvariantCulture,
        $"ANCOVA by least squares (QR): {formula}; LS means at the mean of continuous covariates, {(options.Weights == LsMeanWeights.Equal ? "equal" : "proportional")} weights over factor levels; {SandwichCovariance.Describe(options.Covariance)}; t with {fit.Fit.ResidualDf} df");

    internal static string Reference(AncovaOptions options) => options.Covariance == RobustCovariance.ModelBased
        ? Citations.SearleSpeedMilliken1980 + " " + Citations.SasGlm
        : Citations.SearleSpeedMilliken1980 + " " + Citations.White1980 + " " + Citations.LongErvin2000;

    internal static int ArmIndex(AncovaRecords records, string arm)
    {
        int a = Array.IndexOf(records.ArmLevels, arm);
        return a >= 0 ? a : throw new ArgumentException($"Arm '{arm}' is not in the model; its arms are: {string.Join(", ", records.ArmLevels)}.", nameof(arm));
    }

    internal static int[] ExcludedByArm(AncovaRecords records, ModelFrame frame)
    {
        var used = new HashSet<int>(frame.Rows);
        var arm = (FactorVariable)records.Data[AncovaRecords.ArmName];
        var excluded = new int[records.ArmLevels.Length];
        foreach (int r in records.Candidates)
            if (!used.Contains(r) && arm.Codes[r] >= 0) excluded[arm.Codes[r]]++;
        return excluded;
    }

    private static AncovaResidual[] ResidualsOf(AncovaRecords records, ModelFrame frame, LinearModelFit fit)
    {
        double[] leverage = SandwichCovariance.Leverages(frame.X, fit.Fit.UnscaledCovariance);
        var arm = (FactorVariable)records.Data[AncovaRecords.ArmName];
        var fitted = fit.Fitted;
        return frame.Rows.Select((r, i) => new AncovaResidual(records.Subjects[r], arm.Levels[arm.Codes[r]], fit.Y[i], fitted[i],
            fit.Fit.Residuals[i], leverage[i])).ToArray();
    }
}
