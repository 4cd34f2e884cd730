namespace CohortAnalysis.Data;

/// <summary>The file format a cohort is read from.</summary>
public enum InputFormat
{
    /// <summary>Chosen by the file's extension: <c>.xpt</c> SAS transport, <c>.json</c> Dataset-JSON, <c>.ndjson</c>
    /// Dataset-JSON as NDJSON, <c>.parquet</c> Apache Parquet, <c>.tsv</c> tab-separated; anything else CSV.</summary>
    Auto,
    /// <summary>Delimited text (<see cref="CohortReadOptions.Delimiter"/>, ',' by default).</summary>
    Csv,
    /// <summary>Tab-separated text.</summary>
    Tsv,
    /// <summary>SAS transport (XPORT) version 5 or 8.</summary>
    Xport,
    /// <summary>CDISC Dataset-JSON 1.1 (one JSON object with <c>columns</c> and <c>rows</c>).</summary>
    DatasetJson,
    /// <summary>CDISC Dataset-JSON 1.1 as NDJSON (metadata object on line 1, one row array per line after it).</summary>
    DatasetNdjson,
    /// <summary>Apache Parquet (flat columns; read row group by row group, column by column).</summary>
    Parquet,
}
