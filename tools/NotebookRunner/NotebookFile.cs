using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotebookRunner;

/// <summary>An .ipynb file as JSON, with just enough understanding to run its code cells and store outputs.</summary>
/// <remarks>Works on the raw JSON (not a typed model) so every field we do not touch — metadata, attachments,
/// cell ids — is written back exactly as it was read.</remarks>
internal sealed class NotebookFile
{
    private readonly JsonObject root;

    private NotebookFile(string path, JsonObject root)
    {
        Path = path;
        this.root = root;
    }

    public string Path { get; }

    public static NotebookFile Read(string path)
    {
        JsonNode? node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (node is not JsonObject root || root["cells"] is not JsonArray)
            throw new InvalidDataException($"{path}: not a Jupyter notebook (no 'cells' array).");
        return new NotebookFile(path, root);
    }

    /// <summary>The notebook's default kernel: polyglot_notebook metadata, else the kernelspec, else csharp.</summary>
    public string DefaultKernelName
    {
        get
        {
            string? polyglot = root["metadata"]?["polyglot_notebook"]?["defaultKernelName"]?.GetValue<string>();
            string? spec = root["metadata"]?["kernelspec"]?["name"]?.GetValue<string>();
            return polyglot ?? spec switch
            {
                ".net-csharp" => "csharp",
                ".net-fsharp" => "fsharp",
                ".net-pwsh" => "pwsh",
                _ => "csharp",
            };
        }
    }

    /// <summary>Code cells in document order, with their position among all cells and their kernel name.</summary>
    public IEnumerable<CodeCell> CodeCells()
    {
        var cells = (JsonArray)root["cells"]!;
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell || cell["cell_type"]?.GetValue<string>() != "code")
                continue;
            string kernel = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
                ?? DefaultKernelName;
            yield return new CodeCell(i, kernel, SourceOf(cell), cell);
        }
    }

    /// <summary>Replaces a cell's outputs and execution count.</summary>
    public static void SetOutputs(CodeCell cell, int executionCount, IEnumerable<JsonObject> outputs)
    {
        cell.Json["execution_count"] = executionCount;
        cell.Json["outputs"] = new JsonArray(outputs.Select(o => (JsonNode)o).ToArray());
    }

    public void Save()
    {
        // Jupyter's own layout: one-space indent, non-ASCII kept readable, trailing newline.
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string json = root.ToJsonString(options).Replace("\r\n", "\n");
        File.WriteAllText(Path, IndentWithOneSpace(json) + "\n", new UTF8Encoding(false));
    }

    /// <summary>Splits text into Jupyter's list-of-lines form (each line keeps its newline).</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length)
            lines.Add(text[start..]);
        return lines;
    }

    private static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };

    // System.Text.Json indents by two spaces; Jupyter writes one. Halving leading spaces keeps diffs small.
    private static string IndentWithOneSpace(string json) =>
        string.Join("\n", json.Split('\n').Select(line =>
        {
            int spaces = line.TakeWhile(c => c == ' ').Count();
            return new string(' ', spaces / 2) + line[spaces..];
        }));
}

/// <summary>One code cell: its index among all cells (as shown in the notebook), kernel, source and JSON.</summary>
internal sealed record CodeCell(int Index, string KernelName, string Source, JsonObject Json);
