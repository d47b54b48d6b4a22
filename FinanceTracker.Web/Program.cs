using FinanceTracker.Web;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components;
using FinanceTracker.Web.Exports;
using FinanceTracker.Web.Receipts;

var builder = WebApplication.CreateBuilder(args);
// The packages' and components' static files (FluentUI's scripts, the scoped CSS bundle) from the build's manifest, in any
// environment: Development does this by itself; a Release build run as Production (the benchmark) needs it too. A published
// app has no such manifest (its files are in wwwroot) and this does nothing there.
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSecurityHeaders(WebContentSecurityPolicy.Value);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
app.MapAuthEndpoints();
app.MapReceiptEndpoints();
app.MapExportEndpoints();
app.MapDefaultEndpoints();

app.Run();
