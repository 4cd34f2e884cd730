using System.Globalization;
using System.Reflection;
using System.Text;

namespace CohortAnalysis.Data;

/// <summary>The bundled demo dataset: a SYNTHETIC, de-identified comorbid depression-and-chronic-pain psilocybin trial.</summary>
/// <remarks>
/// <para>No real patient is in it. It is simulated by <see cref="Generate"/> with seed <see cref="DefaultSeed"/>; the
/// embedded CSV (also at <c>samples/data/demo-trial.csv</c>) is exactly that output, and a test regenerates it bit for bit.</para>
/// <para>Design: 120 subjects at 4 sites, randomised 1:1 in blocks of 4 within site to Placebo or Psilocybin 25 mg; visits
/// at weeks 0 (baseline), 1, 3, 6 and 12; MADRS (0–60) and pain NRS (0–10) at every visit, ADaM ADQS-style columns
/// (USUBJID, SITEID, SEX, AGEGR1, TRT01P, PARAMCD, AVISITN, AVISIT, ABLFL, AVAL, BASE, CHG).</para>
/// <para>Model: baseline MADRS ~ N(32, 5²) rounded, clamped to 22–50; baseline pain ~ N(6.3, 1.3²) rounded, clamped to 4–10.
/// Expected MADRS change at weeks 1/3/6/12: placebo −4, −5.5, −6.5, −7; psilocybin −11, −13, −14, −13 (a difference
/// of about −7 points, between Goodwin 2022's −6.6 at week 3 and Raison 2023's −12.3). Expected pain change: placebo
/// −0.6, −0.9, −1.1, −1.2; psilocybin −1.5, −2.0, −2.3, −2.2. A subject-level mood effect u ~ N(0, 5²) (scaled 0.7,
/// 0.9, 1, 1 over visits) also moves pain by 0.12·u, so mood change and pain change correlate (r ≈ 0.4–0.5); residual
/// SDs 3.5 (MADRS) and 0.8 (pain); scores rounded and clamped to the instrument range. Dropout is monotone: before each
/// post-baseline visit a subject leaves with probability 0.07 on placebo and 0.035 on psilocybin. About 2 % of
/// post-baseline pain scores are missing (kept as NA rows).</para>
/// </remarks>
public static class DemoTrial
{
    /// <summary>The seed of the bundled dataset.</summary>
    public const int DefaultSeed = 20221103;

    /// <summary>The source name of the bundled dataset.</summary>
    public const string FileName = "demo-trial.csv";

    /// <summary>Arm names.</summary>
    public const string Placebo = "Placebo", Psilocybin = "Psilocybin 25 mg";

    private static readonly double[] Weeks = [0, 1, 3, 6, 12];
    private static readonly double[] PlaceboMood = [0, -4, -5.5, -6.5, -7], ActiveMood = [0, -11, -13, -14, -13];
    private static readonly double[] PlaceboPain = [0, -0.6, -0.9, -1.1, -1.2], ActivePain = [0, -1.5, -2.0, -2.3, -2.2];
    private static readonly double[] SubjectEffectScale = [0, 0.7, 0.9, 1, 1];

    /// <summary>Loads the bundled demo trial.</summary>
    public static Cohort Load(CohortReadOptions? options = null)
    {
        using var reader = new StreamReader(OpenCsv(), Encoding.UTF8);
        return CohortCsvReader.Read(reader, FileName, options);
    }

    /// <summary>The bundled CSV as a stream (UTF-8).</summary>
    public static Stream OpenCsv() =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("CohortAnalysis.DemoTrial.csv")
        ?? throw new InvalidOperationException("The demo dataset resource is missing from the assembly.");

    /// <summary>Simulates the trial and returns its CSV text ('\n' line ends, invariant culture).</summary>
    /// <param name="seed">Seed; <see cref="DefaultSeed"/> gives the bundled file.</param>
    /// <param name="subjects">Number of subjects (a multiple of 4 keeps the blocks whole). Default 120.</param>
    public static string Generate(int seed = DefaultSeed, int subjects = 120)
    {
        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        Write(csv, seed, subjects);
        return csv.ToString();
    }

    /// <summary>Simulates the trial and writes its CSV text to <paramref name="csv"/> row by row, so memory does not grow
    /// with the number of subjects.</summary>
    /// <param name="csv">Where to write ('\n' line ends, invariant culture).</param>
    /// <param name="seed">Seed; <see cref="DefaultSeed"/> gives the bundled file.</param>
    /// <param name="subjects">Number of subjects (at least 2).</param>
    public static void Write(TextWriter csv, int seed = DefaultSeed, int subjects = 120)
    {
        Guard.NotNull(csv);
        Guard.AtLeast(subjects, 2);
        var rng = new Randomness.Xoshiro256(unchecked((ulong)seed));
        csv.Write("USUBJID,SITEID,SEX,AGEGR1,TRT01P,PARAMCD,AVISITN,AVISIT,ABLFL,AVAL,BASE,CHG\n");
        string[] sites = ["101", "102", "103", "104"];
        string[] ageGroups = ["18-40", "41-64", ">=65"];
        var block = new List<bool>();
        for (int i = 0; i < subjects; i++)
        {
            string site = sites[i % sites.Length];
            if (block.Count == 0)
            {
                block.AddRange([true, true, false, false]);
                for (int k = block.Count - 1; k > 0; k--) // Fisher–Yates shuffle of the block
                {
                    int j = (int)(rng.NextDouble() * (k + 1));
                    (block[k], block[j]) = (block[j], block[k]);
                }
            }
            bool active = block[^1];
            block.RemoveAt(block.Count - 1);
            string id = string.Create(CultureInfo.InvariantCulture, $"DEMO-{site}-{i + 1:000}");
            string sex = rng.NextDouble() < 0.6 ? "F" : "M";
            double ageDraw = rng.NextDouble();
            string age = ageGroups[ageDraw < 0.45 ? 0 : ageDraw < 0.9 ? 1 : 2];
            string arm = active ? Psilocybin : Placebo;

            double moodBase = Math.Clamp(Math.Round(32 + 5 * rng.NextNormal()), 22, 50);
            double painBase = Math.Clamp(Math.Round(6.3 + 1.3 * rng.NextNormal()), 4, 10);
            double u = 5 * rng.NextNormal();
            double painOwn = 1.0 * rng.NextNormal();
            double dropout = active ? 0.035 : 0.07;

            var mood = new double[Weeks.Length];
            var pain = new double[Weeks.Length];
            int lastVisit = Weeks.Length - 1;
            for (int v = 0; v < Weeks.Length; v++)
            {
                if (v > 0 && rng.NextDouble() < dropout) { lastVisit = v - 1; break; }
                double moodNoise = v == 0 ? 0 : 3.5 * rng.NextNormal();
                double painNoise = v == 0 ? 0 : 0.8 * rng.NextNormal();
                double scale = SubjectEffectScale[v];
                mood[v] = v == 0 ? moodBase : Score(moodBase + (active ? ActiveMood : PlaceboMood)[v] + scale * u + moodNoise, 60);
                pain[v] = v == 0 ? painBase : Score(painBase + (active ? ActivePain : PlaceboPain)[v] + scale * (0.12 * u + 0.6 * painOwn) + painNoise, 10);
                if (v > 0 && rng.NextDouble() < 0.02) pain[v] = double.NaN;
            }
            AppendRows(csv, id, site, sex, age, arm, "MADRS", mood, lastVisit);
            AppendRows(csv, id, site, sex, age, arm, "PAINNRS", pain, lastVisit);
        }
    }

    // A score on the instrument's 0 … max scale. Rounding a small negative gives −0, which Clamp keeps and a file
    // would show as "-0": adding +0 makes it 0 (IEEE 754: −0 + +0 = +0), every other value unchanged.
    private static double Score(double raw, double max) => Math.Clamp(Math.Round(raw), 0, max) + 0.0;

    private static void AppendRows(TextWriter csv, string id, string site, string sex, string age, string arm, string parameter, double[] values, int lastVisit)
    {
        for (int v = 0; v <= lastVisit; v++)
        {
            string label = v == 0 ? "Baseline" : string.Create(CultureInfo.InvariantCulture, $"Week {Weeks[v]:0}");
            string aval = double.IsNaN(values[v]) ? "NA" : values[v].ToString("0", CultureInfo.InvariantCulture);
            string chg = v == 0 || double.IsNaN(values[v]) ? "NA" : (values[v] - values[0]).ToString("0", CultureInfo.InvariantCulture);
            csv.Write(string.Create(CultureInfo.InvariantCulture,
                $"{id},{site},{sex},{age},{arm},{parameter},{Weeks[v]:0},{label},{(v == 0 ? "Y" : "")},{aval},{values[0].ToString("0", CultureInfo.InvariantCulture)},{chg}\n"));
        }
    }
}
