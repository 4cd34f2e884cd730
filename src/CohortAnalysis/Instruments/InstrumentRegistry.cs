namespace CohortAnalysis.Instruments;

/// <summary>The instruments a cohort's parameters are validated and interpreted against, looked up by code or alias.</summary>
/// <remarks>Immutable and thread-safe: <see cref="With(Instrument)"/> returns a new registry.</remarks>
public sealed class InstrumentRegistry
{
    private readonly Dictionary<string, Instrument> _byName;

    private InstrumentRegistry(IReadOnlyList<Instrument> instruments)
    {
        Instruments = instruments;
        _byName = new Dictionary<string, Instrument>(StringComparer.OrdinalIgnoreCase);
        foreach (Instrument instrument in instruments)
        {
            _byName[instrument.Code] = instrument;
            foreach (string alias in instrument.Aliases) _byName[alias] = instrument;
        }
    }

    /// <summary>The built-in instruments: MADRS, HAM-D-17, QIDS-SR16, BDI-II, PHQ-9, pain NRS, pain VAS,
    /// BPI pain severity and BPI pain interference.</summary>
    public static InstrumentRegistry Default { get; } = new([
        Instrument.Madrs, Instrument.HamD17, Instrument.QidsSr16, Instrument.BdiII, Instrument.Phq9,
        Instrument.PainNrs, Instrument.PainVas, Instrument.BpiSeverity, Instrument.BpiInterference]);

    /// <summary>A registry with no instruments: scores are not range-checked.</summary>
    public static InstrumentRegistry Empty { get; } = new([]);

    /// <summary>The registered instruments, in registration order.</summary>
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <summary>A new registry with <paramref name="instrument"/> added; it replaces any instrument with the same code,
    /// and its code and aliases take precedence over earlier aliases.</summary>
    public InstrumentRegistry With(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new InstrumentRegistry([.. Instruments.Where(i => !i.Equals(instrument)), instrument]);
    }

    /// <summary>The instrument whose code or alias is <paramref name="codeOrAlias"/> (case-insensitive), or null.</summary>
    public Instrument? Find(string codeOrAlias) => _byName.GetValueOrDefault(codeOrAlias.Trim());

    /// <summary>The instrument whose code or alias is <paramref name="codeOrAlias"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such instrument; the message lists the registered codes.</exception>
    public Instrument Get(string codeOrAlias) => Find(codeOrAlias)
        ?? throw new KeyNotFoundException($"No instrument '{codeOrAlias}' is registered; known: {string.Join(", ", Instruments.Select(i => i.Code))}.");
}
