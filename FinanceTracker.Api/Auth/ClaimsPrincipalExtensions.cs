using System.Globalization;
using System.Security.Claims;

namespace FinanceTracker.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; endpoints that call this require authorization.</summary>
    public static long GetUserId(this ClaimsPrincipal principal) =>
        long.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The request has no authenticated user."), CultureInfo.InvariantCulture);
}
