namespace CohortAnalysis.Models;

/// <summary>Mixed model for repeated measures (MMRM): the primary analysis of longitudinal continuous endpoints.</summary>
/// <remarks>
/// <para><b>Model.</b> For subject i at post-baseline visit j: yᵢⱼ = (arm + visit + arm×visit + baseline + baseline×visit
/// + covariates)ᵢⱼβ + εᵢⱼ, with εᵢ ~ N(0, Σᵢ), Σᵢ the rows and columns of the T×T matrix Σ(θ) (<see cref="CovarianceStructure"/>;
/// one per arm with <see cref="MmrmOptions.GroupCovariance"/>) for the visits subject i has. Visits are categories.
/// Subjects with missing visits keep their observed ones (valid under missing at random).</para>
/// <para><b>Estimation.</b> θ maximises the REML (default) or ML log-likelihood with β profiled out; subjects grouped by
/// visit pattern; Newton–Raphson on the exact gradient and Hessian, falling back to the average-information matrix when
/// the Hessian is not positive definite; starting values from the covariance of OLS residuals. When the requested structure does not converge, <see cref="MmrmOptions.Fallback"/> is tried in order
/// and the fit says which structure was used and why (<see cref="MmrmFit.StructureNote"/>).</para>
/// <para><b>Inference.</b> LS means by arm × visit (baseline at its mean over the records analysed, categorical covariates
/// weighted equally: SAS LSMEANS and emmeans defaults), differences from the reference arm at each visit, t intervals
/// with Satterthwaite (default), Kenward–Roger (adjusted covariance of the fixed effects and its df), between-within or
/// residual df, model-based or empirical (sandwich) covariance. Type III F tests of every term with the same df method
/// (multi-df Satterthwaite of Fai &amp; Cornelius 1996; Kenward–Roger's scaled F with df m, §4 of their paper):
/// <see cref="MmrmFit.TypeIIITests"/>.</para>
/// <para>Matches SAS PROC MIXED (<c>REPEATED VISIT / SUBJECT=USUBJID TYPE=…</c>, <c>LSMEANS ARM*VISIT / PDIFF CL</c>) and
/// R mmrm + emmeans; see tests/known-results/mmrm-sas.</para>
/// <para>References: Mallinckrodt et al. (2008) Drug Inf J 42:303-319; SAS/STAT User's Guide, The MIXED Procedure;
/// Satterthwaite (1946) Biometrics Bull 2:110-114; Kenward &amp; Roger (1997) Biometrics 53:983-997; Fai &amp; Cornelius
/// (1996) J Stat Comput Simul 54:363-378.</para>
/// </remarks>
public static partial class Mmrm
{
    private const string ArmName = "ARM", VisitName = "VISIT", SubjectName = "SUBJECT", BaselineName = "BASE";

    /// <summary>Why a subject is not analysed: no baseline record for the parameter.</summary>
    internal const string NoBaselineReason = "no baseline record";
    /// <summary>Why a subject is not analysed: a baseline but no record after it.</summary>
    internal const string NoPostBaselineReason = "no post-baseline record";

    /// <summary>Fits an MMRM to one parameter of a cohort.</summary>
    /// <param name="cohort">The cohort (long form, baselines derived).</param>
    /// <param name="parameter">Parameter code or instrument alias, e.g. "MADRS".</param>
    /// <param name="options">Options; null = <see cref="MmrmOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Unknown parameter or covariate, or options that do not combine.</exception>
    /// <exception cref="ModelSpecificationException">One arm only, a visit with no data, a constant or collinear covariate,
    /// fewer subjects than covariance parameters.</exception>
    /// <exception cref="ModelFitException">No covariance structure of the fallback chain could be estimated.</exception>
    public static MmrmFit Fit(Cohort cohort, string parameter, MmrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= MmrmOptions.Default;
        return MmrmModel.Fit(Specify(cohort, parameter, options), options);
    }

    /// <summary>The index of <paramref name="parameter"/> in the cohort, after checking that it and every covariate exist
    /// (messages list what the cohort has).</summary>
    internal static int ParameterIndex(Cohort cohort, string parameter, IReadOnlyList<string> covariates)
    {
        int p = cohort.IndexOfParameter(parameter);
        if (p < 0) throw new ArgumentException($"No parameter '{parameter}' in {cohort.Source}; parameters are: {string.Join(", ", cohort.Parameters)}.", nameof(parameter));
        foreach (string c in covariates)
            if (cohort.CovariateValues(c) is null)
                throw new ArgumentException($"No covariate '{c}' in {cohort.Source}; covariates are: {(cohort.CovariateNames.Count == 0 ? "none" : string.Join(", ", cohort.CovariateNames))}.", "options");
        return p;
    }

    internal static MmrmSpecification Specify(Cohort cohort, string parameter, MmrmOptions options)
    {
        int p = ParameterIndex(cohort, parameter, options.Covariates);
        string code = cohort.Parameters[p];

        Range range = cohort.RowsOf(p);
        var rows = new List<int>();
        int noBaseline = 0;
        // Subjects of the parameter by what they have: a subject without a baseline, or with a baseline only, has no
        // record in the model and would otherwise vanish from the counts.
        var withoutBaseline = new HashSet<int>();
        var withBaseline = new HashSet<int>();
        var withPostBaseline = new HashSet<int>();
        for (int r = range.Start.Value; r < range.End.Value; r++)
        {
            int subject = cohort.SubjectIndex[r];
            double baseTime = cohort.BaselineVisitTimeAt(r);
            if (double.IsNaN(baseTime)) { noBaseline++; withoutBaseline.Add(subject); continue; }
            withBaseline.Add(subject);
            if (cohort.VisitTimes[r] > baseTime) { rows.Add(r); withPostBaseline.Add(subject); }
        }
        if (rows.Count == 0)
            throw new ModelSpecificationException($"{code}: no post-baseline record in {cohort.Source}; an MMRM needs visits after baseline.");

        double[] times = rows.Select(r => cohort.VisitTimes[r]).Distinct().Order().ToArray();
        Visit[] visits = times.Select(cohort.VisitAt).ToArray();
        string[] visitLabels = visits.Select(v => v.DisplayName).ToArray();
        string[] arms = cohort.Arms.Where(a => rows.Any(r => cohort.Arms[cohort.ArmIndexOfSubject(cohort.SubjectIndex[r])] == a)).ToArray();

        var data = new ModelData(rows.Count);
        data.AddFactor(SubjectName, rows.Select(r => cohort.Subjects[cohort.SubjectIndex[r]]).ToArray());
        data.AddFactor(ArmName, rows.Select(r => cohort.Arms[cohort.ArmIndexOfSubject(cohort.SubjectIndex[r])]).ToArray(), arms);
        data.AddFactor(VisitName, rows.Select(r => visitLabels[Array.IndexOf(times, cohort.VisitTimes[r])]).ToArray(), visitLabels);
        data.AddNumeric(BaselineName, rows.Select(r => cohort.BaselineAt(r)).ToArray());
        ReadOnlySpan<double> outcome = options.Outcome switch
        {
            ChangeVariable.Change => cohort.Changes,
            ChangeVariable.PercentChange => cohort.PercentChanges,
            _ => cohort.Values,
        };
        var y = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++) y[i] = outcome[rows[i]];
        string response = Comparison.VariableCode(options.Outcome);
        data.AddNumeric(response, y);
        var terms = new List<ModelTerm> { new(ArmName), new(VisitName), new(ArmName, VisitName) };
        if (options.AdjustForBaseline) { terms.Add(new(BaselineName)); terms.Add(new(BaselineName, VisitName)); }
        foreach (string c in options.Covariates)
        {
            IReadOnlyList<string?> values = cohort.CovariateValues(c)!;
            data.AddFactor(c, rows.Select(r => values[cohort.SubjectIndex[r]]).ToArray());
            terms.Add(new(c));
        }
        var prior = new Dictionary<string, int>();
        if (noBaseline > 0) prior["no baseline record for the subject"] = noBaseline;
        var priorSubjects = new Dictionary<string, int>();
        if (withoutBaseline.Count > 0) priorSubjects[NoBaselineReason] = withoutBaseline.Count;
        int baselineOnly = withBaseline.Count(s => !withPostBaseline.Contains(s));
        if (baselineOnly > 0) priorSubjects[NoPostBaselineReason] = baselineOnly;
        return new MmrmSpecification
        {
            Data = data, Response = response, Subject = SubjectName, Visit = VisitName, Arm = ArmName, Terms = terms,
            Visits = visits, Parameter = code, Outcome = options.Outcome, PriorExclusions = prior,
            PriorSubjectExclusions = priorSubjects,
            ReferenceArm = options.ReferenceArm,
        };
    }
}
