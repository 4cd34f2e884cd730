namespace CohortAnalysis.Pooling;

/// <summary>Responder counts of one arm, mergeable by addition.</summary>
/// <param name="Responders">Subjects meeting the rule.</param>
/// <param name="Evaluable">Subjects with an evaluable score (the observed-cases denominator).</param>
/// <param name="Subjects">Subjects with the parameter (the non-responder-imputation denominator).</param>
public sealed record ArmResponderTally(int Responders, int Evaluable, int Subjects) : ITabular
{
    /// <summary>One row: responders, evaluable, subjects and the rate under each denominator.</summary>
    public TableView ToTableView() => TableView.Create("Responder tally",
        [new("Responders", true), new("Evaluable", true), new("Subjects", true), new("Rate (evaluable)", true), new("Rate (all subjects)", true)],
        [[Display.Integer(Responders), Display.Integer(Evaluable), Display.Integer(Subjects),
          Display.Number(Evaluable == 0 ? double.NaN : (double)Responders / Evaluable, "0.000"),
          Display.Number(Subjects == 0 ? double.NaN : (double)Responders / Subjects, "0.000")]],
        ["Observed cases use the evaluable denominator; non-responder imputation uses all subjects."]);

    /// <summary>Cell-wise sum.</summary>
    public static ArmResponderTally Combine(ArmResponderTally a, ArmResponderTally b) =>
        new(a.Responders + b.Responders, a.Evaluable + b.Evaluable, a.Subjects + b.Subjects);
}
