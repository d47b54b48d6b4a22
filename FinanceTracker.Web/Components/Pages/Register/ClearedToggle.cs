using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Register;

/// <summary>A person ticked or un-ticked a row's Cleared box.</summary>
public sealed record ClearedToggle(Transaction Transaction, bool Cleared);
