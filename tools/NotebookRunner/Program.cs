using System.Diagnostics;
using System.Globalization;

namespace NotebookRunner;

/// <summary>Runs Polyglot (.NET Interactive) C# notebooks headless, cell by cell, in the real C# kernel.</summary>
/// <remarks>
/// Usage: NotebookRunner [--write-outputs] [--cell-timeout SECONDS] NOTEBOOK.ipynb...
/// Each notebook runs in a fresh kernel with the notebook's folder as working directory, so a nuget.config beside
/// the notebook (e.g. a relative source to freshly packed packages) applies to its #r "nuget: …" lines.
/// Exit code 0 when every cell of every notebook succeeded, 1 when a cell failed, 2 for bad arguments.
/// </remarks>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        bool writeOutputs = false;
        var timeout = TimeSpan.FromMinutes(5);
        var notebooks = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--write-outputs":
                    writeOutputs = true;
                    break;
                case "--cell-timeout" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int seconds):
                    timeout = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case "-h" or "--help":
                    Console.WriteLine("Usage: NotebookRunner [--write-outputs] [--cell-timeout SECONDS] NOTEBOOK.ipynb...");
                    return 0;
                default:
                    if (args[i].StartsWith('-'))
                    {
                        Console.Error.WriteLine($"Unknown option '{args[i]}'.");
                        return 2;
                    }
                    notebooks.Add(Path.GetFullPath(args[i]));
                    break;
            }
        }
        if (notebooks.Count == 0)
        {
            Console.Error.WriteLine("Usage: NotebookRunner [--write-outputs] [--cell-timeout SECONDS] NOTEBOOK.ipynb...");
            return 2;
        }

        int failed = 0;
        if (notebooks.Count == 1)
        {
            failed = await RunNotebookAsync(notebooks[0], writeOutputs, timeout) ? 0 : 1;
        }
        else
        {
            // One process per notebook: a disposed kernel takes its native-library resolver with it, and finalizers of
            // the previous notebook's objects (SkiaSharp fonts) would then crash the next notebook's process.
            foreach (string path in notebooks)
                failed += await RunInChildProcessAsync(path, writeOutputs, timeout) ? 0 : 1;
        }
        // Deliberately not the "N passed, N failed" shape: CI reads that line as the test count of the whole run.
        // A child process (one notebook of several) leaves the summary to its parent.
        if (Environment.GetEnvironmentVariable(ChildVariable) is null)
            Console.WriteLine($"Notebooks: {notebooks.Count - failed} of {notebooks.Count} ran without error.");
        return failed == 0 ? 0 : 1;
    }

    private const string ChildVariable = "COHORT_NOTEBOOK_RUNNER_CHILD";

    private static async Task<bool> RunInChildProcessAsync(string path, bool writeOutputs, TimeSpan timeout)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false, Environment = { [ChildVariable] = "1" } };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        if (writeOutputs)
            start.ArgumentList.Add("--write-outputs");
        start.ArgumentList.Add("--cell-timeout");
        start.ArgumentList.Add(((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(path);
        using Process child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        await child.WaitForExitAsync();
        return child.ExitCode == 0;
    }

    private static async Task<bool> RunNotebookAsync(string path, bool writeOutputs, TimeSpan timeout)
    {
        string name = Path.GetFileName(path);
        NotebookFile notebook;
        try
        {
            notebook = NotebookFile.Read(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"{name}: {e.Message}");
            return false;
        }

        // Package restore looks for nuget.config from the working directory: make that the notebook's folder.
        string previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
        var total = Stopwatch.StartNew();
        try
        {
            using var kernel = new NotebookKernel();
            int executionCount = 0;
            foreach (CodeCell cell in notebook.CodeCells())
            {
                executionCount++;
                var watch = Stopwatch.StartNew();
                CellResult result = await kernel.RunAsync(cell, executionCount, timeout);
                if (writeOutputs)
                    NotebookFile.SetOutputs(cell, executionCount, result.Outputs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: cell {cell.Index} {(result.Error is null ? "ok" : "FAILED")} ({watch.Elapsed.TotalSeconds:0.0} s)"));
                if (result.Error is not null)
                {
                    Console.Error.WriteLine($"{name}: cell {cell.Index} failed: {result.Error}");
                    if (writeOutputs)
                        notebook.Save();
                    return false;
                }
            }
            if (writeOutputs)
                notebook.Save();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: all {executionCount} code cells ran ({total.Elapsed.TotalSeconds:0.0} s)"));
            return true;
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
    }
}
