using System.Globalization;

namespace CohortAnalysis.Responders;

/// <summary>Per arm, how many subjects fall in each cell of first-response × second-response (e.g. mood × pain),
/// with "not evaluable" as its own level so every subject is counted.</summary>
/// <param name="First">First classification's parameter.</param>
/// <param name="Second">Second classification's parameter.</param>
/// <param name="Visit">Analysis visit.</param>
/// <param name="Cells">One cell per arm × first status × second status (status null = not evaluable).</param>
public sealed record ResponderCrossTable(string First, string Second, Visit Visit, IReadOnlyList<ResponderCrossCell> Cells) : ITabular
{
    /// <summary>Cross-tabulates two classifications of the same cohort, subject by subject.</summary>
    public static ResponderCrossTable Of(ResponderClassification first, ResponderClassification second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!ReferenceEquals(first.Cohort, second.Cohort)) throw new ArgumentException("Both classifications must come from the same cohort.", nameof(second));
        Cohort cohort = first.Cohort;
        bool?[] levels = [true, false, null];
        var counts = new Dictionary<(int Arm, bool? A, bool? B), int>();
        foreach (int subject in first.SubjectIndices.Union(second.SubjectIndices))
        {
            var key = (cohort.ArmIndexOfSubject(subject), first.StatusOf(subject), second.StatusOf(subject));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var cells = new List<ResponderCrossCell>();
        for (int arm = 0; arm < cohort.Arms.Count; arm++)
            foreach (bool? a in levels)
                foreach (bool? b in levels)
                    cells.Add(new ResponderCrossCell(cohort.Arms[arm], a, b, counts.GetValueOrDefault((arm, a, b))));
        return new ResponderCrossTable(first.Parameter, second.Parameter, first.Visit, cells);
    }

    /// <inheritdoc />
    public TableView ToTableView()
    {
        static string Name(bool? s) => s switch { true => "responder", false => "non-responder", null => "not evaluable" };
        return TableView.Create($"{First} × {Second} response at {Visit.DisplayName}",
            [new("Arm"), new(First), new($"{Second}: responder", true), new("non-responder", true), new("not evaluable", true)],
            Cells.GroupBy(c => (c.Arm, c.First)).Select(g => (IReadOnlyList<string>)[g.Key.Arm, Name(g.Key.First),
                .. new bool?[] { true, false, null }.Select(b => g.Single(c => c.Second == b).Count.ToString(CultureInfo.InvariantCulture))]),
            []);
    }

    /// <inheritdoc />
    public override string ToString() => TextTable.Render(ToTableView());
}

/// <summary>One cell of a <see cref="ResponderCrossTable"/>.</summary>
/// <param name="Arm">Arm.</param>
/// <param name="First">Status on the first classification (null = not evaluable).</param>
/// <param name="Second">Status on the second classification (null = not evaluable).</param>
/// <param name="Count">Subjects in the cell.</param>
public sealed record ResponderCrossCell(string Arm, bool? First, bool? Second, int Count);
