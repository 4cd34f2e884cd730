using System.CommandLine;
using CohortAnalysis.Data;

namespace CohortAnalysis.Cli;

/// <summary>Runs a command body with the CLI's error convention: message to stderr, non-zero exit, stack trace only with --verbose.</summary>
internal static class CommandRunner
{
    public const int DataError = 2;
    public const int UsageError = 1;

    public static void SetAction(Command command, CliOptions options, Func<ParseResult, int> body) =>
        command.SetAction(result => Run(result, options, body));

    private static int Run(ParseResult result, CliOptions options, Func<ParseResult, int> body)
    {
        try
        {
            return body(result);
        }
        catch (Exception e) when (e is CohortDataException or Privacy.IdentifiableDataException or Models.ModelSpecificationException or Models.ModelFitException or FileNotFoundException or DirectoryNotFoundException or ArgumentException
                                   or InvalidOperationException or IOException or KeyNotFoundException or UnauthorizedAccessException)
        {
            string message = e is Privacy.IdentifiableDataException refusal ? IdentifierRefusalMessage.For(refusal) : e.Message;
            Console.Error.WriteLine(result.GetValue(options.Verbose) ? e.ToString() : message);
            return e is CohortDataException or Privacy.IdentifiableDataException or Models.ModelSpecificationException or Models.ModelFitException ? DataError : UsageError;
        }
    }
}
