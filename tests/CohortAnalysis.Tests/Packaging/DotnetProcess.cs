using System.Diagnostics;
using System.Text;
using Xunit;

namespace CohortAnalysis.Tests.Packaging;

/// <summary>Runs the .NET CLI (or a program it installed) in a child process with an isolated NuGet package folder,
/// so nothing restored earlier on the machine can stand in for a freshly packed package (null: the machine's own folder).</summary>
public sealed class DotnetProcess(string? packagesFolder)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH under dotnet test), else dotnet on the PATH.</summary>
    public static string Host { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host : "dotnet";

    public ProcessResult Dotnet(string workingFolder, params string[] args) => Run(Host, workingFolder, args);

    public ProcessResult Run(string program, string workingFolder, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        // The test host inherits the MSBuild settings of the `dotnet test` that started it; a child build must find its
        // own, or it would build with the test run's node and SDK paths.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        if (packagesFolder is not null) start.Environment["NUGET_PACKAGES"] = packagesFolder;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {Timeout.TotalMinutes} min.\n{output}\n{error}");
        }
        process.WaitForExit();
        return new ProcessResult(string.Join(' ', args), process.ExitCode, output.ToString(), error.ToString());
    }
}

/// <summary>What a child process printed and how it ended.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Out, string Err)
{
    /// <summary>Fails the test with everything the process printed unless it exited with 0.</summary>
    public ProcessResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"'{CommandLine}' exited with {ExitCode}.\n--- stdout\n{Out}\n--- stderr\n{Err}");
        return this;
    }
}
