using Microsoft.Data.Analysis;

namespace CohortAnalysis.Data;

/// <summary>Microsoft.Data.Analysis <see cref="DataFrame"/> in and out, at the edge of the library.</summary>
/// <remarks>
/// <para>DataFrame is the interop format, not the engine. Known traps of Microsoft.Data.Analysis 0.23.1 that this
/// class avoids: <c>DataFrame.LoadCsv</c> parses with the current culture ("6.5" becomes 65 under de-DE) — read
/// files with <see cref="CohortCsvReader"/> instead; <c>LoadCsv</c> infers <c>Single</c> columns — values are taken
/// here through their shortest round-trip text, so 0.1f arrives as 0.1; <c>GroupBy(...).Mean()</c> counts missing
/// values as 0 — missing scores leave here as nulls, and summaries should come from the library, not from DataFrame
/// aggregation.</para>
/// <para>Thread-safe as long as the DataFrame is not mutated meanwhile.</para>
/// </remarks>
public static class DataFrameInterop
{
    /// <summary>Builds a cohort from a long (or, with <see cref="CohortReadOptions.Wide"/>, wide) DataFrame, with the same
    /// mapping, validation and data-quality report as <see cref="CohortCsvReader"/>. Nulls (and NaN) are missing values;
    /// lines in messages count the header as line 1, as a CSV export of the frame would.</summary>
    /// <exception cref="CohortDataException">The frame has problems; the message lists them.</exception>
    public static Cohort ToCohort(DataFrame frame, string sourceName = "DataFrame", CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        options ??= CohortReadOptions.Default;
        if (options.CommentCharacter is not null)
            throw new ArgumentException("CommentCharacter applies to CSV files only; a DataFrame has no comment lines.", nameof(options));
        using var source = new DataFrameTabularSource(frame, sourceName);
        return CohortTableReader.Read(source, options);
    }

    /// <summary>The cohort in long form with ADaM names: USUBJID, TRT01P, covariates, PARAMCD, AVISITN, AVISIT, AVAL,
    /// BASE, CHG, PCHG. Missing numbers are nulls (never 0).</summary>
    public static DataFrame ToDataFrame(this Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        int n = cohort.ObservationCount;
        var subject = new StringDataFrameColumn("USUBJID", n);
        var arm = new StringDataFrameColumn("TRT01P", n);
        var covariates = cohort.CovariateNames.Select(c => new StringDataFrameColumn(c, n)).ToArray();
        var covariateValues = cohort.CovariateNames.Select(c => cohort.CovariateValues(c)!).ToArray();
        var parameter = new StringDataFrameColumn("PARAMCD", n);
        var visit = new DoubleDataFrameColumn("AVISITN", n);
        var label = new StringDataFrameColumn("AVISIT", n);
        var value = new DoubleDataFrameColumn("AVAL", n);
        var baseline = new DoubleDataFrameColumn("BASE", n);
        var change = new DoubleDataFrameColumn("CHG", n);
        var percent = new DoubleDataFrameColumn("PCHG", n);
        ReadOnlySpan<int> subjects = cohort.SubjectIndex, parameters = cohort.ParameterIndex;
        ReadOnlySpan<double> times = cohort.VisitTimes, values = cohort.Values, baselines = cohort.Baselines,
            changes = cohort.Changes, percents = cohort.PercentChanges;
        for (int r = 0; r < n; r++)
        {
            int s = subjects[r];
            subject[r] = cohort.Subjects[s];
            arm[r] = cohort.Arms[cohort.ArmIndexOfSubject(s)];
            for (int c = 0; c < covariates.Length; c++) covariates[c][r] = covariateValues[c][s];
            parameter[r] = cohort.Parameters[parameters[r]];
            visit[r] = times[r];
            label[r] = cohort.VisitAt(times[r]).Label;
            value[r] = Nullable(values[r]);
            baseline[r] = Nullable(baselines[r]);
            change[r] = Nullable(changes[r]);
            percent[r] = Nullable(percents[r]);
        }
        return new DataFrame([subject, arm, .. covariates, parameter, visit, label, value, baseline, change, percent]);
    }

    internal static double? Nullable(double x) => double.IsNaN(x) ? null : x;
}
