namespace CohortAnalysis.Cli;

/// <summary>The guard's refusal as the command line shows it: the library's findings, then the flags that act on them
/// (the library's own advice names its API types, which mean nothing on a command line).</summary>
internal static class IdentifierRefusalMessage
{
    public const string Advice =
        "Drop the columns with --drop-identifiers, or load them anyway with --allow-identifiers REASON (the reason is recorded in the report).";

    public static string For(Privacy.IdentifiableDataException e) => e.Refusal + " " + Advice;
}
