namespace CohortAnalysis.Models;

/// <summary>A model term: a main effect (one variable) or an interaction (several), e.g. ARM, ARM*VISIT, BASE*VISIT.</summary>
/// <remarks>Immutable. Two terms are equal when they hold the same variables in any order (case-insensitive).</remarks>
internal sealed class ModelTerm : IEquatable<ModelTerm>
{
    public ModelTerm(params string[] variables)
    {
        if (variables.Length == 0) throw new ArgumentException("A term needs at least one variable (the intercept is a frame option).", nameof(variables));
        if (variables.Distinct(StringComparer.OrdinalIgnoreCase).Count() != variables.Length)
            throw new ArgumentException($"Term {string.Join("*", variables)} repeats a variable.", nameof(variables));
        Variables = variables;
    }

    /// <summary>The variables, in the order given.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>SAS-style label, e.g. "ARM*VISIT".</summary>
    public string Label => string.Join("*", Variables);

    /// <summary>Parses "A", "A*B" or "A:B".</summary>
    public static ModelTerm Parse(string text) =>
        new(text.Split('*', ':').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray());

    /// <summary>Whether the term contains the variable.</summary>
    public bool Contains(string variable) => Variables.Contains(variable, StringComparer.OrdinalIgnoreCase);

    /// <summary>This term without one variable (null when that leaves nothing, i.e. the intercept).</summary>
    public ModelTerm? Without(string variable)
    {
        string[] rest = Variables.Where(v => !string.Equals(v, variable, StringComparison.OrdinalIgnoreCase)).ToArray();
        return rest.Length == 0 ? null : new ModelTerm(rest);
    }

    public bool Equals(ModelTerm? other) =>
        other is not null && other.Variables.Count == Variables.Count && Variables.All(other.Contains);

    public override bool Equals(object? obj) => Equals(obj as ModelTerm);

    public override int GetHashCode()
    {
        int h = 0;
        foreach (string v in Variables) h ^= StringComparer.OrdinalIgnoreCase.GetHashCode(v);
        return h;
    }

    public override string ToString() => Label;
}
