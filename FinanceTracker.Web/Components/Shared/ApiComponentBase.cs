using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Shared;

/// <summary>
/// Runs Api calls for a page or dialog and turns the expected failures into a message for the
/// person: the Api being unreachable, the session having ended (back to sign-in), or a problem.
/// </summary>
public abstract class ApiComponentBase : ComponentBase
{
    [Inject]
    public required FinanceApiClient Api { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary>What went wrong with the last call, ready to show; null when it succeeded.</summary>
    protected string? Problem { get; set; }

    protected bool ApiUnavailable { get; private set; }

    /// <summary>Returns false when the call failed; the failure is already in <see cref="Problem"/>.</summary>
    protected async Task<bool> TryApiAsync(Func<Task> call, Func<ApiException, bool>? handle = null)
    {
        try
        {
            await call();
            Problem = null;
            ApiUnavailable = false;
            return true;
        }
        catch (ApiUnavailableException)
        {
            ApiUnavailable = true;
            Problem = "We can't reach the FinanceTracker service right now. Your data is safe; try again in a moment.";
        }
        catch (ApiException e) when (e.IsUnauthorized)
        {
            var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
            Navigation.NavigateTo($"account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
        }
        catch (ApiException e)
        {
            ApiUnavailable = false;
            Problem = handle?.Invoke(e) == true ? null : e.UserMessage;
        }
        return false;
    }
}
