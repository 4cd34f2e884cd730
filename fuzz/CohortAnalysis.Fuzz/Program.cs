using SharpFuzz;

namespace CohortAnalysis.Fuzz;

/// <summary>Entry point: <c>CohortAnalysis.Fuzz TARGET</c> runs under afl-fuzz (input on stdin, persistent mode);
/// <c>CohortAnalysis.Fuzz TARGET --replay FILE|DIR...</c> runs saved inputs without AFL and prints what each one did.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.All.TryGetValue(args[0], out Action<byte[]>? target))
        {
            Console.Error.WriteLine($"usage: CohortAnalysis.Fuzz {{{string.Join("|", Targets.All.Keys)}}} [--replay FILE|DIR...]");
            return 2;
        }
        if (args.Length > 1 && args[1] == "--replay") return Replay.Run(args[0], target, args[2..]);

        // Fuzzer.Run is SharpFuzz's in-process loop: one .NET process serves every input AFL sends (no fork, no JIT
        // warm-up per input). An exception escaping the action is reported to AFL as a crash.
        Fuzzer.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target(copy.ToArray());
        });
        return 0;
    }
}
