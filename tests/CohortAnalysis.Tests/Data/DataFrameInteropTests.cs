using System.Globalization;
using CohortAnalysis.Data;
using Microsoft.Data.Analysis;
using Xunit;

namespace CohortAnalysis.Tests.Data;

public class DataFrameInteropTests
{
    [Fact]
    public void ToDataFrame_ThenToCohort_RoundTrips()
    {
        Cohort cohort = CsvText.Read(CsvText.Small);
        DataFrame frame = cohort.ToDataFrame();
        Assert.Equal(["USUBJID", "TRT01P", "PARAMCD", "AVISITN", "AVISIT", "AVAL", "BASE", "CHG", "PCHG"], frame.Columns.Select(c => c.Name));
        Cohort again = DataFrameInterop.ToCohort(frame, "frame");
        Assert.Equal(cohort.Values.ToArray(), again.Values.ToArray());
        Assert.Equal(cohort.Changes.ToArray(), again.Changes.ToArray());
        Assert.Equal(cohort.Subjects, again.Subjects);
    }

    [Fact]
    public void ToDataFrame_MissingValuesAreNullNotZero()
    {
        // Trap: Microsoft.Data.Analysis aggregations treat missing as 0 if they are stored as 0; we store nulls.
        DataFrame frame = CsvText.Read(CsvText.Small).ToDataFrame();
        Assert.Equal(1, frame.Columns["AVAL"].NullCount);
        Assert.Equal(4 + 1, frame.Columns["CHG"].NullCount); // 4 baseline rows + S2's missing week 1
    }

    [Fact]
    public void ToCohort_SingleColumn_KeepsTheDecimalTheUserTyped()
    {
        // Trap: LoadCsv infers Single; (double)0.1f is 0.100000001490116. Round-trip text gives back 0.1.
        var frame = new DataFrame(
            new StringDataFrameColumn("USUBJID", ["S1", "S1"]),
            new StringDataFrameColumn("TRT01P", ["A", "A"]),
            new StringDataFrameColumn("PARAMCD", ["PAINNRS", "PAINNRS"]),
            new SingleDataFrameColumn("AVISITN", [0f, 1f]),
            new SingleDataFrameColumn("AVAL", [6.5f, 0.1f]));
        Cohort cohort = DataFrameInterop.ToCohort(frame);
        Assert.Equal([6.5, 0.1], cohort.Values.ToArray());
        Assert.Equal(0.1 - 6.5, cohort.Changes[1]);
    }

    [Fact]
    public void ToCohort_NullScore_IsMissingNotZero()
    {
        var aval = new DoubleDataFrameColumn("AVAL", [30.0, null]);
        var frame = new DataFrame(
            new StringDataFrameColumn("USUBJID", ["S1", "S1"]), new StringDataFrameColumn("TRT01P", ["A", "A"]),
            new StringDataFrameColumn("PARAMCD", ["MADRS", "MADRS"]), new Int32DataFrameColumn("AVISITN", [0, 1]), aval);
        Cohort cohort = DataFrameInterop.ToCohort(frame);
        Assert.True(double.IsNaN(cohort.Values[1]));
    }

    [Fact]
    public void ToCohort_BadCell_NamesFrameLineAndColumn()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("USUBJID", ["S1", "S1"]), new StringDataFrameColumn("TRT01P", ["A", "A"]),
            new StringDataFrameColumn("PARAMCD", ["MADRS", "MADRS"]), new StringDataFrameColumn("AVISITN", ["0", "week 1"]),
            new DoubleDataFrameColumn("AVAL", [30.0, 20.0]));
        var e = Assert.Throws<CohortDataException>(() => DataFrameInterop.ToCohort(frame, "adqs"));
        Assert.StartsWith("adqs line 3, column AVISITN: 'week 1' is not a number", e.Message);
    }

    [Fact]
    public void CsvReaderToDataFrame_UnderGermanCulture_KeepsDecimals()
    {
        // Trap: DataFrame.LoadCsv parses with the current culture ("6.5" → 65 under de-DE). Our reader does not.
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            DataFrame frame = CohortCsvReader.Parse("USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,PAINNRS,0,6.5\n").ToDataFrame();
            Assert.Equal(6.5, (double)frame.Columns["AVAL"][0]!);
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }
}
