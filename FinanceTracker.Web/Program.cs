using FinanceTracker.Web;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components;
using FinanceTracker.Web.Exports;
using FinanceTracker.Web.Receipts;

var builder = WebApplication.CreateBuilder(args);

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
