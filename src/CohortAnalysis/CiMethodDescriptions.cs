namespace CohortAnalysis;

/// <summary>How a confidence-interval method is named in figure captions, tables and notes.</summary>
public static class CiMethodDescriptions
{
    /// <summary>"t", "noncentral t", "Wilson", "Newcombe hybrid score", "log-scale Wald", "bootstrap BCa", …: the words the
    /// library's tables and notes use for <paramref name="method"/>.</summary>
    public static string Describe(this CiMethod method) => CiMethods.Describe(method);
}
