using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookRunner;

/// <summary>The real .NET Interactive C# kernel hosted in this process, set up as Polyglot Notebooks sets it up:
/// <c>#r "nuget: …"</c> restores packages, and a package's <c>interactive-extensions/dotnet/extension.dib</c> runs
/// when the package is added, as the dotnet-interactive tool does.</summary>
internal sealed class NotebookKernel : IDisposable
{
    private readonly CompositeKernel root;
    private readonly HashSet<string> loadedExtensions = new(StringComparer.Ordinal);

    public NotebookKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective(OnPackagesResolved, false)
            .UseKernelHelpers()
            .UseValueSharing();
        root = new CompositeKernel { csharp };
        root.DefaultKernelName = csharp.Name;
    }

    /// <summary>Runs one cell and turns the kernel's events into Jupyter outputs.</summary>
    public async Task<CellResult> RunAsync(CodeCell cell, int executionCount, TimeSpan timeout)
    {
        if (cell.KernelName is not ("csharp" or "C#"))
            return CellResult.Failed([], $"kernel '{cell.KernelName}' is not supported by this runner (only csharp).");

        using var cancel = new CancellationTokenSource(timeout);
        KernelCommandResult result;
        try
        {
            result = await root.SendAsync(new SubmitCode(cell.Source, "csharp"), cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return CellResult.Failed([], $"timed out after {timeout.TotalSeconds:0} s.");
        }

        var outputs = new List<JsonObject>();
        var displayIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        string? failure = null;
        foreach (KernelEvent e in result.Events)
        {
            switch (e)
            {
                case StandardOutputValueProduced stdout:
                    outputs.Add(Stream("stdout", Plain(stdout)));
                    break;
                case StandardErrorValueProduced stderr:
                    outputs.Add(Stream("stderr", Plain(stderr)));
                    break;
                case ReturnValueProduced value:
                    outputs.Add(Rich("execute_result", value, executionCount));
                    break;
                case DisplayedValueUpdated update when update.ValueId is not null && displayIndex.TryGetValue(update.ValueId, out int index):
                    // An update replaces the display it refers to (as Jupyter's update_display_data does), so progress
                    // messages such as "Installing Packages…" leave one final output, not one per tick.
                    outputs[index] = Rich("display_data", update, null);
                    break;
                case DisplayEvent display:   // DisplayedValueProduced, or an update of a display we never saw
                    if (display.ValueId is not null)
                        displayIndex[display.ValueId] = outputs.Count;
                    outputs.Add(Rich("display_data", display, null));
                    break;
                case CommandFailed failed when failed.Command == result.Command || failure is null:
                    failure = failed.Message;
                    outputs.Add(Error(failed.Message));
                    break;
            }
        }
        return failure is null ? CellResult.Succeeded(outputs) : CellResult.Failed(outputs, failure);
    }

    public void Dispose() => root.Dispose();

    /// <summary>Adds the restored assemblies, then runs each new package's extension script, as dotnet-interactive does.</summary>
    private async Task OnPackagesResolved(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
        foreach (ResolvedPackageReference package in packages)
        {
            string script = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet", "extension.dib");
            if (File.Exists(script) && loadedExtensions.Add(script))
                await root.LoadAndRunInteractiveDocument(new FileInfo(script), KernelInvocationContext.Current?.Command);
        }
    }

    private static string Plain(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.Value?.ToString() ?? "";

    private static JsonObject Stream(string name, string text) => new()
    {
        ["output_type"] = "stream",
        ["name"] = name,
        ["text"] = NotebookFile.Lines(text),
    };

    private static JsonObject Rich(string outputType, DisplayEvent e, int? executionCount)
    {
        var data = new JsonObject();
        foreach (FormattedValue value in e.FormattedValues.Where(v => !v.SuppressDisplay))
            data[value.MimeType] = value.MimeType.StartsWith("image/", StringComparison.Ordinal)
                ? value.Value                        // base64 stays one string, as Jupyter stores images
                : NotebookFile.Lines(value.Value);
        var output = new JsonObject { ["output_type"] = outputType, ["data"] = data, ["metadata"] = new JsonObject() };
        if (executionCount is int count)
            output["execution_count"] = count;
        return output;
    }

    private static JsonObject Error(string message) => new()
    {
        ["output_type"] = "error",
        ["ename"] = "Error",
        ["evalue"] = message,
        ["traceback"] = new JsonArray(message),
    };
}

/// <summary>What a cell produced: Jupyter outputs, and the error message if it failed.</summary>
internal sealed record CellResult(IReadOnlyList<JsonObject> Outputs, string? Error)
{
    public static CellResult Succeeded(IReadOnlyList<JsonObject> outputs) => new(outputs, null);
    public static CellResult Failed(IReadOnlyList<JsonObject> outputs, string error) => new(outputs, error);
}
