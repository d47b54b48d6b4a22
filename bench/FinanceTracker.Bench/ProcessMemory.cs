namespace FinanceTracker.Bench;

/// <summary>Resident memory of a process from /proc: now (VmRSS) and its peak since it started (VmHWM), in MB.</summary>
internal static class ProcessMemory
{
    public static double? ResidentMb(int? pid) => Read(pid, "VmRSS:");

    public static double? PeakMb(int? pid) => Read(pid, "VmHWM:");

    private static double? Read(int? pid, string field)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
        {
            return null;
        }
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0]) / 1024.0;
    }
}
