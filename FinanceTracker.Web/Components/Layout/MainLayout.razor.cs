using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Layout;

public partial class MainLayout
{
    private FluentLayoutHamburger? _hamburger;
    private ErrorBoundary? _errorBoundary;

    [Inject]
    public required NavigationManager Navigation { get; init; }

    protected override void OnParametersSet()
    {
        // A crash on one page must not stick when the person navigates to another.
        _errorBoundary?.Recover();
    }

    private async Task CloseHamburgerAsync()
    {
        if (_hamburger is not null)
        {
            await _hamburger.HideAsync();
        }
    }
}
