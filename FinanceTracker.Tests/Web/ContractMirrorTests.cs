using System.Reflection;

namespace FinanceTracker.Tests.Web;

/// <summary>The Web mirrors the Api's import and budget contracts record by record; a field added on one side only fails here.</summary>
public sealed class ContractMirrorTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(FinanceTracker.Api.Import.CsvMapping), typeof(FinanceTracker.Web.Api.CsvMapping) },
        { typeof(FinanceTracker.Api.Import.ImportSettings), typeof(FinanceTracker.Web.Api.ImportSettings) },
        { typeof(FinanceTracker.Api.Import.ImportAccount), typeof(FinanceTracker.Web.Api.ImportAccount) },
        { typeof(FinanceTracker.Api.Import.ImportRow), typeof(FinanceTracker.Web.Api.ImportRow) },
        { typeof(FinanceTracker.Api.Import.ImportCounts), typeof(FinanceTracker.Web.Api.ImportCounts) },
        { typeof(FinanceTracker.Api.Import.ImportPreview), typeof(FinanceTracker.Web.Api.ImportPreview) },
        { typeof(FinanceTracker.Api.Import.CommitImportRequest), typeof(FinanceTracker.Web.Api.CommitImportRequest) },
        { typeof(FinanceTracker.Api.Import.ImportCommitResult), typeof(FinanceTracker.Web.Api.ImportCommitResult) },
        { typeof(FinanceTracker.Api.Import.ImportSummary), typeof(FinanceTracker.Web.Api.ImportSummary) },
        { typeof(FinanceTracker.Api.Import.ImportRuleRequest), typeof(FinanceTracker.Web.Api.ImportRuleRequest) },
        { typeof(FinanceTracker.Api.Import.ImportRuleResponse), typeof(FinanceTracker.Web.Api.ImportRuleResponse) },
        { typeof(FinanceTracker.Api.Import.RuleMatch), typeof(FinanceTracker.Web.Api.RuleMatch) },
        { typeof(FinanceTracker.Api.Budgets.BudgetRequest), typeof(FinanceTracker.Web.Api.BudgetRequest) },
        { typeof(FinanceTracker.Api.Budgets.BudgetLineRequest), typeof(FinanceTracker.Web.Api.BudgetLineRequest) },
        { typeof(FinanceTracker.Api.Budgets.BudgetResponse), typeof(FinanceTracker.Web.Api.BudgetResponse) },
        { typeof(FinanceTracker.Api.Budgets.BudgetLine), typeof(FinanceTracker.Web.Api.BudgetLine) },
        { typeof(FinanceTracker.Api.Budgets.BudgetTotals), typeof(FinanceTracker.Web.Api.BudgetTotals) },
        { typeof(FinanceTracker.Api.Budgets.UnbudgetedSpending), typeof(FinanceTracker.Web.Api.UnbudgetedSpending) },
        { typeof(FinanceTracker.Api.Categories.CategoryUsage), typeof(FinanceTracker.Web.Api.CategoryUsage) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void TheWebsRecordHasTheApisFields(Type api, Type web)
    {
        Assert.Equal(Shape(api), Shape(web));
    }

    /// <summary>Enum names, or each public property's name and type (types of the other side compared by name).</summary>
    private static string[] Shape(Type type) => type.IsEnum
        ? Enum.GetNames(type)
        : [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .Select(p => $"{p.Name}: {TypeName(p.PropertyType)}")
            .Order()];

    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name}<{string.Join(",", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
