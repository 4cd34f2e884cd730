using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>The MMRM as the analysis of a completed dataset: the imputation model's fixed effects (Y ~ ARM + VISIT +
/// ARM×VISIT + BASE + BASE×VISIT + covariates) and covariance structure, REML, fitted to every subject of the sample at
/// every visit, with LS means by arm and visit and differences from the reference arm, model-based SEs and Satterthwaite
/// df: what <see cref="Mmrm.Fit"/> with those options gives on the completed data.</summary>
/// <remarks>Each fit starts from the imputation model's θ̂ (a warm start: the completed data resemble the observed
/// data), and from the OLS residual covariance if that does not converge. LS means at the sample's mean baseline,
/// covariate levels weighted equally (SAS LSMEANS, emmeans). A bootstrap sample's repeated subject is a subject of its
/// own per occurrence. Thread-safe.</remarks>
internal sealed class CompletedMmrm : ICompletedAnalysis
{
    private const string SampleSubject = "SAMPLE";
    private readonly ImputationData _data;
    private readonly CovarianceStructure _structure;
    private readonly double[] _start;
    private readonly EstimateSlot[] _slots;
    private readonly (int Visit, int Arm, bool Difference)[] _cells;
    private readonly string[] _visitLabels;
    private readonly double[] _visitTimes;

    public CompletedMmrm(ImputationData data, CovarianceStructure structure, double[] start, MissingDataMethod method, string term)
    {
        _data = data;
        _structure = structure;
        _start = (double[])start.Clone();
        ArmVisitSlots slots = ArmVisitSlots.Build(data, method, term);
        _slots = slots.Slots;
        _cells = slots.Cells;
        _visitLabels = data.Visits.Select(v => v.DisplayName).ToArray();
        _visitTimes = data.Visits.Select(v => v.Time).ToArray();
        Description = $"MMRM on each completed dataset, {Comparison.VariableCode(data.Outcome)} ~ {string.Join(" + ", data.Terms.Select(t => t.Label))}, {MmrmEstimation.Describe(structure)} covariance, REML, Satterthwaite df";
    }

    public string Description { get; }

    public IReadOnlyList<EstimateSlot> Slots => _slots;

    public void Analyze(int[] subjects, double[] values, double[] estimates, double[] variances, double[] df)
    {
        ImputationData d = _data;
        int t = d.T, rows = subjects.Length * t;
        var subject = new string[rows];
        var arm = new string[rows];
        var visit = new string[rows];
        var baseline = new double[rows];
        var y = new double[rows];
        for (int k = 0; k < subjects.Length; k++)
        {
            int i = subjects[k];
            string id = k.ToString("D6", CultureInfo.InvariantCulture);
            for (int j = 0; j < t; j++)
            {
                int row = k * t + j;
                subject[row] = id;
                arm[row] = d.ArmLevels[d.Arm[i]];
                visit[row] = _visitLabels[j];
                baseline[row] = d.Baseline[i];
                y[row] = values[i * t + j];
            }
        }
        var md = new ModelData(rows);
        md.AddFactor(SampleSubject, subject);
        md.AddFactor(ImputationData.ArmName, arm, d.ArmLevels);
        md.AddFactor(ImputationData.VisitName, visit, _visitLabels);
        md.AddNumeric(ImputationData.BaselineName, baseline);
        md.AddNumeric(ImputationData.ResponseName, y);
        foreach (var (name, levels) in d.Covariates)
            md.AddFactor(name, Enumerable.Range(0, rows).Select(row => levels[subjects[row / t]]).ToArray());
        MmrmDesign design = MmrmDesign.Build(md, ImputationData.ResponseName, SampleSubject, ImputationData.VisitName, d.Terms,
            null, _visitTimes, FactorCoding.ReferenceFirst, ImputationData.ArmName);

        MmrmEstimation fit = MmrmEstimation.Fit(design, _structure, reml: true, _start);
        if (!fit.Outcome.Converged) fit = MmrmEstimation.Fit(design, _structure, reml: true, null);
        if (!fit.Outcome.Converged)
            throw new ModelFitException($"{d.Parameter}: the {MmrmEstimation.Describe(_structure)} MMRM analysis of a completed dataset did not converge from the imputation model's estimates or from the OLS residual covariance ({fit.Outcome.Note}); analyse by ANCOVA at each visit or choose another Covariance.");

        ReferenceGrid grid = ReferenceGrid.Build(design.Frame, [ImputationData.ArmName, ImputationData.VisitName], LsMeanWeights.Equal);
        string reference = d.ArmLevels[d.ReferenceArm];
        for (int s = 0; s < _cells.Length; s++)
        {
            var (j, a, difference) = _cells[s];
            ReferenceGridCell cell = grid.Cell(d.ArmLevels[a], _visitLabels[j]);
            double[] l = difference ? ReferenceGrid.Difference(cell, grid.Cell(reference, _visitLabels[j])) : cell.L;
            double estimate = 0;
            for (int c = 0; c < l.Length; c++) estimate += l[c] * fit.Beta[c];
            estimates[s] = estimate;
            variances[s] = LinearEstimate.Quadratic(l, fit.Covariance);
            df[s] = fit.Satterthwaite(l);
        }
    }
}
