namespace FinanceTracker.Tests.Browser;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding FinanceTracker.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, the same configuration the tests were built with.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>Git-ignored (<c>.local/</c>), rewritten on every run.</summary>
    public static string Screenshots { get; } = Path.Combine(Root, ".local", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinanceTracker.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("FinanceTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
