using System.Globalization;
using CohortAnalysis.Change;
using CohortAnalysis.Descriptive;

namespace CohortAnalysis.Reporting;

/// <summary>Baseline characteristics by arm: each endpoint's baseline score (n, mean, SD, median, range) and every
/// subject covariate (numeric ones summarised like scores, the others as counts and percentages of each level).</summary>
/// <remarks>Immutable. A covariate is numeric when every value is an invariant number and it has more than
/// <see cref="MaxCategoricalLevels"/> levels (so site numbers stay categorical).</remarks>
/// <param name="Arms">Arms, in the cohort's order; each row has one cell per arm and a total.</param>
/// <param name="Rows">Scores first, then covariates in the cohort's column order.</param>
public sealed record BaselineCharacteristics(IReadOnlyList<string> Arms, IReadOnlyList<BaselineRow> Rows) : ITabular
{
    /// <summary>A numeric covariate with at most this many levels is shown as categories.</summary>
    public const int MaxCategoricalLevels = 12;

    /// <summary>The baseline characteristics of <paramref name="cohort"/> for <paramref name="parameters"/>.</summary>
    public static BaselineCharacteristics Of(Cohort cohort, IReadOnlyList<string> parameters)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(parameters);
        int arms = cohort.Arms.Count;
        var rows = new List<BaselineRow>();
        foreach (string parameter in parameters)
        {
            Trajectories t = Trajectories.Of(cohort, parameter);
            var values = Enumerable.Range(0, arms + 1).Select(_ => new List<double>()).ToArray();
            for (int row = 0; row < t.SubjectCount; row++)
            {
                double b = t.Baseline(row);
                if (!double.IsFinite(b)) continue;
                values[t.ArmOf(row)].Add(b);
                values[arms].Add(b);
            }
            rows.Add(BaselineRow.Continuous($"{t.Parameter} at baseline", values.Select(v => v.Count > 0 ? Summary.Of(v) : null).ToArray()));
        }
        foreach (string name in cohort.CovariateNames)
        {
            IReadOnlyList<string?> covariate = cohort.CovariateValues(name)!;
            var present = covariate.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            var levels = present.Distinct(StringComparer.Ordinal).ToList();
            bool numeric = levels.Count > MaxCategoricalLevels
                && present.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            if (numeric)
            {
                var values = Enumerable.Range(0, arms + 1).Select(_ => new List<double>()).ToArray();
                for (int s = 0; s < covariate.Count; s++)
                {
                    if (string.IsNullOrEmpty(covariate[s])) continue;
                    double x = double.Parse(covariate[s]!, NumberStyles.Float, CultureInfo.InvariantCulture);
                    values[cohort.ArmIndexOfSubject(s)].Add(x);
                    values[arms].Add(x);
                }
                rows.Add(BaselineRow.Continuous(name, values.Select(v => v.Count > 0 ? Summary.Of(v) : null).ToArray()));
                continue;
            }
            int[] denominators = new int[arms + 1];
            for (int s = 0; s < covariate.Count; s++)
            {
                denominators[cohort.ArmIndexOfSubject(s)]++;
                denominators[arms]++;
            }
            bool allNumbers = levels.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            IEnumerable<string> ordered = allNumbers
                ? levels.OrderBy(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
                : levels.OrderBy(v => v, StringComparer.Ordinal);
            foreach (string level in ordered.Append(""))
            {
                int[] counts = new int[arms + 1];
                for (int s = 0; s < covariate.Count; s++)
                {
                    if ((covariate[s] ?? "") != level) continue;
                    counts[cohort.ArmIndexOfSubject(s)]++;
                    counts[arms]++;
                }
                if (level.Length == 0 && counts[arms] == 0) continue;
                rows.Add(BaselineRow.Categorical(name, level.Length == 0 ? "missing" : level, counts, denominators));
            }
        }
        return new BaselineCharacteristics(cohort.Arms, rows);
    }

    /// <inheritdoc />
    public TableView ToTableView() => TableView.Create("Baseline characteristics by arm",
        [new("Characteristic"), new("Statistic"), .. Arms.Select(a => new TableColumn(a, true)), new("Total", true)],
        Rows.Select(r => (IReadOnlyList<string>)[r.Characteristic, r.Statistic, .. r.Cells]),
        ["Scores and numeric covariates: n, mean (SD), median [min, max]; categorical covariates: n (% of the arm's subjects)."]);
}

/// <summary>One row of <see cref="BaselineCharacteristics"/>: a score or covariate (or one level of it) per arm and in total.</summary>
/// <param name="Characteristic">The score or covariate, e.g. "MADRS at baseline" or "SEX".</param>
/// <param name="Statistic">"n; mean (SD); median [min, max]" or the level, e.g. "F".</param>
/// <param name="Summaries">For a continuous row: per arm, then the total (null where no subject has a value); else empty.</param>
/// <param name="Counts">For a categorical row: subjects at the level per arm, then the total; else empty.</param>
/// <param name="Denominators">For a categorical row: subjects per arm, then the total; else empty.</param>
public sealed record BaselineRow(string Characteristic, string Statistic, IReadOnlyList<Summary?> Summaries, IReadOnlyList<int> Counts,
    IReadOnlyList<int> Denominators)
{
    internal static BaselineRow Continuous(string name, IReadOnlyList<Summary?> summaries) => new(name, "n; mean (SD); median [min, max]", summaries, [], []);

    internal static BaselineRow Categorical(string name, string level, IReadOnlyList<int> counts, IReadOnlyList<int> denominators) =>
        new(name, level, [], counts, denominators);

    /// <summary>The displayed cells, one per arm and the total.</summary>
    public IReadOnlyList<string> Cells => Summaries.Count > 0
        ? Summaries.Select(s => s is null ? "NA" : string.Create(CultureInfo.InvariantCulture,
            $"{s.N}; {s.Mean:0.0} ({s.Sd:0.0}); {s.Median:0.#} [{s.Min:0.#}, {s.Max:0.#}]")).ToList()
        : Counts.Select((n, i) => Denominators[i] == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{n} ({100.0 * n / Denominators[i]:0.0}%)")).ToList();
}
