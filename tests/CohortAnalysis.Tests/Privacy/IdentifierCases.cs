using CohortAnalysis.Privacy;
using Xunit;

namespace CohortAnalysis.Tests.Privacy;

/// <summary>
/// One column of a score file with its true verdict. <see cref="Category"/> is the identifier it holds, or for
/// a near miss the identifier it resembles. <see cref="KnownError"/> documents a case the guard gets wrong
/// on purpose (a documented limit); the test then expects the wrong verdict, so a fix shows up as a failure.
/// </summary>
public sealed record IdentifierCase(
    string Id, string Column, string[] Values, IdentifierCategory Category, bool Identifiable,
    bool Mapped = false, string? KnownError = null)
{
    public override string ToString() => Id;
}

public static class IdentifierCases
{
    private static IdentifierCase Flag(string id, string column, IdentifierCategory category, params string[] values) =>
        new(id, column, values, category, Identifiable: true);

    private static IdentifierCase Pass(string id, string column, IdentifierCategory resembles, params string[] values) =>
        new(id, column, values, resembles, Identifiable: false);

    private static readonly string[] Names =
        ["John Smith", "Mary Jones", "Ahmed Khan", "Sofia Garcia", "Li Wei", "Anna-Marie O'Neil", "Smith, Robert"];

    private static readonly string[] Comments =
    [
        "Patient reported feeling much better after the second session.",
        "Missed visit because of a family emergency; rescheduled for next week.",
        "Rater noted mild anxiety during the interview, no safety concerns.",
        "Subject asked to withdraw but agreed to continue after discussion.",
    ];

    public static IReadOnlyList<IdentifierCase> All { get; } =
    [
        // ---- identifiable: dates (Safe Harbor C)
        Flag("dob-iso", "DOB", IdentifierCategory.Date, "1961-04-12", "1975-11-30"),
        Flag("brthdtc-iso", "BRTHDTC", IdentifierCategory.Date, "1961-04-12"),
        Flag("visitdt-date9", "VISITDT", IdentifierCategory.Date, "15MAR2024", "22MAR2024"),
        Flag("adt-sas-number", "ADT", IdentifierCategory.Date, "23450", "23457"),
        Flag("adtm-datetime", "ADTM", IdentifierCategory.Date, "2024-03-15T10:30:00"),
        Flag("qsdtc-iso", "QSDTC", IdentifierCategory.Date, "2024-03-15"),
        Flag("snake-visit-date-us", "visit_date", IdentifierCategory.Date, "03/15/2024", "03/22/2024"),
        Flag("content-date-dmy", "EVENT", IdentifierCategory.Date, "15/03/2024", "22/03/2024"),
        Flag("content-date-dd-mmm-yyyy", "when", IdentifierCategory.Date, "15-Mar-2024", "22-Mar-2024"),
        Flag("content-date-month-first", "assessed", IdentifierCategory.Date, "March 15, 2024"),
        Flag("content-datetime", "stamp", IdentifierCategory.Date, "2024-03-15 08:30"),
        Flag("content-date-short-year", "seen", IdentifierCategory.Date, "3/15/24", "3/22/24"),
        Flag("camel-admission-date", "admissionDate", IdentifierCategory.Date),
        // ---- ages over 89 (C)
        Flag("age-92", "AGE", IdentifierCategory.Age, "45", "92", "61"),
        // ---- ZIP beyond 3 digits (B)
        Flag("zip-5", "ZIP", IdentifierCategory.ZipCode, "02139", "10027"),
        Flag("zip-plus4", "zip_code", IdentifierCategory.ZipCode, "02139-4307"),
        Flag("zip3-restricted", "POSTAL", IdentifierCategory.ZipCode, "036", "021"),
        // ---- e-mail, phone, fax (D, E, F)
        Flag("email-content", "contact", IdentifierCategory.Email, "jane.doe@example.org", "", "NA"),
        Flag("email-name-camel", "emailAddress", IdentifierCategory.Email),
        Flag("phone-paren", "CONTACT", IdentifierCategory.Phone, "(617) 555-0123"),
        Flag("phone-international", "reach", IdentifierCategory.Phone, "+44 20 7946 0958"),
        Flag("phone-name-bare", "PHONE", IdentifierCategory.Phone, "617-555-0123"),
        Flag("phone-bare-column", "callback", IdentifierCategory.Phone, "617-555-0123", "212.555.0199"),
        Flag("fax-name", "FAX", IdentifierCategory.Fax),
        // ---- SSN, MRN, health plan, account, license, device (G–M)
        Flag("ssn-content", "ID2", IdentifierCategory.SocialSecurityNumber, "123-45-6789"),
        Flag("ssn-in-mapped-subject", "USUBJID", IdentifierCategory.SocialSecurityNumber, "123-45-6789", "234-56-7890") with { Mapped = true },
        Flag("ssn-name", "SSN", IdentifierCategory.SocialSecurityNumber),
        Flag("mrn-name", "MRN", IdentifierCategory.MedicalRecordNumber, "A1234567"),
        Flag("mrn-name-snake", "medical_record_number", IdentifierCategory.MedicalRecordNumber, "0012345"),
        Flag("health-plan-name", "InsuranceId", IdentifierCategory.HealthPlanNumber, "XJ-99812"),
        Flag("account-name", "ACCOUNT_NO", IdentifierCategory.AccountNumber, "88120"),
        Flag("license-name", "LICENSE_NO", IdentifierCategory.CertificateOrLicenseNumber, "D123-4567"),
        Flag("device-name", "DEVICEID", IdentifierCategory.VehicleOrDeviceIdentifier, "SN-000123"),
        // ---- URL, IP (N, O)
        Flag("ipv4", "client", IdentifierCategory.IpAddress, "192.168.10.4"),
        Flag("ipv6", "host", IdentifierCategory.IpAddress, "2001:db8::8a2e:370:7334"),
        Flag("url-https", "link", IdentifierCategory.Url, "https://example.org/p/123"),
        Flag("url-www", "page", IdentifierCategory.Url, "www.example.com"),
        // ---- names, addresses (A, B)
        Flag("name-patient-snake", "PATIENT_NAME", IdentifierCategory.Name, "Smith"),
        Flag("name-firstname", "FIRSTNAME", IdentifierCategory.Name),
        Flag("name-surname", "SURNAME", IdentifierCategory.Name),
        Flag("name-content", "rater", IdentifierCategory.Name, Names),
        Flag("address-name", "ADDRESS", IdentifierCategory.Address),
        Flag("address-content", "home", IdentifierCategory.Address, "12 Main Street", "221B Baker St."),
        Flag("address-po-box", "mailing", IdentifierCategory.Address, "P.O. Box 42"),
        Flag("city-name", "CITY", IdentifierCategory.Address, "Boston"),
        // ---- free text
        Flag("comment-name", "COMMENT", IdentifierCategory.FreeText, "ok"),
        Flag("notes-content", "obs", IdentifierCategory.FreeText, Comments),
        Flag("free-text-with-email", "remarks2", IdentifierCategory.Email, "Call back, jane@example.org, after 5pm please."),
        // ---- a headerless file: the first data row became the header
        Flag("header-is-ssn", "123-45-6789", IdentifierCategory.SocialSecurityNumber, "234-56-7890"),

        // ---- near misses: must pass
        Pass("subject-s0001-mapped", "USUBJID", IdentifierCategory.SocialSecurityNumber, "S0001", "S0002", "S0010") with { Mapped = true },
        Pass("subject-01-017", "SUBJID", IdentifierCategory.SocialSecurityNumber, "01-017", "01-018", "02-001"),
        Pass("subject-study-site-mapped", "USUBJID", IdentifierCategory.Phone, "CA-212-301-0017", "212-301-0018") with { Mapped = true },
        Pass("subject-101-001-0001", "SUBJID", IdentifierCategory.Phone, "101-001-0001", "101-001-0002"),
        Pass("avisit-week6", "AVISIT", IdentifierCategory.Date, "Week 6", "Baseline", "Week 2", "Day 1"),
        Pass("avisitn", "AVISITN", IdentifierCategory.Date, "0", "1", "2", "6"),
        Pass("siteid-101", "SITEID", IdentifierCategory.ZipCode, "101", "102"),
        Pass("siteid-5-digit", "SITEID", IdentifierCategory.ZipCode, "10101", "20202"),
        Pass("ady-15", "ADY", IdentifierCategory.Date, "15", "-3", "43"),
        Pass("age-45", "AGE", IdentifierCategory.Age, "45", "61", "89"),
        Pass("agegr1-gt89", "AGEGR1", IdentifierCategory.Age, ">89", "65-89"),
        Pass("agegr1-90plus", "AGEGR1", IdentifierCategory.Age, "90+", "<65"),
        Pass("ageu", "AGEU", IdentifierCategory.Age, "YEARS"),
        Pass("paramcd-madrs", "PARAMCD", IdentifierCategory.Name, "MADRS", "PAINNRS"),
        Pass("param-label", "PARAM", IdentifierCategory.FreeText, "MADRS Total Score (0-60) at the visit", "MADRS Total Score (0-60) at the visit"),
        Pass("crit1-label", "CRIT1", IdentifierCategory.FreeText, "MADRS reduction of at least 50% from baseline", "MADRS reduction of at least 50% from baseline"),
        Pass("trt01p-psilocybin", "TRT01P", IdentifierCategory.Name, "Psilocybin 25 mg", "Placebo", "Psilocybin 10 mg"),
        Pass("arm-two-words-mapped", "ARM", IdentifierCategory.Name, "Placebo Control", "Active Treatment", "Low Dose", "High Dose", "Standard Care") with { Mapped = true },
        Pass("armname", "ARMNAME", IdentifierCategory.Name, "Psilocybin 25 mg"),
        Pass("site-names-few", "SITE", IdentifierCategory.Name, "Mass General", "Johns Hopkins", "Mayo Clinic"),
        Pass("zip3", "ZIP", IdentifierCategory.ZipCode, "021", "100", "945"),
        Pass("zip3-000", "ZIP3", IdentifierCategory.ZipCode, "000", "021XX"),
        Pass("brthyr", "BRTHYR", IdentifierCategory.Date, "1961", "1975"),
        Pass("year-only", "YEAR", IdentifierCategory.Date, "2024"),
        Pass("date-column-years-only", "diagnosis_date", IdentifierCategory.Date, "2019", "2021"),
        Pass("aval", "AVAL", IdentifierCategory.Date, "23", "31.5", "0"),
        Pass("chg", "CHG", IdentifierCategory.Date, "-12", "-7.5"),
        Pass("time-of-day", "ATM", IdentifierCategory.IpAddress, "10:30:00", "08:15"),
        Pass("lab-result", "LBORRES", IdentifierCategory.IpAddress, "7.35", "1.2"),
        Pass("adtf", "ADTF", IdentifierCategory.Date, "D", "M"),
        Pass("dtype", "DTYPE", IdentifierCategory.Date, "LOCF"),
        Pass("studyid", "STUDYID", IdentifierCategory.Date, "CAS-2024-01"),
        Pass("toxicity", "TOXICITY", IdentifierCategory.Address, "Grade 2"),
        Pass("investigational-product", "IP", IdentifierCategory.IpAddress, "COMP360"),
        Pass("race", "RACE", IdentifierCategory.FreeText, "BLACK OR AFRICAN AMERICAN", "WHITE", "ASIAN", "AMERICAN INDIAN OR ALASKA NATIVE"),
        Pass("visit-label-with-day", "VISIT", IdentifierCategory.Date, "Week 6 (Day 43)", "Week 12 (Day 85)"),
        Pass("fraction", "DOSEFRAC", IdentifierCategory.Date, "1/2", "3/4"),
        Pass("pchg", "PCHG", IdentifierCategory.Date, "-45.5", "12.5"),
        Pass("dose-text", "EXDOSTXT", IdentifierCategory.Name, "25 mg", "10 mg"),

        // ---- documented limits (the guard is expected to get these wrong)
        new("date-compact-yyyymmdd", "EVENT", ["20240315", "20240322"], IdentifierCategory.Date, true,
            KnownError: "dates without separators are indistinguishable from 8-digit codes"),
        new("date-month-year", "visit_month", ["2024-03", "2024-04"], IdentifierCategory.Date, true,
            KnownError: "month-year without a day is not detected by content"),
        new("name-content-few", "reviewer", ["John Smith", "Mary Jones", "Ann Lee"], IdentifierCategory.Name, true,
            KnownError: "fewer than 5 distinct person names"),
        new("ssn-bare-9-digits", "ID3", ["123456789", "234567890"], IdentifierCategory.SocialSecurityNumber, true,
            KnownError: "9-digit numbers without separators are not taken as SSNs"),
        new("subject-study-site-ssn-shape", "SUBJID", ["101-01-0001", "101-01-0002"], IdentifierCategory.SocialSecurityNumber, false,
            KnownError: "STUDY-SITE-SUBJECT codes shaped ###-##-#### are flagged as SSNs, by design"),
        new("version-looks-like-ipv4", "SOFTWARE_VERSION", ["1.2.3.4"], IdentifierCategory.IpAddress, false,
            KnownError: "a 4-part version number is taken as an IPv4 address"),
    ];

    /// <summary>Case ids (strings serialize, so each case is its own test in the runner).</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (IdentifierCase c in All) data.Add(c.Id);
        return data;
    }

    public static IdentifierCase Get(string id) => All.Single(c => c.Id == id);
}
