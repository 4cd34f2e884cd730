using System.Globalization;

namespace CohortAnalysis.Privacy;

/// <summary>Combines the header rules and the content rules into the findings for one column.</summary>
internal static class ColumnScanner
{
    /// <summary>
    /// ZIP3 areas of 20,000 people or fewer (2000 Census), which Safe Harbor requires to be written as 000;
    /// listed in HHS OCR (2012) de-identification guidance.
    /// </summary>
    internal static readonly IReadOnlySet<string> RestrictedZip3 = new HashSet<string>(StringComparer.Ordinal)
    {
        "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878", "879", "884", "890", "893",
    };

    /// <summary>Safe Harbor: ages over 89 must be aggregated into one category of 90 or older.</summary>
    internal const double AgeLimit = 90;

    public static IEnumerable<IdentifierFinding> Scan(int index, string header, IReadOnlyList<string> sample, bool mapped)
    {
        // A headerless file's first data row becomes the header: never echo a header that looks like a value.
        IReadOnlyCollection<IdentifierCategory> headerHits = ContentTally.StrongCategories(header);
        string column = headerHits.Count > 0 ? IdentifierFinding.WithheldColumn(index) : header;
        int n = sample.Count;
        Dictionary<IdentifierCategory, ContentHit> content = ContentTally.Count(sample, mapped);
        var findings = new SortedDictionary<IdentifierCategory, IdentifierFinding>();

        IdentifierFinding Make(IdentifierCategory category, IdentifierEvidence evidence, string detail, int matches) =>
            new(index, column, category, evidence, detail, matches, n);

        NameMatch? name = ColumnNameRules.Match(header);
        if (name is { } named)
        {
            IdentifierFinding? finding = named.Category switch
            {
                IdentifierCategory.ZipCode => ZipFinding(sample, Make),
                IdentifierCategory.Age => AgeFinding(sample, Make),
                // A date column holding only years (or nothing) keeps no more than the year Safe Harbor allows.
                IdentifierCategory.Date when n > 0 && sample.All(v => ContentPatterns.YearOnly().IsMatch(v)) => null,
                _ => content.TryGetValue(named.Category, out ContentHit hit)
                    ? Make(named.Category, IdentifierEvidence.ColumnName | IdentifierEvidence.Content,
                        hit.Detail.Length > 0 ? hit.Detail : named.Detail, hit.Matches)
                    : Make(named.Category, IdentifierEvidence.ColumnName, named.Detail, 0),
            };
            if (finding is not null) findings[finding.Category] = finding;
        }

        foreach (var (category, hit) in content)
            if (!findings.ContainsKey(category))
                findings[category] = Make(category, IdentifierEvidence.Content, hit.Detail, hit.Matches);

        foreach (IdentifierCategory category in headerHits)
            if (!findings.ContainsKey(category))
                findings[category] = Make(category, IdentifierEvidence.Content, "header row looks like data", 0);

        return findings.Values;
    }

    private static IdentifierFinding? ZipFinding(IReadOnlyList<string> sample,
        Func<IdentifierCategory, IdentifierEvidence, string, int, IdentifierFinding> make)
    {
        const IdentifierCategory zip = IdentifierCategory.ZipCode;
        if (sample.Count == 0) return make(zip, IdentifierEvidence.ColumnName, "no values to check", 0);
        int full = 0, restricted = 0, other = 0;
        foreach (string v in sample)
        {
            if (ContentPatterns.Zip3().IsMatch(v)) { if (RestrictedZip3.Contains(v[..3])) restricted++; }
            else if (ContentPatterns.Zip5().IsMatch(v)) full++;
            else other++;
        }
        const IdentifierEvidence both = IdentifierEvidence.ColumnName | IdentifierEvidence.Content;
        if (full > 0) return make(zip, both, "5-digit or ZIP+4", full);
        if (restricted > 0) return make(zip, both, "ZIP3 of an area with 20,000 people or fewer", restricted);
        if (other > 0) return make(zip, both, "not a 3-digit ZIP", other);
        return null;
    }

    private static IdentifierFinding? AgeFinding(IReadOnlyList<string> sample,
        Func<IdentifierCategory, IdentifierEvidence, string, int, IdentifierFinding> make)
    {
        int over = sample.Count(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double age) && age >= AgeLimit);
        return over > 0
            ? make(IdentifierCategory.Age, IdentifierEvidence.ColumnName | IdentifierEvidence.Content, "", over)
            : null;
    }
}
