using CohortAnalysis.Change;
using CohortAnalysis.EffectSizes;
using CohortAnalysis.Missing;
using CohortAnalysis.Models;
using CohortAnalysis.Resampling;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Reporting;

/// <summary>Runs the analyses of one endpoint with the library defaults (stated in the report's methods section).</summary>
internal static class EndpointReportBuilder
{
    /// <summary>Progress steps per endpoint.</summary>
    public const int Steps = 6;

    /// <summary>The sensitivity analyses, in display order.</summary>
    public static readonly MissingDataMethod[] SensitivityMethods = [MissingDataMethod.ObservedCases, MissingDataMethod.Locf, MissingDataMethod.Bocf];

    /// <summary>The effect sizes of section 5, in display order.</summary>
    public static readonly EffectSizeMeasure[] Measures = [EffectSizeMeasure.CohensD, EffectSizeMeasure.HedgesG, EffectSizeMeasure.Dppc2];

    public static EndpointReport Build(Cohort cohort, string parameter, TrialReportOptions options, ReportSteps steps)
    {
        var notes = new List<string>();
        double level = options.CiLevel;
        steps.Start($"Change from baseline of {parameter}");
        Trajectories t = Trajectories.Of(cohort, parameter);
        Visit primary = t.Visits[^1];
        ChangeSummaryTable change = ChangeFromBaseline.Summarize(t, new ChangeSummaryOptions { CiLevel = level });

        steps.Start($"MMRM of {parameter}");
        MmrmFit? mmrm = null;
        try
        {
            mmrm = Mmrm.Fit(cohort, parameter, new MmrmOptions { CiLevel = level, ReferenceArm = options.Reference });
        }
        catch (Exception e) when (e is ModelFitException or ModelSpecificationException)
        {
            notes.Add($"MMRM of {parameter} not fitted: {e.Message}");
        }

        steps.Start($"ANCOVA sensitivity analyses of {parameter}");
        var sensitivity = new List<AncovaFit>();
        foreach (MissingDataMethod method in SensitivityMethods)
        {
            try
            {
                sensitivity.Add(Ancova.Fit(cohort, parameter, primary.Time, new AncovaOptions { MissingData = method, CiLevel = level, Reference = options.Reference }));
            }
            catch (Exception e) when (e is ModelFitException or ModelSpecificationException)
            {
                notes.Add($"ANCOVA ({method.Describe()}) of {parameter} not fitted: {e.Message}");
            }
        }

        steps.Start($"Reference-based multiple imputation (J2R) of {parameter}");
        ImputationResult? j2r = null;
        try
        {
            j2r = MultipleImputation.Analyze(cohort, parameter, new ImputationOptions
            {
                Strategy = ImputationStrategy.JumpToReference,
                ReferenceArm = options.Reference,
                Seed = options.Seed,
                CiLevel = level,
            }, cancellationToken: steps.CancellationToken);
        }
        catch (Exception e) when (e is ModelFitException or ModelSpecificationException)
        {
            notes.Add($"ANCOVA after reference-based multiple imputation of {parameter} not done: {e.Message}");
        }

        steps.Start($"Effect sizes of {parameter} (bootstrap, {options.Resamples} resamples)");
        var standardized = StandardizedDifferenceOptions.Default with { CiLevel = level };
        var effectSizes = new EffectSizeTable(Measures.SelectMany(m =>
            EffectSizeAnalysis.ByVisit(cohort, new EffectSizeAnalysisOptions { Measure = m, Standardized = standardized, Reference = options.Reference }, [parameter],
                cancellationToken: steps.CancellationToken))) { Report = cohort.Report };
        var bootstrap = EffectSizeAnalysis.ForVisit(cohort, parameter, primary.Time, new EffectSizeAnalysisOptions
        {
            Measure = EffectSizeMeasure.HedgesG,
            Reference = options.Reference,
            CiMethod = CiMethod.BootstrapBca,
            Standardized = standardized with
            {
                Bootstrap = BootstrapOptions.Default with { Seed = options.Seed, Resamples = options.Resamples },
            },
        }, cancellationToken: steps.CancellationToken);

        steps.Start($"Responders of {parameter}");
        ResponderTable? response = null, remission = null;
        ResponderAnalysisOptions analysis = options.ResponderOptions;
        if (t.Instrument is { } instrument)
        {
            response = ResponderAnalysis.Analyze(t, ResponderRule.Response(instrument), primary.Time, analysis);
            if (instrument.Remission is not null)
                remission = ResponderAnalysis.Analyze(t, ResponderRule.Remission(instrument), primary.Time, analysis);
            else
                notes.Add($"{instrument.Code} has no conventional remission cut-off: no remission analysis.");
        }
        else
        {
            notes.Add($"{parameter} has no registered instrument, so no conventional response or remission rule: no responder analysis.");
        }

        return new EndpointReport
        {
            Parameter = t.Parameter,
            Instrument = t.Instrument,
            PrimaryVisit = primary,
            Flow = ConsortFlow.Of(cohort, parameter),
            Trajectories = t,
            Change = change,
            Mmrm = mmrm,
            Sensitivity = sensitivity,
            JumpToReference = j2r,
            EffectSizes = effectSizes,
            BootstrapG = bootstrap,
            Response = response,
            Remission = remission,
            Notes = notes,
        };
    }
}
