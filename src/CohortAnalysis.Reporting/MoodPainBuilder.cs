using CohortAnalysis.Change;
using CohortAnalysis.Inference;
using CohortAnalysis.Responders;

namespace CohortAnalysis.Reporting;

/// <summary>Mood and pain together: joint response (mood response and an important pain improvement) and the
/// correlation of the two changes, at the last visit both endpoints have.</summary>
internal static class MoodPainBuilder
{
    public static MoodPainReport? Build(Cohort cohort, EndpointReport mood, EndpointReport pain, TrialReportOptions options)
    {
        var common = mood.Trajectories.Visits.Select(v => v.Time).Intersect(pain.Trajectories.Visits.Select(v => v.Time)).Where(v => v > 0).ToList();
        if (common.Count == 0 || mood.Instrument is null || pain.Instrument is null) return null;
        double visit = common.Max();
        ResponderClassification first = ResponderClassification.Of(mood.Trajectories, ResponderRule.Response(mood.Instrument), visit);
        ResponderRule painRule = pain.Instrument.ImportantChanges.Count > 0
            ? ResponderRule.ImportantChange(pain.Instrument.ImportantChanges[0])
            : ResponderRule.Response(pain.Instrument);
        ResponderClassification second = ResponderClassification.Of(pain.Trajectories, painRule, visit);
        ResponderAnalysisOptions analysis = options.ResponderOptions;
        return new MoodPainReport
        {
            Mood = mood.Parameter,
            Pain = pain.Parameter,
            Visit = cohort.VisitAt(visit),
            Joint = ResponderAnalysis.Analyze(ResponderClassification.Joint(first, second), analysis),
            Cross = ResponderCrossTable.Of(first, second),
            Correlation = ChangeCorrelationTable.Of(cohort, mood.Parameter, pain.Parameter, visit, options: new CorrelationOptions { CiLevel = options.CiLevel }),
        };
    }
}
