using System.Security.Cryptography;
using CohortAnalysis.Data;

namespace CohortAnalysis.Reporting;

/// <summary>The data file a report was made from: its name (never a machine path), size and SHA-256, so a reader can
/// check that a file is the one analysed.</summary>
/// <param name="Name">File name without its folder, e.g. "adqs.xpt".</param>
/// <param name="Bytes">File size in bytes.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hexadecimal.</param>
/// <param name="Description">How it was read, e.g. "bundled synthetic demo trial" or "SAS transport (.xpt)".</param>
/// <remarks>Immutable.</remarks>
public sealed record ReportSource(string Name, long Bytes, string Sha256, string Description)
{
    /// <summary>The file at <paramref name="path"/>, hashed.</summary>
    /// <param name="path">The data file.</param>
    /// <param name="description">How it was read; default: from its extension.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ReportSource FromFile(string path, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return Of(stream, Path.GetFileName(path), description ?? Describe(path));
    }

    /// <summary>The bundled synthetic demo trial (<see cref="DemoTrial"/>), hashed as embedded.</summary>
    public static ReportSource DemoTrialCsv()
    {
        using Stream stream = DemoTrial.OpenCsv();
        return Of(stream, DemoTrial.FileName, "bundled synthetic demo trial (CohortAnalysis.Data.DemoTrial)");
    }

    private static ReportSource Of(Stream stream, string name, string description)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            bytes += read;
        }
        return new ReportSource(name, bytes, Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(), description);
    }

    private static string Describe(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xpt" => "SAS transport file (XPORT)",
        ".json" => "CDISC Dataset-JSON",
        ".ndjson" => "CDISC Dataset-JSON (NDJSON)",
        ".parquet" => "Apache Parquet",
        ".tsv" or ".tab" => "tab-separated text",
        _ => "delimited text (CSV)",
    };
}
