namespace CohortAnalysis;

public static partial class Citations
{
    /// <summary>Bonferroni correction (Dunn 1961).</summary>
    public const string Dunn1961 = "Dunn, O. J. (1961). Multiple comparisons among means. J Am Stat Assoc 56(293):52-64.";
    /// <summary>Holm (1979), the step-down Bonferroni procedure.</summary>
    public const string Holm1979 = "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scand J Stat 6(2):65-70.";
    /// <summary>Hochberg (1988), the step-up Simes-based procedure.</summary>
    public const string Hochberg1988 = "Hochberg, Y. (1988). A sharper Bonferroni procedure for multiple tests of significance. Biometrika 75(4):800-802.";
    /// <summary>Hommel (1988), the closed Simes procedure.</summary>
    public const string Hommel1988 = "Hommel, G. (1988). A stagewise rejective multiple test procedure based on a modified Bonferroni test. Biometrika 75(2):383-386.";
    /// <summary>Wright (1992), adjusted p-values (Hommel's included).</summary>
    public const string Wright1992 = "Wright, S. P. (1992). Adjusted P-values for simultaneous inference. Biometrics 48(4):1005-1013.";
    /// <summary>Benjamini &amp; Hochberg (1995), the false discovery rate.</summary>
    public const string BenjaminiHochberg1995 = "Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and powerful approach to multiple testing. J R Stat Soc B 57(1):289-300.";
    /// <summary>Benjamini &amp; Yekutieli (2001), FDR under dependency.</summary>
    public const string BenjaminiYekutieli2001 = "Benjamini, Y. & Yekutieli, D. (2001). The control of the false discovery rate in multiple testing under dependency. Ann Stat 29(4):1165-1188.";
    /// <summary>Maurer, Hothorn &amp; Lehmacher (1995), the fixed-sequence (hierarchical) procedure.</summary>
    public const string Maurer1995 = "Maurer, W., Hothorn, L. A. & Lehmacher, W. (1995). Multiple comparisons in drug clinical trials and preclinical assays: a-priori ordered hypotheses. In Vollmar, J. (ed.), Biometrie in der chemisch-pharmazeutischen Industrie 6:3-18. Fischer.";
    /// <summary>Bretz, Maurer, Brannath &amp; Posch (2009), the graphical approach.</summary>
    public const string Bretz2009 = "Bretz, F., Maurer, W., Brannath, W. & Posch, M. (2009). A graphical approach to sequentially rejective multiple test procedures. Stat Med 28(4):586-604.";
    /// <summary>Bretz, Posch, Glimm, Klinglmueller, Maurer &amp; Rohmeyer (2011), graphical approaches with adjusted p-values.</summary>
    public const string Bretz2011 = "Bretz, F., Posch, M., Glimm, E., Klinglmueller, F., Maurer, W. & Rohmeyer, K. (2011). Graphical approaches for multiple comparison procedures using weighted Bonferroni, Simes, or parametric tests. Biom J 53(6):894-913.";
}
