using System.Globalization;
using CohortAnalysis.Models;

namespace CohortAnalysis.Tests.Models;

/// <summary>Known-result data sets as model records: mmrm's artificial fev_data and bcva_data (R package mmrm 0.3.18,
/// Apache-2.0), and any other CSV under tests/known-results (<see cref="Read"/>).</summary>
internal static class MmrmKnownData
{
    /// <param name="visitOrder">Order of the AVISIT levels (SAS's, from the listing's class level information); null = sorted.</param>
    public static ModelData Fev(string[]? visitOrder = null) => Read("mmrm-sas/fev_data.csv",
        factors: ["USUBJID", "AVISIT", "ARMCD", "RACE", "SEX"], numerics: ["FEV1_BL", "FEV1", "WEIGHT", "VISITN", "VISITN2"],
        order: visitOrder is null ? null : new Dictionary<string, string[]> { ["AVISIT"] = visitOrder });

    public static ModelData Bcva() => Read("mmrm-sas/bcva_data.csv",
        factors: ["USUBJID", "AVISIT", "ARMCD", "RACE"], numerics: ["VISITN", "BCVA_BL", "BCVA_CHG"]);

    /// <summary>Reads a CSV under tests/known-results into model records: empty cells are missing factor levels, empty or
    /// NA cells missing numbers.</summary>
    /// <param name="file">Path relative to tests/known-results.</param>
    /// <param name="factors">Columns read as factors.</param>
    /// <param name="numerics">Columns read as numbers (invariant culture).</param>
    /// <param name="order">Level order per factor; a factor not listed has its levels sorted.</param>
    public static ModelData Read(string file, string[] factors, string[] numerics, Dictionary<string, string[]>? order = null)
    {
        string[] lines = File.ReadAllLines(KnownResults.PathOf(file));
        string[] header = Split(lines[0]);
        string[][] rows = lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToArray();
        var data = new ModelData(rows.Length);
        foreach (string f in factors)
        {
            int c = Array.IndexOf(header, f);
            data.AddFactor(f, rows.Select(r => r[c].Length == 0 ? null : r[c]).ToArray(), order?.GetValueOrDefault(f));
        }
        foreach (string n in numerics)
        {
            int c = Array.IndexOf(header, n);
            data.AddNumeric(n, rows.Select(r => r[c].Length == 0 || r[c] == "NA" ? double.NaN : double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray());
        }
        return data;
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
}
