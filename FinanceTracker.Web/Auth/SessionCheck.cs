using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.StaticAssets;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Which requests ask the Api whether the cookie's session is still alive. Pages, the circuit's connection, receipts
/// and sign-out do; static files and the circuit's negotiate step do not, so a page load costs one or two Api calls,
/// not one per script and stylesheet.
/// </summary>
public static class SessionCheck
{
    public static bool AppliesTo(Endpoint? endpoint) =>
        endpoint is not null
        && endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null
        && endpoint.Metadata.GetMetadata<NegotiateMetadata>() is null;
}
