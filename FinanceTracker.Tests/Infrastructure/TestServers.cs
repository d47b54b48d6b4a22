namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Where the real servers are: set by scripts/test, which starts MariaDB, Redis and Azurite.</summary>
public static class TestServers
{
    public static string MySql => Required("FT_TEST_MYSQL");
    public static string Redis => Required("FT_TEST_REDIS");
    public static string Blobs => Required("FT_TEST_BLOBS");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with scripts/test, which starts MariaDB, Redis and Azurite and sets it.");
}
