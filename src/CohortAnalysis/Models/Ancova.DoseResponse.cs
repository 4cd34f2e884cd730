namespace CohortAnalysis.Models;

public static partial class Ancova
{
    /// <summary>Name of the continuous dose term in <see cref="DoseResponse"/>.</summary>
    public const string DoseName = "DOSE";

    /// <summary>The dose-response test of an ANCOVA: outcome (CHG by default) at <paramref name="visit"/> ~ DOSE + BASE +
    /// covariates, the arm factor replaced by each arm's dose as a continuous term; the F test of the dose slope.</summary>
    /// <remarks>
    /// <para>Same records, outcome, baseline adjustment, covariates and covariance as <see cref="Fit"/> with the same
    /// <paramref name="options"/>; only the treatment term differs: DOSE = <paramref name="doses"/>[arm] for every subject.
    /// H₀: the slope of DOSE is 0. The test has 1 numerator df, so F = t² and p equals the two-sided t test of the slope in
    /// R <c>summary(lm(CHG ~ dose + site + BASE))</c> (residual df n − p, one more than the ANCOVA with the arm factor of three
    /// arms). This is the "dose response" p of the CDISC pilot's primary table 14-3.01 (treatment as continuous: placebo 0,
    /// xanomeline low 54, high 81 mg).</para>
    /// <para>References: CDISC SDS/ADaM Pilot Project, Table 14-3.01 (ADAS-Cog(11) ANCOVA, "Dose Response"); Searle, Speed
    /// &amp; Milliken (1980) for the F test.</para>
    /// </remarks>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or instrument alias (e.g. "ACTOT").</param>
    /// <param name="visit">Study time of the visit (AVISITN), e.g. 24.</param>
    /// <param name="doses">The dose of every arm with data (e.g. Placebo 0, Xanomeline Low Dose 54, Xanomeline High Dose 81).</param>
    /// <param name="options">Defaults when null; <see cref="AncovaOptions.Reference"/> and <see cref="AncovaOptions.Weights"/>
    /// play no part (there are no LS means).</param>
    /// <returns>The test of <see cref="DoseName"/>.</returns>
    /// <exception cref="ArgumentException">An arm with data has no dose or a non-finite one, a covariate is called DOSE, or
    /// the arguments of <see cref="Fit"/> are invalid.</exception>
    /// <exception cref="ModelSpecificationException">As <see cref="Fit"/>; also when every arm has the same dose.</exception>
    public static TermTest DoseResponse(Cohort cohort, string parameter, double visit, IReadOnlyDictionary<string, double> doses, AncovaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(doses);
        options ??= AncovaOptions.Default;
        Guard.CiLevel(options.CiLevel, "CiLevel");
        if (options.Covariates.Concat(options.ContinuousCovariates).Any(c => c.Equals(DoseName, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"A covariate is called {DoseName}, the name of the dose term; rename it.", nameof(options));
        AncovaRecords records = AncovaRecords.Of(cohort, parameter, visit, options, subgroup: null);
        var arm = (FactorVariable)records.Data[AncovaRecords.ArmName];
        var levelDose = new double[arm.Levels.Length];
        for (int a = 0; a < levelDose.Length; a++)
            levelDose[a] = doses.TryGetValue(arm.Levels[a], out double d) && double.IsFinite(d) ? d
                : throw new ArgumentException($"Arm '{arm.Levels[a]}' has no finite dose; doses are given for: {string.Join(", ", doses.Keys)}.", nameof(doses));
        if (levelDose.Distinct().Count() < 2)
            throw new ModelSpecificationException($"Every arm has the same dose ({levelDose[0]}): a dose-response slope cannot be estimated.");
        records.Data.AddNumeric(DoseName, arm.Codes.Select(c => c < 0 ? double.NaN : levelDose[c]).ToArray());
        var terms = Terms(records, options, subgroup: null).Select(t => t.Label == AncovaRecords.ArmName ? new ModelTerm(DoseName) : t).ToArray();
        ModelFrame frame = new(records.Data, terms, intercept: true, records.Candidates);
        var fit = new LinearModelFit(frame, records.Outcome, options.Covariance, options.CiLevel);
        return fit.Test(DoseName, TypeIIIHypotheses.Of(frame, 0));
    }
}
