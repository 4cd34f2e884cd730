namespace CohortAnalysis.Models;

/// <summary>One covariance structure's fit in a <see cref="CovarianceStructureComparison"/>.</summary>
/// <remarks>Immutable. Criteria are NaN when <see cref="Converged"/> is false; <see cref="Note"/> then says why.</remarks>
/// <param name="Structure">The structure.</param>
/// <param name="Parameters">Number of covariance parameters (all arms together with group covariance).</param>
/// <param name="Minus2LogLikelihood">−2 (restricted) log-likelihood.</param>
/// <param name="Aic">Akaike's information criterion.</param>
/// <param name="Aicc">AIC with the small-sample correction.</param>
/// <param name="Bic">Schwarz's Bayesian criterion (n = subjects).</param>
/// <param name="Converged">Whether the maximisation converged to a positive-definite covariance.</param>
/// <param name="Iterations">Iterations of the maximisation (0 when it failed).</param>
/// <param name="Note">Why the structure could not be estimated; empty when it converged.</param>
public sealed record CovarianceStructureFit(CovarianceStructure Structure, int Parameters, double Minus2LogLikelihood,
    double Aic, double Aicc, double Bic, bool Converged, int Iterations, string Note);

/// <summary>The same MMRM fitted with several covariance structures, compared by AIC, AICc and BIC (smaller is better).</summary>
/// <remarks>Immutable; safe to share between threads. Built by <see cref="Mmrm.CompareStructures"/>.</remarks>
public sealed record CovarianceStructureComparison : ITabular
{
    /// <summary>The parameter analysed.</summary>
    public required string Parameter { get; init; }
    /// <summary>The outcome analysed.</summary>
    public required ChangeVariable Outcome { get; init; }
    /// <summary>REML or ML: the likelihood behind every criterion.</summary>
    public required EstimationMethod Method { get; init; }
    /// <summary>Whether each structure was fitted separately per arm (SAS <c>GROUP=</c>).</summary>
    public required bool GroupCovariance { get; init; }
    /// <summary>One row per structure, in the order asked for.</summary>
    public required IReadOnlyList<CovarianceStructureFit> Rows { get; init; }

    /// <summary>The converged structure with the smallest AIC; null when none converged.</summary>
    public CovarianceStructure? BestByAic => Best(r => r.Aic);
    /// <summary>The converged structure with the smallest AICc; null when none converged.</summary>
    public CovarianceStructure? BestByAicc => Best(r => r.Aicc);
    /// <summary>The converged structure with the smallest BIC; null when none converged.</summary>
    public CovarianceStructure? BestByBic => Best(r => r.Bic);

    private CovarianceStructure? Best(Func<CovarianceStructureFit, double> criterion) =>
        Rows.Where(r => r.Converged).OrderBy(criterion).Select(r => (CovarianceStructure?)r.Structure).FirstOrDefault();

    /// <summary>The comparison as a table: structure, SAS TYPE=, parameters, −2ℓ, AIC, AICc, BIC, ΔAIC from the best,
    /// converged, note; the best structures in the notes.</summary>
    public TableView ToTableView()
    {
        double bestAic = Rows.Where(r => r.Converged).Select(r => r.Aic).DefaultIfEmpty(double.NaN).Min();
        string likelihood = Method == EstimationMethod.Reml ? "-2 Res LL" : "-2 LL";
        string Name(CovarianceStructure? s) => s is { } x ? $"{CovarianceStructureNames.Describe(x)} ({CovarianceStructureNames.Sas(x)})" : "none converged";
        var notes = new List<string>
        {
            $"Best by AIC: {Name(BestByAic)}; by AICC: {Name(BestByAicc)}; by BIC: {Name(BestByBic)}. Smaller is better.",
            $"Same fixed effects in every fit, {(Method == EstimationMethod.Reml ? "REML" : "ML")}{(GroupCovariance ? ", one covariance per arm" : "")}; no fallback. AIC = -2LL + 2d, AICC with the small-sample correction, BIC = -2LL + d log(subjects) (SAS PROC MIXED).",
        };
        return TableView.Create(
            $"Covariance structures for {Parameter} {Comparison.VariableCode(Outcome)}",
            [new("Structure"), new("TYPE="), new("Parameters", true), new(likelihood, true), new("AIC", true), new("AICC", true),
                new("BIC", true), new("Delta AIC", true), new("Converged"), new("Note")],
            Rows.Select(r => (IReadOnlyList<string>)
            [
                CovarianceStructureNames.Describe(r.Structure), CovarianceStructureNames.Sas(r.Structure), Display.Integer(r.Parameters),
                Number(r.Minus2LogLikelihood), Number(r.Aic), Number(r.Aicc), Number(r.Bic),
                r.Converged ? Number(r.Aic - bestAic) : "NA", r.Converged ? "yes" : "no", r.Note,
            ]),
            notes);
    }

    /// <inheritdoc />
    public override string ToString() => ToTableView().ToString();

    private static string Number(double x) => Display.Number(x, "0.00");
}
