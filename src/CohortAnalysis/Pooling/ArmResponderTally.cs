namespace CohortAnalysis.Pooling;

/// <summary>Responder counts of one arm, mergeable by addition.</summary>
/// <param name="Responders">Subjects meeting the rule.</param>
/// <param name="Evaluable">Subjects with an evaluable score (the observed-cases denominator).</param>
/// <param name="Subjects">Subjects with the parameter (the non-responder-imputation denominator).</param>
public sealed record ArmResponderTally(int Responders, int Evaluable, int Subjects)
{
    /// <summary>Cell-wise sum.</summary>
    public static ArmResponderTally Combine(ArmResponderTally a, ArmResponderTally b) =>
        new(a.Responders + b.Responders, a.Evaluable + b.Evaluable, a.Subjects + b.Subjects);
}
