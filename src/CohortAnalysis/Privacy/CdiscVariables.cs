namespace CohortAnalysis.Privacy;

/// <summary>What a CDISC standard variable holds, as far as the guard is concerned.</summary>
internal enum StandardVariableKind
{
    /// <summary>Codes, labels, controlled terms, results, flags, study days: not an identifier by name, and
    /// the weak content rules (person names, free text, bare numbers) are off, since the standard says what
    /// the values are. Strong content rules (an e-mail, an SSN, a full date inside a value) still apply.</summary>
    Other,
    /// <summary>A date or date-time (--DTC, --STDTC, *DT, *DTM): a Safe Harbor date unless only years.</summary>
    Date,
    /// <summary>BRTHDTC, BRTHDT.</summary>
    BirthDate,
    /// <summary>DTHDTC, DTHDT.</summary>
    DeathDate,
    /// <summary>AGE, AAGE: judged by value (over 89).</summary>
    Age,
    /// <summary>COVAL: comment text, which can hold any identifier; free text by name.</summary>
    Comment,
    /// <summary>QVAL: a supplemental qualifier's value, of any kind: no finding by name, every content rule on.</summary>
    OpenText,
}

/// <summary>
/// Standard variable names of the CDISC SDTM Implementation Guide v3.4 (SDTMIG, 2021; the general observation
/// classes of SDTM v2.0 — Interventions, Events, Findings — with their identifier and timing variables, and the
/// special-purpose domains DM, CO, SE, SV and SUPP--) and of the ADaM Implementation Guide v1.3 (ADaMIG, 2021:
/// ADSL, BDS; OCCDS v1.1 additions). A name is standard when it is listed exactly, or when it is a domain code
/// (AE, CM, QS, …, or a custom X*, Y*, Z* domain) followed by a general-class variable root (--TEST, --DECOD, …).
/// ADaMIG placeholders (xx, y, zz) stand for a number, so TRT01P matches TRTxxP and ANL01FL matches ANLzzFL.
/// </summary>
/// <remarks>Only exact names written as the standard writes them (letters and digits, at most 8 characters) count;
/// CM_DECOD or cmDecod is not a standard name and goes through <see cref="ColumnNameRules"/>.</remarks>
internal static class CdiscVariables
{
    /// <summary>SDTMIG v3.4 domain codes (section 2.6 and the domain chapters; plus device and pharmacogenomics domains).</summary>
    private static readonly HashSet<string> Domains = new(StringComparer.Ordinal)
    {
        "AE", "AG", "BE", "BS", "CE", "CM", "CO", "CP", "CV", "DA", "DD", "DI", "DM", "DO", "DR", "DS", "DU", "DV", "DX",
        "EC", "EG", "EX", "FA", "FT", "GF", "HO", "IE", "IS", "LB", "MB", "MH", "MI", "MK", "ML", "MS", "NV", "OE", "OI",
        "PC", "PE", "PP", "PR", "QS", "RE", "RP", "RS", "SC", "SE", "SM", "SR", "SS", "SU", "SV", "TA", "TD", "TE", "TI",
        "TM", "TR", "TS", "TU", "TV", "UR", "VS",
    };

    /// <summary>Variable roots (the "--" variables) of the SDTM v2.0 general observation classes and their identifier
    /// and timing variables, as listed in SDTMIG v3.4 section 2 and the domain specification tables.</summary>
    private static readonly HashSet<string> Roots = new(StringComparer.Ordinal)
    {
        // identifiers
        "SEQ", "GRPID", "REFID", "SPID", "LNKID", "LNKGRP",
        // Interventions
        "TRT", "MODIFY", "DECOD", "CAT", "SCAT", "PRESP", "OCCUR", "STAT", "REASND", "INDC", "CLAS", "CLASCD", "DOSE",
        "DOSTXT", "DOSU", "DOSFRM", "DOSFRQ", "DOSTOT", "DOSRGM", "ROUTE", "LOT", "LOC", "LAT", "DIR", "PORTOT", "FAST",
        "PSTRG", "PSTRGU", "TRTV", "VAMT", "VAMTU", "ADJ", "RSDISC", "ITVRSLT",
        // Events
        "TERM", "LLT", "LLTCD", "PTCD", "HLT", "HLTCD", "HLGT", "HLGTCD", "BODSYS", "BDSYCD", "SOC", "SOCCD", "PARTY",
        "PRTYID", "SEV", "SER", "ACN", "ACNOTH", "ACNDEV", "REL", "RELNST", "PATT", "OUT", "SCAN", "SCONG", "SDISAB",
        "SDTH", "SHOSP", "SLIFE", "SOD", "SMIE", "CONTRT", "TOX", "TOXGR",
        // Findings
        "TESTCD", "TEST", "TSTDTL", "POS", "ORRES", "ORRESU", "ORNRLO", "ORNRHI", "STRESC", "STRESN", "STRESU", "STNRLO",
        "STNRHI", "STNRC", "NRIND", "RESCAT", "XFN", "NAM", "LOINC", "SPEC", "ANTREG", "SPCCND", "SPCUFL", "METHOD",
        "RUNID", "ANMETH", "LEAD", "CSTATE", "BLFL", "LOBXFL", "DRVFL", "EVAL", "EVALID", "ACPTFL", "DTHREL", "LLOQ",
        "ULOQ", "EXCLFL", "REASEX", "ORREF", "STREFC", "STREFN", "RESSCL", "RESTYP", "COLSRT", "CHRON", "DISTR",
        // timing (dates are classified below)
        "DTC", "STDTC", "ENDTC", "DY", "STDY", "ENDY", "DUR", "TPT", "TPTNUM", "ELTM", "TPTREF", "RFTDTC", "STRF",
        "ENRF", "EVLINT", "EVINTX", "STRTPT", "STTPT", "ENRTPT", "ENTPT", "STINT", "ENINT", "DETECT",
        // special purpose (CO: COVAL and friends; SE: SESTDTC …; SV: SVSTDTC …)
        "VAL", "REF", "EVAL", "UPDES", "CNTMOD", "OCCUR", "PRESP",
    };

    /// <summary>Exact names: SDTM identifier and timing variables, DM, CO, SE, SV, TS, trial design, SUPP--, RELREC;
    /// ADaMIG v1.3 ADSL and BDS, and OCCDS v1.1 additions. Lower-case xx, y, zz are ADaMIG number placeholders.</summary>
    private static readonly string[] ExactNames =
    [
        // SDTM identifiers and timing
        "STUDYID", "DOMAIN", "RDOMAIN", "USUBJID", "POOLID", "SPDEVID", "FOCID", "VISITNUM", "VISIT", "VISITDY", "TAETORD",
        "EPOCH", "MIDS", "RELMIDS", "MIDSDTC", "IDVAR", "IDVARVAL", "RELTYPE", "RELID", "APID",
        // DM
        "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC", "RFPENDTC", "DTHDTC", "DTHFL", "SITEID", "INVID",
        "INVNAM", "BRTHDTC", "AGE", "AGEU", "SEX", "RACE", "ETHNIC", "ARMCD", "ARM", "ACTARMCD", "ACTARM", "ARMNRS",
        "ACTARMUD", "COUNTRY", "DMDTC", "DMDY",
        // SUPP--
        "QNAM", "QLABEL", "QVAL", "QORIG", "QEVAL",
        // trial design: TA, TE, TV, TI, TS, TD, TM
        "ETCD", "ELEMENT", "TABRANCH", "TATRANS", "TESTRL", "TEENRL", "TEDUR", "TVSTRL", "TVENRL", "IETESTCD", "IETEST",
        "IECAT", "IESCAT", "TIRL", "TIVERS", "TSSEQ", "TSGRPID", "TSPARMCD", "TSPARM", "TSVAL", "TSVALNF", "TSVALCD",
        "TSVCDREF", "TSVCDVER", "TDORDER", "TDANCVAR", "TDSTOFF", "TDTGTPAI", "TDMINPAI", "TDMAXPAI", "TDNUMRPT",
        "MIDSTYPE", "TMDEF", "TMRPT", "SESTDTC", "SEENDTC", "SEUPDES", "SVSTDTC", "SVENDTC", "SVUPDES", "SVPRESP", "SVOCCUR",
        "SVCNTMOD", "SVEPCHGI",
        // ADSL (ADaMIG v1.3 section 3.2)
        "SITEGRy", "SITEGRyN", "REGIONy", "REGIONyN", "AAGE", "AAGEU", "AGEGRy", "AGEGRyN", "RACEGRy", "RACEGRyN", "SEXN",
        "RACEN", "ETHNICN", "FASFL", "SAFFL", "ITTFL", "PPROTFL", "COMPLFL", "RANDFL", "ENRLFL", "SCRNFL", "PKFL", "COMPxxFL",
        "FASxxFL", "SAFxxFL", "ITTxxFL", "TRTxxP", "TRTxxPN", "TRTxxA", "TRTxxAN", "TRTSEQP", "TRTSEQPN", "TRTSEQA",
        "TRTSEQAN", "TRxxPGy", "TRxxPGyN", "TRxxAGy", "TRxxAGyN", "TRTSDT", "TRTSDTM", "TRTSTM", "TRTSDTF", "TRTSTMF",
        "TRTEDT", "TRTEDTM", "TRTETM", "TRTEDTF", "TRTETMF", "TRxxSDT", "TRxxSDTM", "TRxxSTM", "TRxxEDT", "TRxxEDTM",
        "TRxxETM", "TRTDURD", "TRTDURM", "TRTDURY", "APxxSDT", "APxxSDTM", "APxxSTM", "APxxEDT", "APxxEDTM", "APxxETM",
        "PxxSw", "PxxSwSDT", "PxxSwEDT", "EOSSTT", "EOSDT", "EOSDY", "DCSREAS", "DCSREASP", "EOTSTT", "DCTREAS", "DCTREASP",
        "EOTxxSTT", "DCTxxRS", "DCTxxRSP", "RANDDT", "RFICDT", "ENRLDT", "SCRFDT", "LSTALVDT", "DTHDT", "DTHDTF", "DTHCAUS",
        "DTHCGRy", "BRTHDT", "BRTHDTF", "STRATy", "STRATyN", "STRATyR", "STRATyV", "ARMCD", "DTHADY", "LDDTHELD", "LDDTHGRy",
        // BDS (ADaMIG v1.3 section 3.3) and OCCDS v1.1
        "ASEQ", "PARAM", "PARAMCD", "PARAMN", "PARAMTYP", "PARCATy", "PARCATyN", "PARQUAL", "AVAL", "AVALC", "AVALU",
        "AVALCATy", "AVALCAyN", "BASE", "BASEC", "BASEU", "BASETYPE", "BASECATy", "BASECAyN", "BCHG", "CHG", "PCHG",
        "CHGCATy", "CHGCATyN", "PCHGCATy", "R2BASE", "R2AyLO", "R2AyHI", "BR2AyLO", "BR2AyHI", "AVISIT", "AVISITN", "ATPT",
        "ATPTN", "ATPTREF", "APERIOD", "APERIODC", "APHASE", "APHASEN", "ASPER", "ASPERC", "ADT", "ADTM", "ATM", "ADY",
        "ADTF", "ATMF", "ASTDT", "ASTDTM", "ASTTM", "ASTDTF", "ASTTMF", "AENDT", "AENDTM", "AENTM", "AENDTF", "AENTMF",
        "ASTDY", "AENDY", "ADURN", "ADURU", "ARELTM", "ARELTMU", "ABLFL", "ANLzzFL", "DTYPE", "CRITy", "CRITyFL", "CRITyFN",
        "MCRITy", "MCRITyML", "MCRITyMN", "ONTRTFL", "LVOTFL", "ANRIND", "BNRIND", "ANRLO", "ANRHI", "A1LO", "A1HI",
        "SHIFTy", "SHIFTyN", "AWTARGET", "AWTDIFF", "AWLO", "AWHI", "AWU", "AWRANGE", "SRCDOM", "SRCVAR", "SRCSEQ", "TRTP",
        "TRTPN", "TRTA", "TRTAN", "TRTPGy", "TRTPGyN", "TRTAGy", "TRTAGyN", "DVERSEQ", "AVALCA1N", "TRTEMFL", "PREFL",
        "FUPFL", "AOCCFL", "AOCCSFL", "AOCCPFL", "AOCCIFL", "AOCCzzFL", "ANLzzFL", "AETRTEM", "ADECOD", "ATERM", "ABODSYS",
        "ASEV", "ASEVN", "AREL", "ARELN", "ATOXGR", "ATOXGRN", "CQzzNAM", "SMQzzNAM", "SMQzzCD", "SMQzzSC", "SMQzzSCN",
        "ICH", "EVNTDESC", "CNSR", "CNSDTDSC", "STARTDT", "SRCSEQ",
    ];

    private static readonly HashSet<string> Exact = new(ExactNames.Select(Shape), StringComparer.Ordinal);

    /// <summary>The standard variable <paramref name="header"/> names, or null when it is not a standard name.</summary>
    public static StandardVariableKind? Classify(string header)
    {
        string name = header.Trim();
        if (name.Length is < 2 or > 8 || !name.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(name[0])) return null;
        name = name.ToUpperInvariant();
        bool standard = Exact.Contains(Shape(name)) || IsDomainVariable(name);
        if (!standard) return null;
        return name switch
        {
            "BRTHDTC" or "BRTHDT" => StandardVariableKind.BirthDate,
            "DTHDTC" or "DTHDT" => StandardVariableKind.DeathDate,
            "AGE" or "AAGE" => StandardVariableKind.Age,
            "COVAL" => StandardVariableKind.Comment,
            "QVAL" => StandardVariableKind.OpenText,
            _ when IsDate(name) => StandardVariableKind.Date,
            _ => StandardVariableKind.Other,
        };
    }

    private static bool IsDomainVariable(string name)
    {
        if (name.Length < 4) return false;
        string domain = name[..2];
        bool known = Domains.Contains(domain) || domain[0] is 'X' or 'Y' or 'Z';
        return known && Roots.Contains(name[2..]);
    }

    // --DTC, --STDTC, --ENDTC, --RFTDTC, *DT, *DTM; not the imputation flags *DTF, *TMF, nor study days (*DY).
    private static bool IsDate(string name) =>
        name.EndsWith("DTC", StringComparison.Ordinal) || name.EndsWith("DTM", StringComparison.Ordinal)
        || name.EndsWith("DT", StringComparison.Ordinal);

    /// <summary>Digit runs and ADaMIG placeholders (lower-case x, y, z, w runs) become '#', so TRT01P and TRTxxP agree.</summary>
    private static string Shape(string name)
    {
        var shape = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            bool placeholder = char.IsAsciiDigit(c) || c is 'x' or 'y' or 'z' or 'w';
            if (placeholder)
            {
                if (shape.Length == 0 || shape[^1] != '#') shape.Append('#');
            }
            else shape.Append(c);
        }
        return shape.ToString();
    }
}
