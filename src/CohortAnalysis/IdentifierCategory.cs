namespace CohortAnalysis;

/// <summary>
/// A kind of identifier from the HIPAA Safe Harbor list (45 CFR 164.514(b)(2)(i), items A–R) that can appear
/// in a score file, plus free text, which can hold any of them.
/// </summary>
/// <remarks>
/// Biometric identifiers (P), full-face photographs (Q) and "any other unique identifying number" (R) are
/// not detected: they do not appear as CSV columns in a score file, or cannot be told from a subject code.
/// </remarks>
public enum IdentifierCategory
{
    /// <summary>Names of the individual, relatives, employers or household members (Safe Harbor A).</summary>
    Name,
    /// <summary>Street address, city, county or another subdivision smaller than a state (B).</summary>
    Address,
    /// <summary>A ZIP code beyond its first three digits, or a ZIP3 of an area with 20,000 people or fewer (B).</summary>
    ZipCode,
    /// <summary>A date more precise than the year: birth, admission, discharge, death, visit (C).</summary>
    Date,
    /// <summary>An age over 89 (C); age groups such as "90+" or "&gt;89" are fine.</summary>
    Age,
    /// <summary>A telephone number (D).</summary>
    Phone,
    /// <summary>A fax number (E).</summary>
    Fax,
    /// <summary>An e-mail address (F).</summary>
    Email,
    /// <summary>A social security number (G).</summary>
    SocialSecurityNumber,
    /// <summary>A medical record number (H).</summary>
    MedicalRecordNumber,
    /// <summary>A health plan beneficiary number (I).</summary>
    HealthPlanNumber,
    /// <summary>An account number (J).</summary>
    AccountNumber,
    /// <summary>A certificate or license number (K).</summary>
    CertificateOrLicenseNumber,
    /// <summary>A vehicle identifier or a device identifier or serial number (L, M).</summary>
    VehicleOrDeviceIdentifier,
    /// <summary>A web address (N).</summary>
    Url,
    /// <summary>An IPv4 or IPv6 address (O).</summary>
    IpAddress,
    /// <summary>Free text (comments, notes): not a Safe Harbor item itself, but it can carry any of them.</summary>
    FreeText,
}

/// <summary>Short descriptions of <see cref="IdentifierCategory"/> members, used in messages.</summary>
internal static class IdentifierCategories
{
    public static string Describe(IdentifierCategory category) => category switch
    {
        IdentifierCategory.Name => "person name",
        IdentifierCategory.Address => "address",
        IdentifierCategory.ZipCode => "ZIP code",
        IdentifierCategory.Date => "full date",
        IdentifierCategory.Age => "age over 89",
        IdentifierCategory.Phone => "telephone number",
        IdentifierCategory.Fax => "fax number",
        IdentifierCategory.Email => "e-mail address",
        IdentifierCategory.SocialSecurityNumber => "social security number",
        IdentifierCategory.MedicalRecordNumber => "medical record number",
        IdentifierCategory.HealthPlanNumber => "health plan number",
        IdentifierCategory.AccountNumber => "account number",
        IdentifierCategory.CertificateOrLicenseNumber => "certificate or license number",
        IdentifierCategory.VehicleOrDeviceIdentifier => "vehicle or device identifier",
        IdentifierCategory.Url => "URL",
        IdentifierCategory.IpAddress => "IP address",
        IdentifierCategory.FreeText => "free text",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown identifier category."),
    };
}
