namespace CohortAnalysis.Tests.EffectSizes;

/// <summary>The inputs pasted into tests/known-results/effect-sizes/datasets.R, kept identical here.</summary>
internal static class Datasets
{
    // Lakens (2013) movie ratings.
    public static readonly double[] LakensX = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9];
    public static readonly double[] LakensY = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7];
    // R datasets::sleep, extra by group.
    public static readonly double[] Sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    public static readonly double[] Sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];
    // Cholesterol before/after (mtorchiano/effsize#58).
    public static readonly double[] CholBefore = [201, 231, 221, 228, 284, 267, 232, 215];
    public static readonly double[] CholAfter = [200, 236, 216, 219, 260, 255, 221, 203];
    // datasets::mtcars wt by am (automatic, manual).
    public static readonly double[] WtAuto = [3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25, 5.424, 5.345, 2.465, 3.52, 3.435, 3.84, 3.845];
    public static readonly double[] WtManual = [2.62, 2.875, 2.32, 2.2, 1.615, 1.835, 1.935, 2.14, 1.513, 3.17, 2.77, 3.57, 2.78];
    // Synthetic MADRS change (STYLE.md example).
    public static readonly double[] MadrsPsilocybin = [-18, -22, -9, -25, -14, -20];
    public static readonly double[] MadrsPlacebo = [-6, -11, -3, -9, -12, -4];
    // Ties, unequal n.
    public static readonly double[] TiesX = [3, 5, 5, 7, 8, 8, 8, 10, 12];
    public static readonly double[] TiesY = [1, 3, 4, 5, 5, 6, 8];

    public const string EffectsizeCsv = "effect-sizes/effectsize.csv";
    public const string ExactNcpCsv = "effect-sizes/exact_ncp.csv";
    public const string MetaforCsv = "effect-sizes/metafor.csv";
    public const string RmDCsv = "effect-sizes/rm_d.csv";
}
