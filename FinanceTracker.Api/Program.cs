using FinanceTracker.Api.Accounts;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Budgets;
using FinanceTracker.Api.Categories;
using FinanceTracker.Api.Exports;
using FinanceTracker.Api.Extensions;
using FinanceTracker.Api.Import;
using FinanceTracker.Api.Import.Rules;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Recurring;
using FinanceTracker.Api.Transactions;
using FinanceTracker.Api.Transfers;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseMiddleware<SessionCheck>();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapAuthApi();
app.MapAccountsApi();
app.MapCategoriesApi();
app.MapTransactionsApi();
app.MapTransfersApi();
app.MapReceiptsApi();
app.MapAnalyticsApi();
app.MapImportsApi();
app.MapImportRulesApi();
app.MapExportsApi();
app.MapRecurringApi();
app.MapBudgetsApi();
app.MapDefaultEndpoints();

app.Run();
