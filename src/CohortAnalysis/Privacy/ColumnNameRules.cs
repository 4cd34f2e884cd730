using System.Text;
using System.Text.RegularExpressions;

namespace CohortAnalysis.Privacy;

/// <summary>What a header names, if it names an identifier.</summary>
internal readonly record struct NameMatch(IdentifierCategory Category, string Detail);

/// <summary>
/// Header rules. Headers are compacted (upper-cased invariantly, separators removed) so ADaM (BRTHDTC),
/// snake_case (birth_date) and camelCase (birthDate) are matched by one pattern. Rules are tried in order and
/// the first wins, so EMAILADDRESS is an e-mail, not an address, and LICENSEPLATE a vehicle, not a license.
/// </summary>
internal static partial class ColumnNameRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int TimeoutMs = 250;

    private static readonly (Func<Regex> Pattern, IdentifierCategory Category, string Detail)[] Rules =
    [
        (Email, IdentifierCategory.Email, ""),
        (IpAddress, IdentifierCategory.IpAddress, ""),
        (Url, IdentifierCategory.Url, ""),
        (Ssn, IdentifierCategory.SocialSecurityNumber, ""),
        (Mrn, IdentifierCategory.MedicalRecordNumber, ""),
        (HealthPlan, IdentifierCategory.HealthPlanNumber, ""),
        (Account, IdentifierCategory.AccountNumber, ""),
        (VehicleOrDevice, IdentifierCategory.VehicleOrDeviceIdentifier, ""),
        (License, IdentifierCategory.CertificateOrLicenseNumber, ""),
        (Fax, IdentifierCategory.Fax, ""),
        (Phone, IdentifierCategory.Phone, ""),
        (Zip, IdentifierCategory.ZipCode, ""),
        (Address, IdentifierCategory.Address, ""),
        (BirthDate, IdentifierCategory.Date, "birth date"),
        (DeathDate, IdentifierCategory.Date, "death date"),
        (AdmissionDate, IdentifierCategory.Date, "admission date"),
        (DischargeDate, IdentifierCategory.Date, "discharge date"),
        (VisitDate, IdentifierCategory.Date, "visit date"),
        (AnyDate, IdentifierCategory.Date, ""),
        (Age, IdentifierCategory.Age, ""),
        (PersonName, IdentifierCategory.Name, ""),
        (FreeText, IdentifierCategory.FreeText, ""),
    ];

    public static NameMatch? Match(string header)
    {
        string compact = Compact(header);
        if (compact.Length == 0) return null;
        foreach (var (pattern, category, detail) in Rules)
        {
            // A year alone is not a Safe Harbor date: BRTHYR, BIRTH_YEAR, DOB_YYYY pass.
            if (category == IdentifierCategory.Date && YearOnly().IsMatch(compact)) continue;
            if (pattern().IsMatch(compact)) return new NameMatch(category, detail);
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

    [GeneratedRegex("(YR|YEAR|YYYY|YY)$", Options, TimeoutMs)] private static partial Regex YearOnly();
    [GeneratedRegex("EMAIL|^E?MAIL(ADDR|ADDRESS)?$", Options, TimeoutMs)] private static partial Regex Email();
    // Bare "IP" is the investigational product in a trial, not an address.
    [GeneratedRegex("^IPV[46](ADDR|ADDRESS)?$|IPADDR", Options, TimeoutMs)] private static partial Regex IpAddress();
    [GeneratedRegex("URL$|^URI$|^WEB(SITE|PAGE|ADDRESS)$|^HOMEPAGE$", Options, TimeoutMs)] private static partial Regex Url();
    [GeneratedRegex("SSN|SOCIALSEC|SOCSEC", Options, TimeoutMs)] private static partial Regex Ssn();
    [GeneratedRegex("MRN|MEDICALRECORD|MEDREC|^HOSP(ITAL)?(NO|NUM|NUMBER|ID)$|^CHART(NO|NUM|NUMBER|ID)$", Options, TimeoutMs)] private static partial Regex Mrn();
    [GeneratedRegex("HEALTHPLAN|INSURANCE|INSURER|^POLICY(NO|NUM|NUMBER|ID)$|^MEMBER(NO|NUM|NUMBER|ID)$|BENEFICIARY|MEDICAID|MEDICARE|^HICN?$|^MBI$|^NHS(NO|NUM|NUMBER)?$|^PAYERID$", Options, TimeoutMs)] private static partial Regex HealthPlan();
    [GeneratedRegex("ACCOUNT|^ACCT|IBAN|CREDITCARD|^CARD(NO|NUM|NUMBER)$|^BANK", Options, TimeoutMs)] private static partial Regex Account();
    [GeneratedRegex("^VIN$|VEHICLE|LICEN[CS]EPLATE|^PLATE(NO|NUM|NUMBER)$|^SERIAL(NO|NUM|NUMBER)?$|SERIALNUMBER|^DEVICE(ID|SERIAL|SN|NO|NUM|NUMBER)$|IMEI|MACADDR|^UDI$", Options, TimeoutMs)] private static partial Regex VehicleOrDevice();
    [GeneratedRegex("LICEN[CS]E|CERTIFICATE|PASSPORT", Options, TimeoutMs)] private static partial Regex License();
    [GeneratedRegex("FAX", Options, TimeoutMs)] private static partial Regex Fax();
    [GeneratedRegex("PHONE|^TEL(EPHONE)?(NO|NUM|NUMBER)?[0-9]*$|^(MOBILE|CELL)(PHONE|NO|NUM|NUMBER)?$|^CONTACT(NO|NUM|NUMBER)$", Options, TimeoutMs)] private static partial Regex Phone();
    [GeneratedRegex("ZIP|POSTAL|POSTCODE|^PLZ$", Options, TimeoutMs)] private static partial Regex Zip();
    // CITY only as the whole word or with a person prefix: ELECTRICITY, TOXICITY and VELOCITY end in CITY.
    [GeneratedRegex("ADDRESS|^ADDR|STREET|^(HOME|RES|RESIDENCE|PATIENT|PT|BIRTH)?(CITY|TOWN|COUNTY)(NAME|CODE)?$", Options, TimeoutMs)] private static partial Regex Address();
    [GeneratedRegex("DOB|DATEOFBIRTH|BIRTHDAT|BIRTHDT|BRTHDT|BRTHDAT|BIRTHDAY|^BDAY$", Options, TimeoutMs)] private static partial Regex BirthDate();
    [GeneratedRegex("DTHDT|DEATHDAT|DEATHDT|DATEOFDEATH|^DOD$", Options, TimeoutMs)] private static partial Regex DeathDate();
    [GeneratedRegex("^ADM(IT|ISSION)?(DT|DAT)|ADMISSIONDAT|ADMITDAT", Options, TimeoutMs)] private static partial Regex AdmissionDate();
    [GeneratedRegex("DISCH(ARGE)?(DT|DAT)|DSCHDT", Options, TimeoutMs)] private static partial Regex DischargeDate();
    [GeneratedRegex("VISITDT|VISITDAT|^SVDT|^SVSTDT|VISDT|DATEOFVISIT", Options, TimeoutMs)] private static partial Regex VisitDate();
    // ADaM/SDTM: *DT (numeric date), *DTM (datetime), *DTC (ISO 8601 text). ADY, ADTF, AVISIT do not match.
    [GeneratedRegex("DTC$|DTM$|DT[0-9]*$|DATE[0-9]*$|^DATE|DATETIME|TIMESTAMP$", Options, TimeoutMs)] private static partial Regex AnyDate();
    // AGE, AAGE, AGEYRS, AGE_AT_CONSENT; not AGEGR1, AGEU, AGEGROUP.
    [GeneratedRegex("^A?AGE(Y|YR|YRS|YEARS|AT[A-Z]+)?$", Options, TimeoutMs)] private static partial Regex Age();
    // NAME alone or with a person word; ARMNAME, SITENAME, PARAMNAME, INVNAM are not patient names.
    [GeneratedRegex("^(PATIENT|PT|SUBJECT|SUBJ|PERSON|FIRST|LAST|GIVEN|FAMILY|MIDDLE|FULL|MAIDEN|MOTHERS|FATHERS|SPOUSE|NEXTOFKIN|KIN|CONTACT|SUR|FORE|F|L|M)?NAME(FIRST|LAST|FULL|GIVEN|FAMILY)?[0-9]*$|^(PATIENT|PT|SUBJECT|SUBJ)?INITIALS$", Options, TimeoutMs)] private static partial Regex PersonName();
    [GeneratedRegex("COMMENT|^NOTES?[0-9]*$|NOTES$|REMARK|FREETEXT|NARRATIVE|VERBATIM|^COVAL[0-9]*$|SPECIFY|^TEXT$", Options, TimeoutMs)] private static partial Regex FreeText();
}
