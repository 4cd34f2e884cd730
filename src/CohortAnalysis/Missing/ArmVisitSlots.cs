using CohortAnalysis.Models;

namespace CohortAnalysis.Missing;

/// <summary>The estimates of the built-in analyses of a completed dataset (ANCOVA at each visit, the MMRM): at each visit,
/// the LS mean of every arm, then every arm minus the reference arm.</summary>
/// <remarks>Immutable. <see cref="Cells"/>[s] says what slot s estimates: visit column, arm index, and whether it is the
/// difference from the reference arm.</remarks>
internal sealed class ArmVisitSlots
{
    private ArmVisitSlots(EstimateSlot[] slots, (int Visit, int Arm, bool Difference)[] cells)
    {
        Slots = slots;
        Cells = cells;
    }

    public EstimateSlot[] Slots { get; }
    public (int Visit, int Arm, bool Difference)[] Cells { get; }

    /// <summary>Slots with their comparisons (parameter, visit, arms, the missing-data method and <paramref name="term"/>)
    /// and sizes (subjects per arm, values imputed in those arms at the visit).</summary>
    public static ArmVisitSlots Build(ImputationData data, MissingDataMethod method, string term)
    {
        var slots = new List<EstimateSlot>();
        var cells = new List<(int, int, bool)>();
        int n = data.N, arms = data.ArmLevels.Length;
        int[] armCount = new int[arms];
        foreach (int a in data.Arm) armCount[a]++;
        int r = data.ReferenceArm;
        string reference = data.ArmLevels[r];
        for (int j = 0; j < data.T; j++)
        {
            int[] imputed = new int[arms];
            for (int i = 0; i < n; i++) if (!data.IsUsed(i, j)) imputed[data.Arm[i]]++;
            Comparison Cell(int a, string? referenceArm) => new()
            {
                Parameter = data.Parameter, Visit = data.Visits[j], Variable = data.Outcome, Arm = data.ArmLevels[a],
                ReferenceArm = referenceArm, ReferenceSource = referenceArm is null ? ReferenceArmSource.NotApplicable : data.ReferenceSource,
                MissingData = method, Term = term,
            };
            for (int a = 0; a < arms; a++)
            {
                slots.Add(new EstimateSlot(Cell(a, null), LsMeanEstimate.LsMeanName, EstimateSizes.Single(armCount[a], imputed[a]), false));
                cells.Add((j, a, false));
            }
            for (int a = 0; a < arms; a++)
            {
                if (a == r) continue;
                slots.Add(new EstimateSlot(Cell(a, reference), LsMeanEstimate.DifferenceName, EstimateSizes.Two(armCount[a], armCount[r], imputed[a] + imputed[r]), true));
                cells.Add((j, a, true));
            }
        }
        return new ArmVisitSlots(slots.ToArray(), cells.ToArray());
    }
}
