using System.Diagnostics;
using System.Globalization;
using System.Text;
using CohortAnalysis.Data;
using CohortAnalysis.Models;

namespace CohortAnalysis.Benchmarks;

/// <summary>Wall-clock timing of <see cref="Mmrm.Fit"/> (fit, LS means, differences, Satterthwaite df) for
/// benchmarks/mmrm-vs-r.sh, and the seeded data it times (also read by the R side).</summary>
/// <remarks>
/// <c>mmrm-generate N SEED FILE</c>: N subjects, 3 arms, baseline and 3 post-baseline visits (weeks 2, 4, 8), an
/// unstructured truth (SDs 6, 7, 8; correlations 0.6, 0.45, 0.65 between post-baseline visits), dropout at random
/// given the last observed change (MAR). <c>mmrm-bcva FILE OUT</c>: mmrm's bcva_data in the cohort layout (a baseline
/// record with AVAL = BCVA_BL, post-baseline AVAL = BCVA_BL + BCVA_CHG). <c>mmrm-time FILE PARAM REPS [COVARIANCE]</c>:
/// loads the CSV once, fits REPS times after one warm-up fit, prints the median and the minimum in ms.
/// </remarks>
internal static class MmrmTiming
{
    public static int Run(string[] args)
    {
        switch (args[0])
        {
            case "mmrm-generate":
                File.WriteAllText(args[3], Generate(int.Parse(args[1], CultureInfo.InvariantCulture), ulong.Parse(args[2], CultureInfo.InvariantCulture)));
                return 0;
            case "mmrm-bcva":
                File.WriteAllText(args[2], Bcva(File.ReadAllLines(args[1])));
                return 0;
            case "mmrm-time":
                return Time(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 ? args[4] : "un");
            default:
                Console.Error.WriteLine("usage: mmrm-generate N SEED FILE | mmrm-bcva BCVA_CSV OUT | mmrm-time FILE PARAM REPS [un|cs|ar1|…]");
                return 2;
        }
    }

    private static int Time(string file, string parameter, int reps, string covariance)
    {
        Cohort cohort = CohortCsvReader.Read(file);
        var options = MmrmOptions.Default with
        {
            Covariance = covariance switch
            {
                "cs" => CovarianceStructure.CompoundSymmetry,
                "ar1" => CovarianceStructure.Autoregressive,
                "toeph" => CovarianceStructure.HeterogeneousToeplitz,
                _ => CovarianceStructure.Unstructured,
            },
            Fallback = [],
        };
        MmrmFit first = Mmrm.Fit(cohort, parameter, options);
        var times = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            var watch = Stopwatch.StartNew();
            MmrmFit fit = Mmrm.Fit(cohort, parameter, options);
            times[r] = watch.Elapsed.TotalMilliseconds;
            if (fit.Minus2LogLikelihood != first.Minus2LogLikelihood) throw new InvalidOperationException("Fits differ between runs.");
        }
        Array.Sort(times);
        LsMeanEstimate d = first.Differences[^1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median_ms={times[reps / 2]:F1} min_ms={times[0]:F1} subjects={first.SubjectsUsed} observations={first.ObservationsUsed} iterations={first.Iterations} m2ll={first.Minus2LogLikelihood:F6} last_difference={d.Estimate:F6} se={d.StandardError:F6} df={d.DegreesOfFreedom:F3}"));
        return 0;
    }

    private static string Generate(int subjects, ulong seed)
    {
        ulong state = seed;
        double Uniform()
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            return ((state >> 11) + 0.5) * (1.0 / (1UL << 53));
        }
        double Normal() => Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * Uniform());
        string[] arms = ["Placebo", "Low dose", "High dose"];
        double[][] mean = [[-4, -6, -7], [-6, -9, -10], [-7, -11, -13]];
        double[] sd = [6, 7, 8];
        double[,] corr = { { 1, 0.6, 0.45 }, { 0.6, 1, 0.65 }, { 0.45, 0.65, 1 } };
        var chol = new double[3, 3];
        for (int j = 0; j < 3; j++)
            for (int i = j; i < 3; i++)
            {
                double s = corr[i, j] * sd[i] * sd[j];
                for (int k = 0; k < j; k++) s -= chol[i, k] * chol[j, k];
                chol[i, j] = i == j ? Math.Sqrt(s) : s / chol[j, j];
            }
        int[] weeks = [0, 2, 4, 8];
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,ABLFL,AVAL,BASE,CHG\n");
        var z = new double[3];
        for (int i = 0; i < subjects; i++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"S{i + 1:D5}");
            int arm = i % 3;
            double baseline = Math.Round(30 + 5 * Normal(), 1);
            csv.Append(CultureInfo.InvariantCulture, $"{id},{arms[arm]},SCORE,0,Week 0,Y,{baseline:R},{baseline:R},\n");
            for (int v = 0; v < 3; v++) z[v] = Normal();
            bool dropped = false;
            double last = 0;
            for (int v = 0; v < 3; v++)
            {
                double e = 0;
                for (int k = 0; k <= v; k++) e += chol[v, k] * z[k];
                double change = Math.Round(mean[arm][v] - 0.3 * (baseline - 30) + e, 2);
                // MAR: the chance to leave before this visit rises when the last observed change was poor.
                if (!dropped && v > 0 && Uniform() < 0.08 + 0.01 * Math.Max(0, last)) dropped = true;
                if (dropped) continue;
                csv.Append(CultureInfo.InvariantCulture,
                    $"{id},{arms[arm]},SCORE,{weeks[v + 1]},Week {weeks[v + 1]},,{baseline + change:R},{baseline:R},{change:R}\n");
                last = change;
            }
        }
        return csv.ToString();
    }

    private static string Bcva(string[] lines)
    {
        string[] header = Split(lines[0]);
        int id = Array.IndexOf(header, "USUBJID"), visitn = Array.IndexOf(header, "VISITN"), visit = Array.IndexOf(header, "AVISIT"),
            arm = Array.IndexOf(header, "ARMCD"), bl = Array.IndexOf(header, "BCVA_BL"), chg = Array.IndexOf(header, "BCVA_CHG");
        var csv = new StringBuilder("USUBJID,TRT01P,PARAMCD,AVISITN,AVISIT,ABLFL,AVAL,BASE,CHG\n");
        string previous = "";
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] c = Split(line);
            double baseline = double.Parse(c[bl], CultureInfo.InvariantCulture);
            if (c[id] != previous)
            {
                csv.Append(CultureInfo.InvariantCulture, $"B{c[id]},{c[arm]},BCVA,0,BASELINE,Y,{baseline:R},{baseline:R},\n");
                previous = c[id];
            }
            if (c[chg].Length == 0 || c[chg] == "NA") continue;
            double change = double.Parse(c[chg], CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"B{c[id]},{c[arm]},BCVA,{c[visitn]},{c[visit]},,{baseline + change:R},{baseline:R},{change:R}\n");
        }
        return csv.ToString();
    }

    private static string[] Split(string line) => line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
}
