namespace CohortAnalysis.Models;

public static partial class Ancova
{
    /// <summary>Treatment effect within each level of a subject covariate from outcome ~ ARM + S + ARM×S + BASE + covariates,
    /// with the interaction F test.</summary>
    /// <remarks>
    /// <para>Within level s of S the effect of arm a is the difference of the ARM × S reference-grid cells (a, s) − (reference, s):
    /// BASE and continuous covariates at their means, other factors weighted as <see cref="AncovaOptions.Weights"/> says (R
    /// <c>emmeans(fit, ~ ARM | S)</c> + <c>contrast(…, "trt.vs.ctrl")</c>). The interaction p-value is the Type III F test of
    /// ARM×S (<see cref="TermTest"/>; R <c>car::Anova(type = 3)</c> with <c>contr.sum</c>). SEs, df and CIs as in
    /// <see cref="Fit"/>; no multiplicity adjustment across levels (subgroup analyses are exploratory).</para>
    /// <para>References: Searle, Speed &amp; Milliken (1980); Wang, Lagakos, Ware, Hunter &amp; Drazen (2007), NEJM 357:2189
    /// (reporting subgroup analyses: the interaction test, not per-level p-values, judges heterogeneity).</para>
    /// </remarks>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or alias.</param>
    /// <param name="visit">Study time of the visit.</param>
    /// <param name="subgroup">A categorical subject covariate, e.g. "SEX".</param>
    /// <param name="options">Defaults when null; the subgroup is removed from <see cref="AncovaOptions.Covariates"/> if listed.</param>
    /// <exception cref="ModelSpecificationException">As <see cref="Fit"/>, or an arm × subgroup cell without subjects.</exception>
    public static SubgroupAnalysis Subgroups(Cohort cohort, string parameter, double visit, string subgroup, AncovaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentException.ThrowIfNullOrWhiteSpace(subgroup);
        options ??= AncovaOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        if (options.ContinuousCovariates.Contains(subgroup, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Subgroup {subgroup} is listed as a continuous covariate; subgroups are categorical.", nameof(subgroup));
        options = options with { Covariates = options.Covariates.Where(c => !string.Equals(c, subgroup, StringComparison.OrdinalIgnoreCase)).ToArray() };
        AncovaRecords records = AncovaRecords.Of(cohort, parameter, visit, options, subgroup);
        (string reference, ReferenceArmSource source) = ReferenceOf(records, options);
        var factor = (FactorVariable)records.Data[subgroup];
        CheckCells(records.Candidates, (FactorVariable)records.Data[AncovaRecords.ArmName], factor);
        ModelFrame frame = new(records.Data, Terms(records, options, subgroup), intercept: true, records.Candidates);
        var fit = new LinearModelFit(frame, records.Outcome, options.Covariance, options.CiLevel);
        ReferenceGrid grid = ReferenceGrid.Build(frame, [AncovaRecords.ArmName, subgroup], options.Weights);
        string formula = Formula(records, frame);
        string method = Method(formula, options, fit);
        string parameterCode = records.Trajectories.Parameter;
        Visit visitOf = records.Visit;

        Comparison ComparisonOf(string arm, string? referenceArm, string level) => new()
        {
            Parameter = parameterCode, Visit = visitOf, Variable = options.Outcome, Arm = arm, ReferenceArm = referenceArm,
            MissingData = options.MissingData, Subgroup = $"{factor.Name} = {level}",
            ReferenceSource = referenceArm is null ? ReferenceArmSource.NotApplicable : source,
        };
        var lsMeans = grid.Cells.Select(c => LsMeanEstimate.From(fit.Estimate(c.L), "LS mean", ComparisonOf(c.Levels[0], null, c.Levels[1]),
            EstimateSizes.Single(c.Count), method, Reference(options))).ToArray();
        var differences = new List<LsMeanEstimate>();
        foreach (string level in factor.Levels)
        {
            ReferenceGridCell referenceCell = grid.Cell(reference, level);
            foreach (string arm in records.ArmLevels.Where(a => a != reference))
            {
                ReferenceGridCell cell = grid.Cell(arm, level);
                Comparison comparison = ComparisonOf(arm, reference, level);
                differences.Add(LsMeanEstimate.From(fit.Estimate(ReferenceGrid.Difference(cell, referenceCell)), "LS mean difference", comparison,
                    EstimateSizes.Two(cell.Count, referenceCell.Count), method, Reference(options), comparison.ReferenceNote));
            }
        }
        var tests = frame.Terms.Select((t, i) => fit.Test(t.Label, TypeIIIHypotheses.Of(frame, i))).ToArray();
        string interaction = new ModelTerm(AncovaRecords.ArmName, subgroup).Label;

        // The overall effect on the same subjects and covariates, without the interaction.
        AncovaOptions overallOptions = options with { Covariates = [.. options.Covariates, subgroup], Reference = reference };
        AncovaFit overall = Fit(cohort, parameter, visit, overallOptions);
        return new SubgroupAnalysis
        {
            Subgroup = factor.Name, Levels = factor.Levels, Formula = formula, LsMeans = lsMeans, Differences = differences,
            Interaction = tests.Single(t => t.Term == interaction), TypeIIITests = tests,
            Overall = overall.Differences.Select(d => d with { Comparison = d.Comparison with { ReferenceSource = source } }).ToArray(),
            SubjectsAnalysed = frame.Rows.Length,
        };
    }

    /// <summary>Every arm × subgroup cell needs subjects with the outcome (checked before the frame, for a message in these terms).</summary>
    private static void CheckCells(IEnumerable<int> candidates, FactorVariable arm, FactorVariable subgroup)
    {
        var counts = new int[arm.Levels.Length, subgroup.Levels.Length];
        foreach (int r in candidates)
            if (arm.Codes[r] >= 0 && subgroup.Codes[r] >= 0) counts[arm.Codes[r], subgroup.Codes[r]]++;
        for (int a = 0; a < arm.Levels.Length; a++)
            for (int s = 0; s < subgroup.Levels.Length; s++)
                if (counts[a, s] == 0)
                    throw new ModelSpecificationException(
                        $"Arm '{arm.Levels[a]}' has no subject with {subgroup.Name} = '{subgroup.Levels[s]}'; the treatment effect in that subgroup cannot be estimated.");
    }
}
