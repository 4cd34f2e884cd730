using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>The imputation model: the MMRM Y ~ ARM + VISIT + ARM*VISIT + BASE + BASE*VISIT (+ covariates) with a
/// covariance structure (default unstructured), fitted by REML on the values used, through the models' likelihood.</summary>
internal static class ImputationModel
{
    /// <summary>The fit on the full data, with the fallback chain; throws naming each structure tried and why it failed.</summary>
    public static (ModelParameters Parameters, CovarianceStructure Structure, IReadOnlyList<string> Notes) FitFull(ImputationData data, ImputationOptions options)
    {
        MmrmDesign design = MmrmDesign.Build(data.ModelData, ImputationData.ResponseName, ImputationData.SubjectName, ImputationData.VisitName,
            data.Terms, null, data.Visits.Select(v => v.Time).ToArray(), FactorCoding.ReferenceFirst, ImputationData.ArmName);
        if (!design.Frame.ColumnNames.SequenceEqual(data.ColumnNames))
            throw new ModelSpecificationException($"{data.Parameter}: the values used do not support every column of the imputation model ({data.Formula}); a factor level has no value used.");
        var notes = new List<string>();
        var chain = new List<CovarianceStructure> { options.Covariance };
        chain.AddRange(options.Fallback.Where(s => s != options.Covariance).Distinct());
        foreach (CovarianceStructure structure in chain)
        {
            MmrmEstimation attempt;
            try { attempt = MmrmEstimation.Fit(design, structure, reml: true); }
            catch (ModelSpecificationException e) { notes.Add($"{MmrmEstimation.Describe(structure)}: {e.Message}"); continue; }
            if (!attempt.Outcome.Converged) { notes.Add($"{MmrmEstimation.Describe(structure)}: not converged ({attempt.Outcome.Note})"); continue; }
            return (new ModelParameters(attempt.Beta.ToArray(), (double[])attempt.Sigma[0].Clone(), (double[])attempt.Outcome.Theta.Clone()), structure, notes);
        }
        throw new ModelFitException(string.Create(CultureInfo.InvariantCulture,
            $"{data.Parameter}: the imputation model (MMRM {data.Formula}, REML, {design.Y.Length} values used from {design.SubjectCount} subjects) could not be fitted with any covariance structure tried: {string.Join("; ", notes)}."));
    }

    /// <summary>The fit on a multiset of subjects (a jackknife or bootstrap sample), started from <paramref name="start"/>;
    /// null with a reason when it does not converge.</summary>
    public static ModelParameters? FitSample(ImputationData data, ReadOnlySpan<int> subjects, CovarianceStructure structure, double[] start, out string note)
    {
        int t = data.T, p = data.P;
        var subjectStart = new List<int> { 0 };
        var visit = new List<int>();
        var y = new List<double>();
        var x = new List<double>();
        foreach (int i in subjects)
        {
            int before = visit.Count;
            for (int j = 0; j < t; j++)
            {
                double v = data.Y[i * t + j];
                if (double.IsNaN(v)) continue;
                visit.Add(j);
                y.Add(v);
                x.AddRange(data.XOwn.AsSpan((i * t + j) * p, p));
            }
            if (visit.Count > before) subjectStart.Add(visit.Count);
        }
        int count = subjectStart.Count - 1;
        var cov = new CovarianceParameterization(structure, data.Visits.Select(v => v.Time).ToArray());
        var likelihood = new MmrmLikelihood(subjectStart.ToArray(), visit.ToArray(), y.ToArray(), x.ToArray(), p, new int[count], 1, cov, reml: true);
        LikelihoodMaximizer.Outcome outcome = LikelihoodMaximizer.Minimize(likelihood, start);
        if (!outcome.Converged) { note = outcome.Note; return null; }
        if (!double.IsFinite(likelihood.Evaluate(outcome.Theta, null))) { note = "the covariance at the optimum is not positive definite"; return null; }
        note = "";
        return new ModelParameters((double[])likelihood.Beta.Clone(), (double[])likelihood.Sigma(0).Clone(), (double[])outcome.Theta.Clone());
    }
}
