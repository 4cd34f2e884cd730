using System.Globalization;

namespace CohortAnalysis.Inference;

/// <summary>The one wording every estimator uses to say that missing (NaN) values were left out.</summary>
internal static class MissingNote
{
    /// <summary>"3 missing (NaN) values left out", or "" when none.</summary>
    public static string Of(int missing, string what) => missing <= 0 ? "" : string.Create(CultureInfo.InvariantCulture,
        $"{missing} missing (NaN) {(missing == 1 ? Singular(what) : what)} left out");

    /// <summary><paramref name="note"/> followed by the missing-value sentence, joined by "; ".</summary>
    public static string Append(string note, int missing, string what)
    {
        string extra = Of(missing, what);
        return extra.Length == 0 ? note : note.Length == 0 ? extra : note + "; " + extra;
    }

    private static string Singular(string what) => what switch
    {
        "values" => "value",
        "pairs" => "pair",
        _ => what,
    };
}
