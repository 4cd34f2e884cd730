namespace CohortAnalysis.Data;

/// <summary>Rows the identifier guard counts while a file loads (<see cref="LoadTimeIdentifierScan"/>): a block the
/// read-ahead copied (<see cref="ScannedRowBlock"/>) or a row group a columnar source decoded.</summary>
internal interface IScannedRows
{
    /// <summary>True when the rows are too few to be worth a thread of their own (the last, partial block of a file, or a
    /// small file): scanned on the loading thread when no scanning thread runs yet.</summary>
    bool IsSmall { get; }

    /// <summary>Counts every field of the rows in <paramref name="scanner"/>, each column's values in row order: the first
    /// <paramref name="columns"/> fields of each row, columns marked in <paramref name="skip"/> excepted. Columns are
    /// counted independently, so counting them one after the other gives what counting row by row does.</summary>
    void ScanInto(Privacy.IdentifierScanner scanner, bool[] skip, int columns);

    /// <summary>Called once the rows are counted: a block goes back to its pool.</summary>
    void Scanned();
}
