namespace CohortAnalysis.Data;

/// <summary>What a reader does with codes that differ only by letter case (<c>Placebo</c> / <c>PLACEBO</c>,
/// <c>s001</c> / <c>S001</c>, <c>madrs</c> / <c>MADRS</c>) in the subject, arm, parameter or a covariate column.</summary>
public enum CaseVariantPolicy
{
    /// <summary>Default: stop with a <see cref="CohortDataException"/> naming both spellings and their lines.</summary>
    Reject,
    /// <summary>Read the later spellings as the first one seen (in file order) and record each merge in the
    /// <see cref="DataQualityReport"/>.</summary>
    Merge,
    /// <summary>Keep the spellings as different codes and record each pair in the <see cref="DataQualityReport"/> as a warning.</summary>
    KeepDistinct,
}
