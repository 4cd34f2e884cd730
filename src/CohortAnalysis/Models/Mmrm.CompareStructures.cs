namespace CohortAnalysis.Models;

public static partial class Mmrm
{
    /// <summary>All nine covariance structures, in the order a comparison lists them.</summary>
    public static IReadOnlyList<CovarianceStructure> AllStructures { get; } = Enum.GetValues<CovarianceStructure>();

    /// <summary>Fits the same MMRM with each covariance structure and compares them by −2 log-likelihood, AIC, AICc and BIC.</summary>
    /// <remarks>
    /// <para>Every fit has the same fixed effects (those of <paramref name="options"/>), so under REML the criteria
    /// compare covariance structures as SAS PROC MIXED's "Fit Statistics" do (Wolfinger 1993); smaller is better.
    /// AIC = −2ℓ + 2d, AICc = −2ℓ + 2d·n*/(n* − d − 1), BIC = −2ℓ + d·log(subjects) (see <see cref="MmrmFit"/>).</para>
    /// <para>No fallback: a structure that does not converge, or that has more parameters than the data support, is a row
    /// with <see cref="CovarianceStructureFit.Converged"/> false, NaN criteria and the reason; it never wins.
    /// <see cref="MmrmOptions.Covariance"/>, <see cref="MmrmOptions.Fallback"/>, the df method and the empirical
    /// covariance of <paramref name="options"/> are ignored: they do not change the likelihood.</para>
    /// <para>References: Wolfinger, R. D. (1993). Covariance structure selection in general mixed models. Commun Stat
    /// Simul Comput 22:1079-1106. SAS/STAT User's Guide, The MIXED Procedure, "Fit Statistics".</para>
    /// </remarks>
    /// <param name="cohort">The cohort.</param>
    /// <param name="parameter">Parameter code or instrument alias, e.g. "MADRS".</param>
    /// <param name="structures">The structures to fit, in display order; null = <see cref="AllStructures"/>.</param>
    /// <param name="options">Fixed effects, outcome, REML/ML, group covariance; null = <see cref="MmrmOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Unknown parameter or covariate; no structures, or one listed twice.</exception>
    /// <exception cref="ModelSpecificationException">The model cannot be specified with any structure (e.g. one arm
    /// only): the first structure's error.</exception>
    public static CovarianceStructureComparison CompareStructures(Cohort cohort, string parameter,
        IEnumerable<CovarianceStructure>? structures = null, MmrmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        options ??= MmrmOptions.Default;
        CovarianceStructure[] list = (structures ?? AllStructures).ToArray();
        if (list.Length == 0) throw new ArgumentException("No covariance structure to compare; give at least one.", nameof(structures));
        if (list.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Covariance structure {CovarianceStructureNames.Sas(twice.Key)} is listed twice.", nameof(structures));

        MmrmSpecification spec = Specify(cohort, parameter, options);
        var rows = new List<CovarianceStructureFit>();
        var errors = new List<ModelSpecificationException>();
        foreach (CovarianceStructure structure in list)
        {
            MmrmOptions one = options with
            {
                Covariance = structure, Fallback = [], DegreesOfFreedom = DegreesOfFreedomMethod.Residual, EmpiricalCovariance = false,
            };
            try
            {
                MmrmFit fit = MmrmModel.Fit(spec, one);
                rows.Add(new CovarianceStructureFit(structure, fit.CovarianceParameterCount, fit.Minus2LogLikelihood, fit.Aic, fit.Aicc,
                    fit.Bic, true, fit.Iterations, ""));
            }
            catch (Exception e) when (e is ModelFitException or ModelSpecificationException)
            {
                if (e is ModelSpecificationException specification) errors.Add(specification);
                int count = new CovarianceParameterization(structure, spec.Visits.Select(v => v.Time).ToArray()).Count
                    * (options.GroupCovariance ? ((FactorVariable)spec.Data[spec.Arm]).Levels.Length : 1);
                rows.Add(new CovarianceStructureFit(structure, count, double.NaN, double.NaN, double.NaN, double.NaN, false, 0, e.Message));
            }
        }
        if (errors.Count == list.Length) throw errors[0];
        return new CovarianceStructureComparison
        {
            Parameter = spec.Parameter, Outcome = spec.Outcome, Method = options.Method, GroupCovariance = options.GroupCovariance, Rows = rows,
        };
    }
}
