using System.Globalization;

namespace CohortAnalysis.Models;

/// <summary>Columnar records for a linear model: named factors and numeric variables of equal length.</summary>
/// <remarks>
/// <para>Shared by ANCOVA (one record per subject) and MMRM (one record per subject and visit). Build it with
/// <see cref="AddFactor"/> / <see cref="AddNumeric"/>, then hand it to <see cref="ModelFrame"/>. Names are matched
/// case-insensitively (ADaM names are upper case, users type either).</para>
/// <para>Factor levels are sorted ordinally unless an order is given, as SAS CLASS and R <c>factor()</c> do, so LS
/// means come out in the same order as in their listings.</para>
/// </remarks>
internal sealed class ModelData
{
    private readonly Dictionary<string, ModelVariable> _variables = new(StringComparer.OrdinalIgnoreCase);

    public ModelData(int rowCount)
    {
        Guard.AtLeast(rowCount, 1);
        RowCount = rowCount;
    }

    /// <summary>Number of records.</summary>
    public int RowCount { get; }

    /// <summary>Variables in order of addition.</summary>
    public IReadOnlyCollection<ModelVariable> Variables => _variables.Values;

    /// <summary>Adds a factor from per-record labels (null = missing).</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="values">Per-record label.</param>
    /// <param name="levelOrder">Level order; null sorts the labels present ordinally. Labels present but not listed throw.</param>
    public ModelData AddFactor(string name, IReadOnlyList<string?> values, IReadOnlyList<string>? levelOrder = null)
    {
        CheckLength(name, values.Count);
        string[] levels = levelOrder?.ToArray()
            ?? values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < levels.Length; i++) index[levels[i]] = i;
        var codes = new int[values.Count];
        for (int r = 0; r < codes.Length; r++)
        {
            string? v = values[r];
            if (v is null) { codes[r] = -1; continue; }
            if (!index.TryGetValue(v, out codes[r]))
                throw new ArgumentException($"Factor {name}: record {r + 1} has level '{v}', which is not among the levels given.", nameof(values));
        }
        _variables[name] = new FactorVariable(name, codes, levels);
        return this;
    }

    /// <summary>Adds a numeric variable (NaN = missing).</summary>
    public ModelData AddNumeric(string name, double[] values)
    {
        CheckLength(name, values.Length);
        _variables[name] = new NumericVariable(name, values);
        return this;
    }

    /// <summary>The variable of that name; throws naming the variables present when absent.</summary>
    public ModelVariable this[string name] => _variables.TryGetValue(name, out ModelVariable? v) ? v
        : throw new ArgumentException($"The model refers to '{name}', but the data has only: {string.Join(", ", _variables.Keys)}.", nameof(name));

    /// <summary>Whether a variable of that name exists.</summary>
    public bool Contains(string name) => _variables.ContainsKey(name);

    /// <summary>Whether record <paramref name="row"/> has a value for the variable.</summary>
    public bool IsPresent(string name, int row) => this[name] switch
    {
        FactorVariable f => f.Codes[row] >= 0,
        NumericVariable n => !double.IsNaN(n.Values[row]),
        _ => false,
    };

    private void CheckLength(string name, int count)
    {
        if (count != RowCount)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Variable {name} has {count} values; the data has {RowCount} records."), name);
    }
}
