using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace CohortAnalysis.Tests.Contract;

/// <summary>The root namespace (the result contract, <see cref="Cohort"/>, its report) depends on nothing in
/// <c>CohortAnalysis.Data</c> (readers) or <c>CohortAnalysis.Privacy</c> (the identifier guard); they depend on it. Checked
/// twice: by reflection over every root type's signatures, and by scanning the root files' code (method bodies too).</summary>
public class NamespaceDependencyTests
{
    private static readonly string[] Below = ["CohortAnalysis.Data", "CohortAnalysis.Privacy"];

    private static bool IsBelow(Type t) => t.Namespace is { } ns && Below.Any(b => ns == b || ns.StartsWith(b + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> RootTypes() =>
        typeof(Cohort).Assembly.GetTypes().Where(t => t.Namespace == "CohortAnalysis");

    private static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType) { foreach (Type e in Expand(t.GetElementType()!)) yield return e; yield break; }
        yield return t;
        if (t.IsGenericType)
            foreach (Type a in t.GetGenericArguments()) foreach (Type e in Expand(a)) yield return e;
    }

    private static IEnumerable<(string Where, Type Used)> SignatureUses(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new List<(string, Type)>();
        if (type.BaseType is { } b) used.Add(("base", b));
        used.AddRange(type.GetInterfaces().Select(i => ("interface", i)));
        used.AddRange(type.GetFields(all).Select(f => (f.Name, f.FieldType)));
        used.AddRange(type.GetProperties(all).Select(p => (p.Name, p.PropertyType)));
        foreach (MethodBase m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi) used.Add((m.Name, mi.ReturnType));
            used.AddRange(m.GetParameters().Select(p => (m.Name, p.ParameterType)));
        }
        return used.SelectMany(u => Expand(u.Item2).Select(t => ($"{type.FullName}.{u.Item1}", t)));
    }

    [Fact]
    public void RootTypes_SignaturesUseNothingFromDataOrPrivacy()
    {
        Type[] root = RootTypes().ToArray();
        Assert.True(root.Length > 20, $"only {root.Length} root types found");
        var offending = root.SelectMany(SignatureUses).Where(u => IsBelow(u.Used)).Select(u => $"{u.Where}: {u.Used.FullName}").Distinct().ToList();
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public void RootFiles_CodeNamesNothingFromDataOrPrivacy()
    {
        string[] belowTypes = typeof(Cohort).Assembly.GetTypes().Where(IsBelow).Where(t => !t.IsNested && !t.Name.Contains('<'))
            .Select(t => t.Name.Split('`')[0]).Distinct().ToArray();
        Assert.Contains("CohortCsvReader", belowTypes);
        Assert.Contains("IdentifierGuard", belowTypes);
        var names = new Regex(@"\b(" + string.Join("|", belowTypes.Select(Regex.Escape)) + @")\b|\bCohortAnalysis\.(Data|Privacy)\b|\b(Data|Privacy)\.[A-Z]");
        string folder = Path.Combine(RepositoryFolder.Root, "src", "CohortAnalysis");
        string[] files = Directory.GetFiles(folder, "*.cs", SearchOption.TopDirectoryOnly);
        Assert.True(files.Length > 20, $"only {files.Length} root files found");
        var offending = new List<string>();
        foreach (string file in files)
        {
            Assert.Contains("namespace CohortAnalysis;", File.ReadAllText(file));
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal)) continue;
                int comment = code.IndexOf("//", StringComparison.Ordinal);
                if (comment >= 0 && !code[..comment].Contains('"')) code = code[..comment];
                if (names.IsMatch(code)) offending.Add($"{Path.GetFileName(file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }
}
