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


        // ---- issue 11 misses: ages over 89 in other columns or as text (C)
        Flag("age-pt-age", "PT_AGE", IdentifierCategory.Age, "45", "93"),
        Flag("age-bl", "AGE_BL", IdentifierCategory.Age, "91", "60"),
        Flag("age-compact-agebl", "AGEBL", IdentifierCategory.Age, "90"),
        Flag("age-camel-at-onset", "ageAtOnset", IdentifierCategory.Age, "95"),
        Flag("age-aage", "AAGE", IdentifierCategory.Age, "62", "97"),
        Flag("age-text-years-in-age", "AGE", IdentifierCategory.Age, "95 years", "60 years"),
        Flag("age-text-in-other-column", "DEMOG", IdentifierCategory.Age, "95 years", "45 years"),
        Flag("age-text-yo", "history", IdentifierCategory.Age, "Patient is a 92 y.o. woman"),
        Flag("age-text-aged", "SUMMARY", IdentifierCategory.Age, "aged 101"),
        Flag("age-text-yrs", "PT_AGE_TEXT", IdentifierCategory.Age, "90 yrs"),
        // ---- record numbers (H)
        Flag("mrn-record-no", "RECORD_NO", IdentifierCategory.MedicalRecordNumber, "MR0012345", "MR0012346"),
        Flag("mrn-chart-9-digit", "CHART", IdentifierCategory.MedicalRecordNumber, "123456789"),
        Flag("mrn-content-prefix", "REF", IdentifierCategory.MedicalRecordNumber, "MRN 1234567"),
        Flag("mrn-content-mr-prefix", "LINK", IdentifierCategory.MedicalRecordNumber, "MR0012345"),
        Flag("mrn-patient-record-number", "patientRecordNumber", IdentifierCategory.MedicalRecordNumber, "00123"),
        Flag("mrn-ehr-id", "EHR_ID", IdentifierCategory.MedicalRecordNumber, "E99812"),
        Flag("mrn-hospital-no", "HOSPITAL_NO", IdentifierCategory.MedicalRecordNumber, "H-77812"),
        // ---- initials (A)
        Flag("initials-column", "INITIALS", IdentifierCategory.Name, "JS", "MK"),
        Flag("initials-pt-init", "PTINIT", IdentifierCategory.Name, "JS"),
        Flag("initials-snake", "subj_initials", IdentifierCategory.Name, "J.S."),
        Flag("initials-content-dotted", "WHO", IdentifierCategory.Name, "J.S.", "M.K.", "A.B.", "J.Q.P."),
        Flag("initials-word", "BD001_TEXT_INITIAL_A1", IdentifierCategory.Name, "J"),
        // ---- dates without separators (C)
        Flag("date-compact-yyyymmdd", "EVENT", IdentifierCategory.Date, "20240315", "20240322"),
        Flag("date-compact-birth", "BIRTH", IdentifierCategory.Date, "19500315", "19621201"),
        Flag("date-compact-datetime", "COLLECTED", IdentifierCategory.Date, "20240315T1030", "20240316T0900"),
        Flag("date-compact-named", "SAMPLE_DATE", IdentifierCategory.Date, "20240315"),
        // ---- bare 10-digit phone numbers (D)
        Flag("phone-10-digit", "CALLBACK", IdentifierCategory.Phone, "6175550123", "2125550199"),
        Flag("phone-11-digit", "reach2", IdentifierCategory.Phone, "16175550123"),
        Flag("phone-plus1-named", "mobile_number", IdentifierCategory.Phone, "+16175550123"),
        Flag("phone-10-digit-named", "PHONE", IdentifierCategory.Phone, "6175550123"),
        Flag("phone-word", "pt_phone_number", IdentifierCategory.Phone, "617-555-0123"),
        // ---- still flagged after the header rules became whole-word
        Flag("zip-patient-snake", "patient_zip", IdentifierCategory.ZipCode, "02139"),
        Flag("zip-word", "zip_code_home", IdentifierCategory.ZipCode, "10027"),
        Flag("account-bank-number", "bank_account_number", IdentifierCategory.AccountNumber, "0012-3391"),
        Flag("dob-snake", "date_of_birth", IdentifierCategory.Date, "1950-03-15"),
        Flag("dob-camel", "dateOfBirth", IdentifierCategory.Date, "03/15/1950"),
        Flag("death-date-snake", "death_date", IdentifierCategory.Date, "2024-01-02"),
        Flag("ip-address-snake", "ip_address", IdentifierCategory.IpAddress, "10.0.0.12"),
        Flag("email-contact", "contact_email", IdentifierCategory.Email, "a.b@example.org"),
        Flag("city-home", "home_city", IdentifierCategory.Address, "Boston"),
        Flag("license-drivers", "DRIVERS_LICENSE", IdentifierCategory.CertificateOrLicenseNumber, "D1234567"),
        Flag("health-plan-medicare-no", "MEDICARE_NO", IdentifierCategory.HealthPlanNumber, "1EG4-TE5-MK73"),
        Flag("device-serial-no", "SERIAL_NO", IdentifierCategory.VehicleOrDeviceIdentifier, "SN88121"),
        Flag("url-profile", "profile_url", IdentifierCategory.Url, "https://example.org/u/17"),
        Flag("free-text-comments-word", "investigator_comments", IdentifierCategory.FreeText, "ok"),
        // ---- CDISC standard names that are identifiers
        Flag("sdtm-dthdtc", "DTHDTC", IdentifierCategory.Date, "2024-05-01"),
        Flag("sdtm-rfstdtc", "RFSTDTC", IdentifierCategory.Date, "2024-03-01"),
        Flag("sdtm-aestdtc", "AESTDTC", IdentifierCategory.Date, "2024-03-05"),
        Flag("sdtm-svstdtc", "SVSTDTC", IdentifierCategory.Date, "2024-03-05T09:30"),
        Flag("adam-trtsdt", "TRTSDT", IdentifierCategory.Date, "23450"),
        Flag("adam-brthdt", "BRTHDT", IdentifierCategory.Date, "-3578"),
        Flag("sdtm-coval", "COVAL", IdentifierCategory.FreeText, "Subject called the site."),
        Flag("sdtm-qval-email", "QVAL", IdentifierCategory.Email, "jane@example.org"),
        Flag("sdtm-orres-ssn", "QSORRES", IdentifierCategory.SocialSecurityNumber, "123-45-6789"),
        Flag("sdtm-aeterm-email", "AETERM", IdentifierCategory.Email, "Headache, call jane@example.org"),
        Flag("sdtm-dstermdate", "DSTERM", IdentifierCategory.Date, "Withdrew on 2024-03-15"),

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


        // ---- issue 11 false alarms: CDISC standard variable names (SDTMIG v3.4, ADaMIG v1.3) with ordinary values
        Pass("sdtm-country-names", "COUNTRY", IdentifierCategory.Name, "Costa Rica", "Saudi Arabia", "Sri Lanka", "Puerto Rico", "Hong Kong", "El Salvador"),
        Pass("sdtm-country-codes", "COUNTRY", IdentifierCategory.Name, "USA", "GBR", "DEU", "FRA", "ESP", "ITA", "CAN"),
        Pass("sdtm-cmdecod", "CMDECOD", IdentifierCategory.Name, "Acetylsalicylic Acid", "Sertraline Hydrochloride", "Folic Acid", "Ibuprofen Lysine", "Colecalciferol Sodium", "Omeprazole Magnesium"),
        Pass("sdtm-cmtrt", "CMTRT", IdentifierCategory.Name, "Tylenol Extra", "Advil Liqui", "Zoloft Tablets", "Prilosec Otc", "Vitamin Complex"),
        Pass("sdtm-qstest-madrs", "QSTEST", IdentifierCategory.Name, "Apparent Sadness", "Reported Sadness", "Inner Tension", "Reduced Sleep", "Reduced Appetite", "Concentration Difficulties", "Pessimistic Thoughts", "Suicidal Thoughts"),
        Pass("sdtm-qstest-phq9", "QSTEST", IdentifierCategory.FreeText, "Little interest or pleasure in doing things", "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much", "Feeling tired or having little energy", "Poor appetite or overeating"),
        Pass("sdtm-qstestcd", "QSTESTCD", IdentifierCategory.Name, "MADRS01", "MADRS02"),
        Pass("sdtm-qscat", "QSCAT", IdentifierCategory.Name, "Montgomery Asberg"),
        Pass("sdtm-aedecod", "AEDECOD", IdentifierCategory.Name, "Dry Mouth", "Blurred Vision", "Muscle Spasms", "Night Sweats", "Hot Flush", "Nausea"),
        Pass("sdtm-aeterm", "AETERM", IdentifierCategory.Name, "Dry Mouth", "Blurry Vision", "Leg Cramps", "Night Sweats", "Hot Flashes"),
        Pass("sdtm-aellt", "AELLT", IdentifierCategory.Name, "Dry Mouth", "Vision Blurred", "Muscle Spasm", "Night Sweats", "Hot Flush"),
        Pass("sdtm-mhterm", "MHTERM", IdentifierCategory.Name, "Essential Hypertension", "Seasonal Allergies", "Chronic Back Pain", "Gastroesophageal Reflux", "Hypothyroidism"),
        Pass("sdtm-mhdecod", "MHDECOD", IdentifierCategory.Name, "Hypertension", "Seasonal Allergy", "Back Pain", "Gastrooesophageal Reflux Disease", "Hypothyroidism"),
        Pass("sdtm-cmindc", "CMINDC", IdentifierCategory.Name, "Major Depression", "Chronic Pain", "Essential Hypertension", "Acid Reflux", "Vitamin Deficiency"),
        Pass("sdtm-lbtest", "LBTEST", IdentifierCategory.Name, "Alanine Aminotransferase", "Aspartate Aminotransferase", "Alkaline Phosphatase", "Total Bilirubin", "Blood Urea Nitrogen"),
        Pass("sdtm-lbnam", "LBNAM", IdentifierCategory.Name, "Quest Diagnostics", "Covance Central", "Labcorp Burlington", "Eurofins Central", "Synlab Munich"),
        Pass("sdtm-vstest", "VSTEST", IdentifierCategory.Name, "Systolic Blood Pressure", "Diastolic Blood Pressure", "Pulse Rate", "Body Temperature", "Respiratory Rate"),
        Pass("sdtm-egtest", "EGTEST", IdentifierCategory.Name, "Summary (Mean) Heart Rate", "QT Interval", "PR Interval", "QRS Duration"),
        Pass("sdtm-dsdecod", "DSDECOD", IdentifierCategory.Name, "Adverse Event", "Withdrawal By Subject", "Physician Decision", "Protocol Deviation", "Lost To Follow-Up", "Completed"),
        Pass("sdtm-dsterm-text", "DSTERM", IdentifierCategory.FreeText, "Subject moved away and could not attend visits", "Subject decided to stop taking part in the study",
            "Investigator judged that continuing was not in the subject's interest"),
        Pass("sdtm-dvterm", "DVTERM", IdentifierCategory.FreeText, "Visit out of window by more than three days", "Informed consent signed after the first procedure",
            "Rating scale completed by a rater who was not certified"),
        Pass("sdtm-datest", "DATEST", IdentifierCategory.Date, "Dispensed Amount", "Returned Amount"),
        Pass("sdtm-datestcd", "DATESTCD", IdentifierCategory.Date, "DISPAMT", "RETAMT"),
        Pass("sdtm-daorres", "DAORRES", IdentifierCategory.Date, "30", "12"),
        Pass("sdtm-invnam", "INVNAM", IdentifierCategory.Name, "Dr Jane Roe", "Dr Ahmed Khan", "Dr Li Wei", "Dr Sofia Garcia", "Dr Tom Brown"),
        Pass("sdtm-invid", "INVID", IdentifierCategory.SocialSecurityNumber, "1001", "1002"),
        Pass("sdtm-ethnic", "ETHNIC", IdentifierCategory.FreeText, "NOT HISPANIC OR LATINO", "HISPANIC OR LATINO"),
        Pass("sdtm-armcd", "ARMCD", IdentifierCategory.Name, "PSI25", "PBO"),
        Pass("sdtm-actarm", "ACTARM", IdentifierCategory.Name, "Psilocybin 25 mg", "Placebo", "Screen Failure", "Not Treated", "Not Assigned"),
        Pass("sdtm-extrt", "EXTRT", IdentifierCategory.Name, "Psilocybin", "Placebo"),
        Pass("sdtm-exdose", "EXDOSE", IdentifierCategory.Age, "25", "100"),
        Pass("sdtm-exdosu", "EXDOSU", IdentifierCategory.Name, "mg"),
        Pass("sdtm-cmroute", "CMROUTE", IdentifierCategory.Name, "ORAL", "TOPICAL"),
        Pass("sdtm-cmdosfrq", "CMDOSFRQ", IdentifierCategory.Name, "QD", "BID", "PRN"),
        Pass("sdtm-lbspec", "LBSPEC", IdentifierCategory.Name, "SERUM", "URINE"),
        Pass("sdtm-lborres", "LBORRES", IdentifierCategory.Phone, "4.2", "135", "0.9"),
        Pass("sdtm-lbstresn", "LBSTRESN", IdentifierCategory.Phone, "4.2", "135"),
        Pass("sdtm-lbornrhi", "LBORNRHI", IdentifierCategory.Age, "145", "5.1"),
        Pass("sdtm-vsorres-weight", "VSORRES", IdentifierCategory.Age, "92.5", "101.3"),
        Pass("sdtm-vspos", "VSPOS", IdentifierCategory.Name, "SITTING", "STANDING"),
        Pass("sdtm-egmethod", "EGMETHOD", IdentifierCategory.Address, "12 LEAD STANDARD"),
        Pass("sdtm-aestdy", "AESTDY", IdentifierCategory.Date, "15", "-3"),
        Pass("sdtm-aedur", "AEDUR", IdentifierCategory.Date, "P3D", "PT4H"),
        Pass("sdtm-aeser", "AESER", IdentifierCategory.Name, "N", "Y"),
        Pass("sdtm-aerel", "AEREL", IdentifierCategory.Name, "RELATED", "NOT RELATED"),
        Pass("sdtm-aebodsys", "AEBODSYS", IdentifierCategory.Name, "Nervous System Disorders", "Gastrointestinal Disorders", "Psychiatric Disorders"),
        Pass("sdtm-qsorres", "QSORRES", IdentifierCategory.Name, "Moderate", "Severe"),
        Pass("sdtm-qsstresn", "QSSTRESN", IdentifierCategory.Age, "4", "6"),
        Pass("sdtm-qsevlint", "QSEVLINT", IdentifierCategory.Date, "-P7D"),
        Pass("sdtm-qsseq", "QSSEQ", IdentifierCategory.Phone, "1", "2", "3"),
        Pass("sdtm-visit", "VISIT", IdentifierCategory.Date, "WEEK 6", "SCREENING"),
        Pass("sdtm-visitnum", "VISITNUM", IdentifierCategory.Date, "1", "2", "8"),
        Pass("sdtm-epoch", "EPOCH", IdentifierCategory.Name, "SCREENING", "TREATMENT", "FOLLOW-UP"),
        Pass("sdtm-taetord", "TAETORD", IdentifierCategory.Date, "1", "2"),
        Pass("sdtm-tsparm", "TSPARM", IdentifierCategory.Name, "Trial Title", "Planned Number Of Subjects", "Trial Phase Classification"),
        Pass("sdtm-tsval", "TSVAL", IdentifierCategory.FreeText, "A Phase 2 Randomized Double-Blind Study of Psilocybin in Treatment-Resistant Depression"),
        Pass("sdtm-tsvcdver", "TSVCDVER", IdentifierCategory.IpAddress, "26.0", "27.1", "1.2.3.4"),
        Pass("sdtm-qnam", "QNAM", IdentifierCategory.Name, "RACEOTH", "COMPLT16"),
        Pass("sdtm-qlabel", "QLABEL", IdentifierCategory.Name, "Race, Other", "Completers Population Flag"),
        Pass("sdtm-idvarval", "IDVARVAL", IdentifierCategory.Phone, "1", "12"),
        Pass("sdtm-dmdy", "DMDY", IdentifierCategory.Date, "-7"),
        Pass("sdtm-dthfl", "DTHFL", IdentifierCategory.Date, "Y", ""),
        Pass("sdtm-sex", "SEX", IdentifierCategory.Name, "F", "M"),
        Pass("adam-region1", "REGION1", IdentifierCategory.Address, "North America", "Western Europe", "Eastern Europe", "Latin America", "South Asia"),
        Pass("adam-sitegr1", "SITEGR1", IdentifierCategory.Name, "Pooled Small Sites", "101"),
        Pass("adam-dthcaus", "DTHCAUS", IdentifierCategory.Name, "Cardiac Arrest", "Respiratory Failure", "Septic Shock", "Multiple Organ Failure", "Pulmonary Embolism"),
        Pass("adam-trtsdtf", "TRTSDTF", IdentifierCategory.Date, "D", "M"),
        Pass("adam-trt01a", "TRT01A", IdentifierCategory.Name, "Psilocybin 25 mg", "Placebo"),
        Pass("adam-trtp", "TRTP", IdentifierCategory.Name, "Psilocybin 25 mg", "Placebo"),
        Pass("adam-aphase", "APHASE", IdentifierCategory.Name, "Double-Blind", "Open-Label Extension"),
        Pass("adam-atpt", "ATPT", IdentifierCategory.Date, "Pre-dose", "2 hours post-dose"),
        Pass("adam-astdy", "ASTDY", IdentifierCategory.Date, "15", "43"),
        Pass("adam-adurn", "ADURN", IdentifierCategory.Age, "30", "120"),
        Pass("adam-avalc", "AVALC", IdentifierCategory.Name, "Moderate", "Severe", "Mild"),
        Pass("adam-avalcat1", "AVALCAT1", IdentifierCategory.Name, "Severe Depression", "Mild Depression"),
        Pass("adam-parcat1", "PARCAT1", IdentifierCategory.Name, "Montgomery Asberg", "Brief Pain Inventory"),
        Pass("adam-shift1", "SHIFT1", IdentifierCategory.Name, "Normal to High", "Low to Normal"),
        Pass("adam-anl01fl", "ANL01FL", IdentifierCategory.Name, "Y", ""),
        Pass("adam-srcdom", "SRCDOM", IdentifierCategory.Name, "QS"),
        Pass("adam-agegr1n", "AGEGR1N", IdentifierCategory.Age, "1", "2", "3"),
        Pass("adam-base-high", "BASE", IdentifierCategory.Age, "95", "120"),
        Pass("adam-aval-high", "AVAL", IdentifierCategory.Age, "92", "100") with { Mapped = true },
        Pass("adam-asm-avisit", "AVISIT", IdentifierCategory.Name, "Week 6", "Follow-up Week 16") with { Mapped = true },
        // ---- substrings that used to match a header rule
        Pass("ziprasidone-dose", "ZIPRASIDONE", IdentifierCategory.ZipCode, "40", "80"),
        Pass("ziprasidone-mg", "ziprasidone_mg", IdentifierCategory.ZipCode, "40"),
        Pass("drug-accountability", "DRUGACCOUNTABILITY", IdentifierCategory.AccountNumber, "Y", "N", "30"),
        Pass("dobutamine-dose", "DOBUTAMINE", IdentifierCategory.Date, "5", "10"),
        Pass("med-reconciliation", "MEDRECON", IdentifierCategory.MedicalRecordNumber, "Y"),
        Pass("page-number", "PAGE", IdentifierCategory.Age, "95", "120"),
        Pass("dosage", "DOSAGE", IdentifierCategory.Age, "100", "200"),
        Pass("stage", "STAGE", IdentifierCategory.Age, "III", "90"),
        Pass("percentage", "PERCENTAGE", IdentifierCategory.Age, "95", "99.5"),
        Pass("candidate-flag", "CANDIDATE", IdentifierCategory.Date, "Y", "N"),
        Pass("init-dose", "INIT_DOSE", IdentifierCategory.Name, "25 mg"),
        Pass("item-text-phq9", "ITEM_TEXT", IdentifierCategory.Name, "Little Interest", "Feeling Down", "Trouble Sleeping", "Feeling Tired", "Poor Appetite"),
        Pass("age-group-label", "AGE_GROUP", IdentifierCategory.Age, "90+", ">=65"),
        Pass("age-unit-word", "AGE_UNIT", IdentifierCategory.Age, "YEARS"),
        // ---- names of things, not people (header context)
        Pass("sitename", "SITENAME", IdentifierCategory.Name, "Johns Hopkins", "Cedars Sinai", "Mount Sinai", "Beth Israel", "Stanford Palo Alto", "Emory Atlanta"),
        Pass("site-name-snake", "site_name", IdentifierCategory.Name, "Johns Hopkins", "Cedars Sinai", "Mount Sinai", "Beth Israel", "Emory Atlanta"),
        Pass("country-name", "COUNTRY_NAME", IdentifierCategory.Name, "Costa Rica", "Saudi Arabia", "Sri Lanka", "Puerto Rico", "Hong Kong"),
        Pass("drug-name", "DRUG_NAME", IdentifierCategory.Name, "Acetylsalicylic Acid", "Sertraline Hydrochloride", "Folic Acid", "Ibuprofen Lysine", "Omeprazole Magnesium"),
        Pass("lab-name", "LAB_NAME", IdentifierCategory.Name, "Quest Diagnostics", "Covance Central", "Labcorp Burlington", "Eurofins Central", "Synlab Munich"),
        Pass("test-name", "TESTNAME", IdentifierCategory.Name, "Apparent Sadness", "Reported Sadness", "Inner Tension", "Reduced Sleep", "Reduced Appetite"),
        // ---- version strings, not IP addresses
        Pass("version-looks-like-ipv4", "SOFTWARE_VERSION", IdentifierCategory.IpAddress, "1.2.3.4"),
        Pass("firmware-version", "FWVER", IdentifierCategory.IpAddress, "2.0.1.15"),
        Pass("edc-build", "EDC_BUILD", IdentifierCategory.IpAddress, "10.2.0.1"),
        Pass("version-prefix-v", "TOOL", IdentifierCategory.IpAddress, "v1.2.3.4"),
        Pass("version-word-in-text", "SETUP", IdentifierCategory.IpAddress, "scanner version 4.10.2.1"),
        // ---- named columns holding nothing, or nothing like the identifier
        Pass("comment-empty", "COMMENT", IdentifierCategory.FreeText, "", "", "NA"),
        Pass("dob-empty", "DOB", IdentifierCategory.Date, "", "."),
        Pass("zip-empty", "ZIP", IdentifierCategory.ZipCode, "NA", ""),
        Pass("email-empty", "EMAIL", IdentifierCategory.Email, "", "NULL"),
        Pass("phone-empty", "PHONE", IdentifierCategory.Phone, "N/A"),
        Pass("ssn-empty", "SSN", IdentifierCategory.SocialSecurityNumber, " "),
        Pass("insurance-type", "INSURANCE", IdentifierCategory.HealthPlanNumber, "Private", "Medicare", "None"),
        Pass("chart-reviewed-flag", "CHART_REVIEWED", IdentifierCategory.MedicalRecordNumber, "Y", "N"),
        Pass("visit-date-flag", "VISIT_DATE_FLAG", IdentifierCategory.Date, "D", "M"),
        Pass("birth-date-unknown", "BIRTH_DATE", IdentifierCategory.Date, "UNKNOWN"),
        Pass("phone-10-digit-mapped-subject", "USUBJID", IdentifierCategory.Phone, "6175550123", "6175550124") with { Mapped = true },
        Pass("compact-date-mapped-subject", "SUBJECT", IdentifierCategory.Date, "20010101", "20010102") with { Mapped = true },

        // ---- documented limits (the guard is expected to get these wrong)
        new("date-month-year", "visit_month", ["2024-03", "2024-04"], IdentifierCategory.Date, true,
            KnownError: "month-year without a day is not detected by content"),
        new("name-content-few", "reviewer", ["John Smith", "Mary Jones", "Ann Lee"], IdentifierCategory.Name, true,
            KnownError: "fewer than 5 distinct person names"),
        new("ssn-bare-9-digits", "ID3", ["123456789", "234567890"], IdentifierCategory.SocialSecurityNumber, true,
            KnownError: "9-digit numbers without separators are not taken as SSNs"),
        new("subject-study-site-ssn-shape", "SUBJID", ["101-01-0001", "101-01-0002"], IdentifierCategory.SocialSecurityNumber, false,
            KnownError: "STUDY-SITE-SUBJECT codes shaped ###-##-#### are flagged as SSNs, by design"),
        new("initials-undotted-content", "WHO2", ["JS", "MK", "AB", "JQP"], IdentifierCategory.Name, true,
            KnownError: "undotted initials look like ISO country, sex and flag codes; only dotted initials are found by content"),
        new("date-compact-ddmmyyyy", "EVENT2", ["15031950", "01121962"], IdentifierCategory.Date, true,
            KnownError: "DDMMYYYY without separators is not detected (YYYYMMDD is)"),
        new("person-names-in-sitename", "SITENAME", ["John Smith", "Mary Jones", "Ahmed Khan", "Sofia Garcia", "Li Wei"], IdentifierCategory.Name, true,
            KnownError: "a header that names things (site, country, drug, test) switches the person-name content rule off"),
        new("dotted-quad-without-version-context", "PKG", ["1.2.3.4"], IdentifierCategory.IpAddress, false,
            KnownError: "a dotted quad without a version word or a version-named header is taken as an IPv4 address"),
        new("lot-number-shaped-like-yyyymmdd", "LOTNO", ["20240315", "20240402"], IdentifierCategory.Date, false,
            KnownError: "8-digit codes that are valid YYYYMMDD dates in half the values are taken as dates"),
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
