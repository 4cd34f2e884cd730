using Microsoft.Data.Analysis;

namespace CohortAnalysis.Rendering;

/// <summary>Any estimates as a tidy DataFrame: one row per estimate, one column per field of the contract.</summary>
/// <remarks>Columns: parameter, visit, visitLabel, variable, subgroup, term, arm, reference, referenceChosen, missingData,
/// name, estimate, se, df, statistic, pValue, ciLower, ciUpper, ciLevel, ciMethod, n, nReference, missing, excluded,
/// method, citation, note; then sd, median, q1, q3, min, max when a row describes a sample
/// (<see cref="Descriptive.IDescribedSample"/>). Missing numbers are null, never 0 or NaN.</remarks>
public static class EstimateFrame
{
    /// <summary>The tidy frame of <paramref name="estimates"/>, in the order given.</summary>
    public static DataFrame From(IEnumerable<IEstimate> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        IEstimate[] rows = estimates.ToArray();
        var columns = new List<DataFrameColumn>();
        foreach (object column in EstimateColumns.For(rows))
        {
            columns.Add(column switch
            {
                EstimateColumns.Text t => new StringDataFrameColumn(t.Name, rows.Select(t.Read)),
                EstimateColumns.Number n => new DoubleDataFrameColumn(n.Name, rows.Select(r => { double x = n.Read(r); return double.IsNaN(x) ? (double?)null : x; })),
                EstimateColumns.Count c => new Int32DataFrameColumn(c.Name, rows.Select(c.Read)),
                _ => throw new InvalidOperationException("Unknown column kind."),
            });
        }
        return new DataFrame(columns);
    }
}
