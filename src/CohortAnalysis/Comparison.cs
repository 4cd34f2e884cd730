using System.Globalization;
using System.Text;

namespace CohortAnalysis;

/// <summary>What an estimate describes: which parameter, visit and variable, which arm against which reference arm,
/// under which missing-data method. It is also the typed key of every table row, so renderers never parse labels.</summary>
/// <remarks>Immutable; value equality. Members that do not apply are null (a within-arm change has no
/// <see cref="ReferenceArm"/>; a pooled statistic has no <see cref="Arm"/>).</remarks>
public sealed record Comparison
{
    /// <summary>Nothing is known about the comparison (an estimate computed from plain numbers).</summary>
    public static Comparison None { get; } = new();

    /// <summary>Parameter code, e.g. "MADRS".</summary>
    public string? Parameter { get; init; }

    /// <summary>The analysis visit.</summary>
    public Visit? Visit { get; init; }

    /// <summary>The analysed variable: the score (AVAL), its change (CHG) or percent change (PCHG).</summary>
    public ChangeVariable? Variable { get; init; }

    /// <summary>The treatment arm of a between-arm comparison, or the only arm of a within-arm estimate.</summary>
    public string? Arm { get; init; }

    /// <summary>The reference arm of a between-arm comparison; null otherwise.</summary>
    public string? ReferenceArm { get; init; }

    /// <summary>How <see cref="ReferenceArm"/> was chosen.</summary>
    public ReferenceArmSource ReferenceSource { get; init; }

    /// <summary>How missing post-baseline values were handled.</summary>
    public MissingDataMethod? MissingData { get; init; }

    /// <summary>A subgroup, e.g. "SEX = F"; null for the whole analysis set.</summary>
    public string? Subgroup { get; init; }

    /// <summary>A model term or contrast label when the fields above do not say it all (e.g. "baseline", "visit 6 − visit 3").</summary>
    public string? Term { get; init; }

    /// <summary>Whether this is a between-arm comparison.</summary>
    public bool IsBetweenArms => Arm is not null && ReferenceArm is not null;

    /// <summary>The same comparison with the arms swapped (reference becomes treatment).</summary>
    public Comparison Reversed() => this with { Arm = ReferenceArm, ReferenceArm = Arm };

    /// <summary>One line naming every known part, e.g. <c>MADRS CHG, Week 6: Psilocybin vs Placebo (observed cases)</c>.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        if (Parameter is not null) text.Append(Parameter);
        if (Variable is { } variable) text.Append(text.Length > 0 ? " " : "").Append(VariableCode(variable));
        if (Visit is { } visit) text.Append(text.Length > 0 ? ", " : "").Append(visit.DisplayName);
        if (Subgroup is not null) text.Append(text.Length > 0 ? ", " : "").Append(Subgroup);
        if (Term is not null) text.Append(text.Length > 0 ? ", " : "").Append(Term);
        if (Arm is not null)
        {
            text.Append(text.Length > 0 ? ": " : "").Append(Arm);
            if (ReferenceArm is not null) text.Append(" vs ").Append(ReferenceArm);
        }
        if (MissingData is { } missing) text.Append(text.Length > 0 ? " " : "").Append('(').Append(missing.Describe()).Append(')');
        return text.ToString();
    }

    /// <summary>Why the reference arm is the reference, for notes; empty when it was given or does not apply.</summary>
    public string ReferenceNote => ReferenceSource switch
    {
        ReferenceArmSource.GuessedPlacebo => string.Create(CultureInfo.InvariantCulture,
            $"Reference arm {ReferenceArm} chosen because its name contains \"placebo\"; name another with --reference (Reference in the options)."),
        ReferenceArmSource.GuessedFirstAlphabetical => string.Create(CultureInfo.InvariantCulture,
            $"Reference arm {ReferenceArm} chosen as the first arm alphabetically (no arm is named placebo); name the reference with --reference (Reference in the options)."),
        _ => "",
    };

    /// <summary>The ADaM name of a variable: AVAL, CHG or PCHG.</summary>
    public static string VariableCode(ChangeVariable variable) => variable switch
    {
        ChangeVariable.Value => "AVAL",
        ChangeVariable.Change => "CHG",
        ChangeVariable.PercentChange => "PCHG",
        _ => variable.ToString(),
    };

    /// <inheritdoc />
    public override string ToString() => Describe();
}
