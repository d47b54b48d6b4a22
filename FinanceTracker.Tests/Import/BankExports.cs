using FinanceTracker.Tests.Browser;

namespace FinanceTracker.Tests.Import;

/// <summary>The real bank exports in ../shared/fixtures/bank-exports (beside the repository); tests skip when it is absent.</summary>
public static class BankExports
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "fixtures", "bank-exports"));

    public static byte[] Read(string relativePath)
    {
        var path = Path.Combine(Folder, relativePath);
        Assert.SkipUnless(File.Exists(path), $"Bank export fixture {path} is absent (../shared is not beside the repository).");
        return File.ReadAllBytes(path);
    }
}
