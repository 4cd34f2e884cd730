using System.Text;
using CohortAnalysis.Data;
using Xunit;

namespace CohortAnalysis.Tests.Data;

/// <summary>Inputs that crashed a reader with an exception other than <see cref="CohortDataException"/> (found by
/// fuzz/run.sh or while writing its targets). Each must now be a clear CohortDataException naming line, column and value.</summary>
public class ReaderFuzzRegressionTests
{
    private static readonly CohortReadOptions Wide = new() { Wide = WideLayout.Default };

    [Fact]
    public void Read_WideColumnWithNonAsciiDigitVisit_ThrowsHeaderProblemNotFormatException()
    {
        // Regex \d matches U+0663 ARABIC-INDIC DIGIT THREE; double.Parse with the invariant culture threw FormatException.
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read("USUBJID,TRT01P,MADRS_W\u0663\nS1,A,1\n", "wide.csv", Wide));
        Assert.Equal("wide.csv line 1, column MADRS_W\u0663: the score column's visit '\u0663' is not a finite number (digits 0-9, '.' decimals).\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
        Assert.Equal((1L, "MADRS_W\u0663", "\u0663"), (e.Line, e.Column, e.Value));
    }

    [Fact]
    public void Read_WideColumnWithOverflowingVisit_ThrowsHeaderProblem()
    {
        // 400 digits parse to +infinity; a visit must be finite, as in the long layout.
        string visit = "1" + new string('0', 399);
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read($"USUBJID,TRT01P,MADRS_{visit}\nS1,A,1\n", "wide.csv", Wide));
        Assert.Equal(1, e.Line);
        Assert.EndsWith("is not a finite number (digits 0-9, '.' decimals).\n1 problem; 0 rows loaded.", e.Message.ReplaceLineEndings("\n"));
        Assert.Equal(visit[..57] + "...", e.Value);
    }

    [Fact]
    public void Read_StrictUtf8ReaderWithBadByteInFirstBlock_ThrowsNotUtf8NotDecoderFallbackException()
    {
        // Found by ReaderMutationPropertyTests: a BOM with its first byte flipped (",\xBB\xBF"). Peek() decodes the first
        // block of a strict reader and threw DecoderFallbackException before the reader's own UTF-8 check.
        byte[] bytes = [(byte)',', 0xBB, 0xBF, .. "USUBJID,TRT01P,PARAMCD,AVISITN,AVAL\nS1,A,MADRS,0,30\n"u8];
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, throwOnInvalidBytes: true));
        var e = Assert.Throws<CohortDataException>(() => CohortCsvReader.Read(reader, "strict.csv"));
        Assert.Equal("strict.csv: the file is not valid UTF-8 (a Latin-1 or Windows-1252 export?); save it as UTF-8.\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Read_WideHeaderThatTimesOutACustomPattern_ThrowsHeaderProblemNotRegexMatchTimeoutException()
    {
        // Found by review (the default pattern cannot backtrack): a user pattern with nested quantifiers times out (1 s)
        // on a long header name, and RegexMatchTimeoutException escaped the reader.
        var options = new CohortReadOptions { Wide = new WideLayout { ColumnPattern = @"^(?<parameter>([A-Z]|[A-Z][A-Z])+)_(?<visit>\d+)$" } };
        string column = new string('A', 64) + "!";
        var e = Assert.Throws<CohortDataException>(() => CsvText.Read($"USUBJID,TRT01P,MADRS_1,{column}\nS1,A,1,2\n", "wide.csv", options));
        // Long names are shortened in messages, as values are.
        Assert.Equal($"wide.csv line 1, column {column[..57]}...: matching the column name against the score-column pattern took over 1 s; simplify the pattern.\n1 problem; 0 rows loaded.",
            e.Message.ReplaceLineEndings("\n"));
    }
}
