namespace CohortAnalysis.Models;

/// <summary>A hyper-dual number: a value, two directional derivatives and their mixed second derivative. Seeding θₖ
/// with <see cref="D1"/> = 1 and θₗ with <see cref="D2"/> = 1 gives ∂f/∂θₖ, ∂f/∂θₗ and ∂²f/∂θₖ∂θₗ to machine
/// precision; used to differentiate covariance parameterisations exactly.</summary>
/// <remarks>Reference: Fike &amp; Alonso (2011), The development of hyper-dual numbers for exact second-derivative
/// calculations, AIAA 2011-886.</remarks>
internal readonly record struct Dual(double Value, double D1, double D2, double D12)
{
    public static implicit operator Dual(double value) => new(value, 0, 0, 0);
    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.D1 + b.D1, a.D2 + b.D2, a.D12 + b.D12);
    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.D1 - b.D1, a.D2 - b.D2, a.D12 - b.D12);
    public static Dual operator -(Dual a) => new(-a.Value, -a.D1, -a.D2, -a.D12);
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value, a.D1 * b.Value + a.Value * b.D1,
        a.D2 * b.Value + a.Value * b.D2, a.D12 * b.Value + a.D1 * b.D2 + a.D2 * b.D1 + a.Value * b.D12);
    public static Dual operator /(Dual a, Dual b) => a * Chain(b, 1 / b.Value, -1 / (b.Value * b.Value), 2 / (b.Value * b.Value * b.Value));
    public static Dual Exp(Dual a) { double e = Math.Exp(a.Value); return Chain(a, e, e, e); }
    public static Dual Tanh(Dual a) { double t = Math.Tanh(a.Value); return Chain(a, t, 1 - t * t, -2 * t * (1 - t * t)); }
    public static Dual Logistic(Dual a)
    {
        double s = 1 / (1 + Math.Exp(-a.Value));
        return Chain(a, s, s * (1 - s), s * (1 - s) * (1 - 2 * s));
    }
    public static Dual Sqrt(Dual a) { double r = Math.Sqrt(a.Value); return Chain(a, r, 0.5 / r, -0.25 / (r * a.Value)); }

    /// <summary>f(a) from f, f′ and f″ at a.Value.</summary>
    private static Dual Chain(Dual a, double f, double f1, double f2) =>
        new(f, f1 * a.D1, f1 * a.D2, f1 * a.D12 + f2 * a.D1 * a.D2);
}
