using System.CommandLine;
using CohortAnalysis.Data;

namespace CohortAnalysis.Cli;

/// <summary>Runs a command body with the CLI's error convention: the message alone on stderr, a non-zero exit, a stack
/// trace only with --verbose — for every exception, expected or not.</summary>
internal static class CommandRunner
{
    public const int DataError = 2;
    public const int UsageError = 1;
    public const int InternalError = 3;
    public const int Cancelled = 130;

    public static void SetAction(Command command, CliOptions options, Func<ParseResult, int> body) => SetAction(command, options.Verbose, body);

    public static void SetAction(Command command, Option<bool> verbose, Func<ParseResult, int> body) =>
        command.SetAction(result => Run(result, verbose, body));

    private static int Run(ParseResult result, Option<bool> verbose, Func<ParseResult, int> body)
    {
        try
        {
            return body(result);
        }
        catch (Exception e)
        {
            TextWriter error = result.InvocationConfiguration.Error;
            error.WriteLine(result.GetValue(verbose) ? e.ToString() : MessageOf(e));
            return e switch
            {
                CohortDataException or Privacy.IdentifiableDataException or Models.ModelSpecificationException or Models.ModelFitException => DataError,
                OperationCanceledException => Cancelled,
                ArgumentException or InvalidOperationException or IOException or KeyNotFoundException or UnauthorizedAccessException
                    or FormatException or NotSupportedException => UsageError,
                _ => InternalError,
            };
        }
    }

    /// <summary>The message for the user: an argument exception without the .NET "(Parameter 'x')" and "Actual value
    /// was" suffixes; an unexpected exception named as a fault of the tool.</summary>
    internal static string MessageOf(Exception e) => e switch
    {
        ArgumentException a when a.ParamName is { } name => a.Message.Split('\n')[0].Replace($" (Parameter '{name}')", "", StringComparison.Ordinal).TrimEnd(),
        Privacy.IdentifiableDataException refusal => IdentifierRefusalMessage.For(refusal),
        CohortDataException or Models.ModelSpecificationException or Models.ModelFitException or ArgumentException or InvalidOperationException or IOException
            or KeyNotFoundException or UnauthorizedAccessException or FormatException or NotSupportedException => e.Message,
        OperationCanceledException => "Cancelled.",
        OutOfMemoryException => "Out of memory: the request is too large for this machine.",
        _ => $"Internal error ({e.GetType().Name}): {e.Message} Please report it; --verbose shows the details.",
    };
}
