using System.Diagnostics;

namespace CohortAnalysis.Tests.Cli;

/// <summary>Runs the real `cohort` tool (the built cohort.dll beside the tests) in a child process.</summary>
internal static class CohortCommand
{
    public static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cohort.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new TimeoutException("cohort did not finish in 120 s"); }
        return (process.ExitCode, output.Result, error.Result);
    }
}
