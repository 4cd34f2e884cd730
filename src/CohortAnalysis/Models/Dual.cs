namespace CohortAnalysis.Models;

/// <summary>A forward-mode dual number (value and one directional derivative), used to differentiate covariance
/// parameterisations exactly: seeding θₖ with derivative 1 gives ∂Σ/∂θₖ to machine precision.</summary>
internal readonly record struct Dual(double Value, double Derivative)
{
    public static implicit operator Dual(double value) => new(value, 0);
    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Derivative + b.Derivative);
    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Derivative - b.Derivative);
    public static Dual operator -(Dual a) => new(-a.Value, -a.Derivative);
    public static Dual operator *(Dual a, Dual b) => new(a.Value * b.Value, a.Derivative * b.Value + a.Value * b.Derivative);
    public static Dual operator /(Dual a, Dual b) =>
        new(a.Value / b.Value, (a.Derivative * b.Value - a.Value * b.Derivative) / (b.Value * b.Value));
    public static Dual Exp(Dual a) { double e = Math.Exp(a.Value); return new(e, e * a.Derivative); }
    public static Dual Tanh(Dual a) { double t = Math.Tanh(a.Value); return new(t, (1 - t * t) * a.Derivative); }
    public static Dual Logistic(Dual a) { double s = 1 / (1 + Math.Exp(-a.Value)); return new(s, s * (1 - s) * a.Derivative); }
}
