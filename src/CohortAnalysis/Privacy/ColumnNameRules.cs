using System.Text;
using System.Text.RegularExpressions;

namespace CohortAnalysis.Privacy;

/// <summary>What a header names, if it names an identifier.</summary>
internal readonly record struct NameMatch(IdentifierCategory Category, string Detail);

/// <summary>
/// Header rules for headers that are not CDISC standard variable names (those are classified by
/// <see cref="CdiscVariables"/> first). Each rule is anchored and tried against the whole compacted header
/// (upper-cased invariantly, separators removed: <c>PATIENTZIPCODE</c>) and against each word of the header
/// (split at separators and camelCase humps: <c>PATIENT</c>, <c>ZIP</c>, <c>CODE</c>), never as a substring, so
/// ZIPRASIDONE is not a ZIP code, DRUGACCOUNTABILITY not an account and DOBUTAMINE not a birth date. Rules are
/// tried in order and the first wins, so EMAILADDRESS is an e-mail, not an address.
/// </summary>
internal static partial class ColumnNameRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int TimeoutMs = 250;

    /// <summary>Where a rule is tried: the compacted header, its words, or both.</summary>
    [Flags]
    private enum Scope { Whole = 1, Words = 2, Both = Whole | Words }

    private static readonly (Func<Regex> Pattern, IdentifierCategory Category, string Detail, Scope Scope)[] Rules =
    [
        (Email, IdentifierCategory.Email, "", Scope.Both),
        (IpAddress, IdentifierCategory.IpAddress, "", Scope.Both),
        (Url, IdentifierCategory.Url, "", Scope.Both),
        (Ssn, IdentifierCategory.SocialSecurityNumber, "", Scope.Both),
        (Mrn, IdentifierCategory.MedicalRecordNumber, "", Scope.Both),
        (HealthPlan, IdentifierCategory.HealthPlanNumber, "", Scope.Both),
        (Account, IdentifierCategory.AccountNumber, "", Scope.Both),
        (VehicleOrDevice, IdentifierCategory.VehicleOrDeviceIdentifier, "", Scope.Both),
        (License, IdentifierCategory.CertificateOrLicenseNumber, "", Scope.Both),
        (Fax, IdentifierCategory.Fax, "", Scope.Both),
        (Phone, IdentifierCategory.Phone, "", Scope.Both),
        (Zip, IdentifierCategory.ZipCode, "", Scope.Both),
        (Address, IdentifierCategory.Address, "", Scope.Both),
        (BirthDate, IdentifierCategory.Date, "birth date", Scope.Both),
        (DeathDate, IdentifierCategory.Date, "death date", Scope.Both),
        (AdmissionDate, IdentifierCategory.Date, "admission date", Scope.Both),
        (DischargeDate, IdentifierCategory.Date, "discharge date", Scope.Both),
        (VisitDate, IdentifierCategory.Date, "visit date", Scope.Both),
        (AnyDate, IdentifierCategory.Date, "", Scope.Both),
        (Age, IdentifierCategory.Age, "", Scope.Both),
        // INIT alone is a word of INIT_DOSE; NAME alone a word of SITE_NAME; TEXT a word of ITEM_TEXT.
        (Initials, IdentifierCategory.Name, "initials", Scope.Whole),
        (InitialsWord, IdentifierCategory.Name, "initials", Scope.Words),
        (PersonName, IdentifierCategory.Name, "", Scope.Whole),
        (FreeText, IdentifierCategory.FreeText, "", Scope.Whole),
        (FreeTextWord, IdentifierCategory.FreeText, "", Scope.Words),
    ];

    /// <summary>Words that make an age-like header an age group or unit (AGE_GROUP, AGE_CAT, AGE_UNIT), not an age.</summary>
    private static readonly HashSet<string> AgeGroupWords = new(StringComparer.Ordinal)
    {
        "GROUP", "GRP", "GR", "CAT", "CATEGORY", "BAND", "CLASS", "RANGE", "U", "UNIT", "UNITS", "FLAG", "FL",
    };

    public static NameMatch? Match(string header)
    {
        string compact = Compact(header);
        if (compact.Length == 0) return null;
        IReadOnlyList<string> words = Words(header);
        bool yearOnly = PatternMatch.IsMatch(YearOnly(), compact) is true;
        foreach (var (pattern, category, detail, scope) in Rules)
        {
            // A year alone is not a Safe Harbor date: BRTHYR, BIRTH_YEAR, DOB_YYYY pass.
            if (category == IdentifierCategory.Date && yearOnly) continue;
            if (category == IdentifierCategory.Age && words.Any(AgeGroupWords.Contains)) continue;
            // A rule that times out twice on a header counts as matched (fail closed).
            if ((scope.HasFlag(Scope.Whole) && PatternMatch.IsMatch(pattern(), compact) is not false)
                || (scope.HasFlag(Scope.Words) && words.Count > 1 && words.Any(w => PatternMatch.IsMatch(pattern(), w) is not false)))
                return new NameMatch(category, detail);
        }
        return null;
    }

    internal static string Compact(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (char c in header)
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToUpperInvariant(c));
        return builder.ToString();
    }

    /// <summary>The header's words, upper-cased: split at anything but ASCII letters and digits and at a
    /// lower-to-upper camelCase hump (<c>patientZip</c> → PATIENT, ZIP).</summary>
    internal static IReadOnlyList<string> Words(string header)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char previous = ' ';
        foreach (char c in header)
        {
            bool boundary = !char.IsAsciiLetterOrDigit(c) || (char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(previous));
            if (boundary && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
            if (char.IsAsciiLetterOrDigit(c)) word.Append(char.ToUpperInvariant(c));
            previous = c;
        }
        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    /// <summary>Headers whose values name things rather than people (SITENAME, COUNTRY_NAME, DRUG, TESTNAME): two
    /// capitalised words there are a site, a country or a questionnaire item, so the person-name content rule is off.</summary>
    public static bool NamesThings(string header) =>
        PatternMatch.IsMatch(ThingPrefix(), Compact(header)) is true || Words(header).Any(w => PatternMatch.IsMatch(ThingWord(), w) is true);

    /// <summary>Headers of version numbers (SOFTWARE_VERSION, FWVER, BUILD): a dotted quad there is a version, not an IPv4 address.</summary>
    public static bool NamesVersions(string header) =>
        PatternMatch.IsMatch(VersionHeader(), Compact(header)) is true || Words(header).Any(w => PatternMatch.IsMatch(VersionWord(), w) is true);

    private const string Number = "(NO|NUM|NUMBER|NBR|NR|ID|CODE|CD)";

    [GeneratedRegex("(YR|YEAR|YYYY|YY)$", Options, TimeoutMs)] private static partial Regex YearOnly();
    [GeneratedRegex("^(PT|PAT|PATIENT|SUBJ|SUBJECT|CONTACT|HOME|WORK|PERSONAL)?E?MAIL(ADDR|ADDRESS|ID)?[0-9]?$", Options, TimeoutMs)] private static partial Regex Email();
    // Bare "IP" is the investigational product in a trial, not an address.
    [GeneratedRegex("^(CLIENT|HOST|REMOTE|SOURCE|SRC|USER)?IP(V[46])?(ADDR|ADDRESS)$|^IPV[46]$", Options, TimeoutMs)] private static partial Regex IpAddress();
    [GeneratedRegex("^(URL|URI|WEBSITE|WEBPAGE|WEBADDRESS|HOMEPAGE|[A-Z]*URL)$", Options, TimeoutMs)] private static partial Regex Url();
    [GeneratedRegex("^(SSN[0-9]?|SOCIALSEC(URITY)?" + Number + "?|SOCSEC" + Number + "?)$", Options, TimeoutMs)] private static partial Regex Ssn();
    [GeneratedRegex("^(MRN[0-9]?|MRNO|MEDREC" + Number + "?|MEDICALRECORD" + Number + "?|(PT|PAT|PATIENT|HEALTH|CLINICAL)?RECORD" + Number + "|HOSP(ITAL)?" + Number + "|CHART" + Number + "?|E[HM]R" + Number + "?|CASE(NO|NUM|NUMBER))$", Options, TimeoutMs)] private static partial Regex Mrn();
    [GeneratedRegex("^(HEALTHPLAN[A-Z]*|INSURANCE" + Number + "?|INSURER" + Number + "?|INSURANCEID|POLICY" + Number + "|MEMBER" + Number + "|BENEFICIARY" + Number + "?|MEDICAID" + Number + "?|MEDICARE" + Number + "?|HICN?|MBI|NHS" + Number + "?|PAYERID|SUBSCRIBER" + Number + ")$", Options, TimeoutMs)] private static partial Regex HealthPlan();
    [GeneratedRegex("^((BANK)?(ACCOUNT|ACCT)" + Number + "?|IBAN|CREDITCARD" + Number + "?|CARD" + Number + "|BANK" + Number + "?)$", Options, TimeoutMs)] private static partial Regex Account();
    [GeneratedRegex("^(VIN|VEHICLE" + Number + "|LICEN[CS]EPLATE" + Number + "?|PLATE" + Number + "|SERIAL" + Number + "?|SERIALNUMBER|DEVICE(ID|SERIAL|SN|NO|NUM|NUMBER)|IMEI|MACADDR(ESS)?|UDI)$", Options, TimeoutMs)] private static partial Regex VehicleOrDevice();
    [GeneratedRegex("^((DRIVERS?|DRIVING|MEDICAL|PROFESSIONAL)?LICEN[CS]E" + Number + "?|CERTIFICATE" + Number + "?|PASSPORT" + Number + "?)$", Options, TimeoutMs)] private static partial Regex License();
    [GeneratedRegex("^(FAX|TELEFAX)" + Number + "?[0-9]?$", Options, TimeoutMs)] private static partial Regex Fax();
    [GeneratedRegex("^((HOME|WORK|MOBILE|CELL|CONTACT|PT|PATIENT)?PHONE" + Number + "?[0-9]?|TEL(EPHONE)?" + Number + "?[0-9]*|(MOBILE|CELL)" + Number + "?|CONTACT(NO|NUM|NUMBER))$", Options, TimeoutMs)] private static partial Regex Phone();
    [GeneratedRegex("^(PT|PAT|PATIENT|SUBJ|SUBJECT|HOME|RES|MAIL|MAILING)?(ZIP|ZIPCODE|POSTCODE|POSTALCODE|POSTAL|PLZ)(CODE|CD|PLUS4|[0-9])?$", Options, TimeoutMs)] private static partial Regex Zip();
    // CITY only as the whole word or with a person prefix: ELECTRICITY, TOXICITY and VELOCITY end in CITY.
    [GeneratedRegex("^((HOME|MAILING|PT|PATIENT|STREET|RES|RESIDENTIAL)?(ADDRESS|ADDR)[0-9]?(LINE)?[0-9]?|STREET[A-Z]*|(HOME|RES|RESIDENCE|PATIENT|PT|BIRTH)?(CITY|TOWN|COUNTY)(NAME|CODE)?)$", Options, TimeoutMs)] private static partial Regex Address();
    [GeneratedRegex("^(DOB|DATEOFBIRTH|(PT|PAT|PATIENT|SUBJ)?(BIRTHDATE|BIRTHDAT|BIRTHDT|BIRTHDTC|BRTHDT|BRTHDTC|BRTHDAT|BIRTHDAY)|BDAY)$", Options, TimeoutMs)] private static partial Regex BirthDate();
    [GeneratedRegex("^(DTHDT|DTHDTC|DEATHDATE|DEATHDAT|DEATHDT|DATEOFDEATH|DOD)$", Options, TimeoutMs)] private static partial Regex DeathDate();
    [GeneratedRegex("^(ADM(IT|ISSION)?(DT|DAT|DATE)|DATEOFADMISSION)$", Options, TimeoutMs)] private static partial Regex AdmissionDate();
    [GeneratedRegex("^(DISCH(ARGE)?(DT|DAT|DATE)|DSCHDT|DATEOFDISCHARGE)$", Options, TimeoutMs)] private static partial Regex DischargeDate();
    [GeneratedRegex("^(VISITDT|VISITDAT|VISITDATE|SVDT|SVSTDT|VISDT|DATEOFVISIT)$", Options, TimeoutMs)] private static partial Regex VisitDate();
    // *DT (numeric date), *DTM (datetime), *DTC (ISO 8601 text), *DATE; ADY, ADTF, AVISIT, DATEST do not match.
    [GeneratedRegex("^([A-Z0-9]*(DTC|DTM|DT)[0-9]*|[A-Z0-9]*DATE[0-9]*|DATE|DATEOF[A-Z]+|[A-Z0-9]*DATETIME|[A-Z0-9]*TIMESTAMP|DT)$", Options, TimeoutMs)] private static partial Regex AnyDate();
    // AGE, AAGE, AGEYRS, AGE_AT_CONSENT, PT_AGE, AGE_BL, AGEBL; AGEGR1, AGEU, STAGE and DOSAGE do not match.
    [GeneratedRegex("^(PT|PAT|PATIENT|SUBJ|SUBJECT|A|B|BL|BASE|BASELINE|CUR|CURRENT|SCR|SCREENING|ENROL+|ENTRY|DEATH|DX|ONSET|RAND)?AGE(Y|YR|YRS|YEARS|AT[A-Z]+|BL|BASE|BASELINE|SCR|SCREEN|SCREENING|ENROL+|ENTRY|CONSENT|DEATH|DX|ONSET|RAND|V[0-9]+|[0-9]+)?$", Options, TimeoutMs)] private static partial Regex Age();
    [GeneratedRegex("^(PT|PAT|PATIENT|SUBJ|SUBJECT)?(INITIALS?|INITS?)$", Options, TimeoutMs)] private static partial Regex Initials();
    [GeneratedRegex("^INITIALS?$", Options, TimeoutMs)] private static partial Regex InitialsWord();
    // NAME alone or with a person word; ARMNAME, SITENAME, PARAMNAME, INVNAM are not patient names.
    [GeneratedRegex("^(PATIENT|PT|SUBJECT|SUBJ|PERSON|FIRST|LAST|GIVEN|FAMILY|MIDDLE|FULL|MAIDEN|MOTHERS|FATHERS|SPOUSE|NEXTOFKIN|KIN|CONTACT|SUR|FORE|F|L|M)?NAME(FIRST|LAST|FULL|GIVEN|FAMILY)?[0-9]*$|^(SURNAME|FORENAME|FIRSTNAME|LASTNAME)$", Options, TimeoutMs)] private static partial Regex PersonName();
    [GeneratedRegex("^([A-Z]*COMMENTS?[0-9]*|NOTES?[0-9]*|[A-Z]*NOTES|REMARKS?[0-9]*|[A-Z]*REMARKS?|FREETEXT[A-Z0-9]*|NARRATIVE[A-Z0-9]*|[A-Z]*VERBATIM|COVAL[0-9]*|[A-Z]*SPECIFY|SPEC(IFY)?OTH(ER)?|OTHSPEC|TEXT)$", Options, TimeoutMs)] private static partial Regex FreeText();
    [GeneratedRegex("^(COMMENTS?|NOTES?|REMARKS?|NARRATIVE|VERBATIM|FREETEXT)$", Options, TimeoutMs)] private static partial Regex FreeTextWord();

    [GeneratedRegex("^(SITE|CENTER|CENTRE|CLINIC|INST|INSTITUTION|COUNTRY|REGION|STATE|PROVINCE|DRUG|MED|MEDICATION|PRODUCT|COMPOUND|TREATMENT|TRT|ARM|VISIT|EPOCH|TEST|ITEM|QUESTION|PARAM|PARAMETER|SCALE|INSTRUMENT|LAB|SPONSOR|STUDY|PROTOCOL|INVESTIGATOR|INV|VENDOR|DEVICE|DIAGNOSIS|DX|CONDITION|DISEASE|EVENT|TERM|DECOD|PT|SOC|LLT|HLT|HLGT)", Options, TimeoutMs)] private static partial Regex ThingPrefix();
    [GeneratedRegex("^(SITE|CENTER|CENTRE|CLINIC|INSTITUTION|COUNTRY|REGION|STATE|PROVINCE|DRUG|MEDICATION|PRODUCT|COMPOUND|TREATMENT|ARM|VISIT|EPOCH|TEST|ITEM|QUESTION|PARAM|PARAMETER|SCALE|INSTRUMENT|LAB|SPONSOR|STUDY|PROTOCOL|INVESTIGATOR|VENDOR|DEVICE|DIAGNOSIS|CONDITION|DISEASE|EVENT|TERM|DECOD)$", Options, TimeoutMs)] private static partial Regex ThingWord();
    [GeneratedRegex("VERSION|(VER|VERS|REV|BUILD|RELEASE)$|^(SW|FW|APP|SOFTWARE|FIRMWARE|BUILD|RELEASE)", Options, TimeoutMs)] private static partial Regex VersionHeader();
    [GeneratedRegex("^(VERSION|VER|VERS|REV|REVISION|BUILD|RELEASE|SOFTWARE|FIRMWARE|SW|FW)$", Options, TimeoutMs)] private static partial Regex VersionWord();
}
