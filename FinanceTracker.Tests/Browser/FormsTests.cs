using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>Forms behave: Enter saves, leaving with unsaved input asks, dates are checked, a category is deleted in one dialog.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormsTests(BrowserStack stack) : BrowserTest(stack)
{
    private async Task<Person> ReadyAsync(string device = "desktop", ColorScheme scheme = ColorScheme.Light)
    {
        var me = await NewPersonAsync(Look(device, scheme).Viewport, scheme);
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.Page.GotoAsync("/transactions");
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Level = 1 })).ToBeVisibleAsync();
        return me;
    }

    private static async Task<ILocator> OpenNewTransactionAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "New transaction" });
        await Expect(dialog).ToBeVisibleAsync();
        return dialog;
    }

    [Fact]
    public async Task AFormDialogIsADialogNamedByItsTitleWithItsButtonsInside()
    {
        var me = await ReadyAsync();
        var page = me.Page;

        var dialog = await OpenNewTransactionAsync(page);

        await Expect(page.GetByRole(AriaRole.Alertdialog)).ToHaveCountAsync(0);
        // Fluent's <dialog> sits in a shadow root with the form slotted into it: inside it for assistive technology
        // (its accessibility tree), not for a DOM locator, so the buttons are checked in the tree.
        await Expect(dialog).ToMatchAriaSnapshotAsync("""
            - dialog "New transaction":
              - textbox "Amount"
              - button "Cancel"
              - button "Save"
            """);
    }

    [Fact]
    public async Task EnterInAFieldSavesTheTransaction()
    {
        var me = await ReadyAsync();
        var page = me.Page;
        var dialog = await OpenNewTransactionAsync(page);

        await page.GetByLabel("Payee").FillAsync("Morning bakery");
        await page.GetByLabel("Amount").FillAsync("3.40");
        await page.GetByLabel("Amount").PressAsync("Enter");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Morning bakery" })).ToContainTextAsync("\u2212€3.40");
    }

    [Theory]
    [InlineData("desktop", ColorScheme.Light)]
    [InlineData("phone", ColorScheme.Dark)]
    public async Task LeavingWithUnsavedInputAsksFirst(string device, ColorScheme scheme)
    {
        var me = await ReadyAsync(device, scheme);
        var page = me.Page;

        // Nothing typed: Escape just closes.
        var dialog = await OpenNewTransactionAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);

        dialog = await OpenNewTransactionAsync(page);
        await page.GetByLabel("Payee").FillAsync("Half-typed payee");
        await page.GetByLabel("Payee").PressAsync("Escape");
        var question = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Discard your changes?" });
        await Expect(question).ToBeVisibleAsync();
        await Expect(question.GetByRole(AriaRole.Button, new() { Name = "Keep editing" })).ToBeFocusedAsync();
        await me.ScreenshotAsync($"forms-01-discard-question-{Look(device, scheme).Variant}");

        await question.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Payee")).ToHaveValueAsync("Half-typed payee");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Half-typed payee" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AClearedDateIsAnErrorAndNothingIsSaved()
    {
        var me = await ReadyAsync();
        var page = me.Page;
        var dialog = await OpenNewTransactionAsync(page);
        await page.GetByLabel("Amount").FillAsync("9");
        await page.GetByLabel("Payee").FillAsync("Dateless");

        await page.GetByLabel("Date").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Enter a date.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Date")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dateless" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ADateTwoYearsAheadAsksBeforeSaving()
    {
        var me = await ReadyAsync();
        var page = me.Page;
        var dialog = await OpenNewTransactionAsync(page);
        var farAhead = DateTime.Today.AddYears(2);
        await page.GetByLabel("Amount").FillAsync("120");
        await page.GetByLabel("Payee").FillAsync("Insurance");
        await page.GetByLabel("Date").FillAsync(farAhead.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var question = page.GetByRole(AriaRole.Alertdialog, new() { Name = "This date is more than a year ahead. Save anyway?" });
        await Expect(question).ToBeVisibleAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Insurance" })).ToContainTextAsync(farAhead.Year.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ASubcategoryShowsItsNestingInTheTransactionFormsCategoryPicker()
    {
        var me = await ReadyAsync();
        var page = me.Page;
        await me.AddSubcategoryAsync("Bakery", "Groceries");
        await page.GotoAsync("/transactions");

        await OpenNewTransactionAsync(page);
        var picker = page.GetByRole(AriaRole.Combobox, new() { Name = "Category" });

        await Expect(picker.GetByRole(AriaRole.Option, new() { Name = "Groceries › Bakery", Exact = true })).ToHaveCountAsync(1);
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Groceries › Bakery" });
    }

    [Theory]
    [InlineData("desktop", ColorScheme.Light)]
    [InlineData("phone", ColorScheme.Dark)]
    public async Task DeletingACategorySaysHowManyTransactionsUseItAndMovesThem(string device, ColorScheme scheme)
    {
        var me = await ReadyAsync(device, scheme);
        var page = me.Page;
        await me.AddTransactionAsync("30", "Dining", "Bistro one");
        await me.AddTransactionAsync("45", "Dining", "Bistro two");
        await page.GotoAsync("/categories");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dining", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Edit category" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        // One dialog: what uses the category, where its transactions go, and the delete (its content is slotted, see above).
        var delete = page.GetByRole(AriaRole.Alertdialog, new() { Name = "Delete Dining?" });
        await Expect(delete).ToMatchAriaSnapshotAsync("""
            - alertdialog "Delete Dining?":
              - list:
                - listitem: 2 transactions use it.
              - combobox "Move them to"
              - button "Cancel"
              - button "Delete"
            """);
        await page.GetByLabel("Move them to").SelectOptionAsync(new SelectOptionValue { Label = "Groceries" });
        await me.ScreenshotAsync($"forms-02-delete-category-{Look(device, scheme).Variant}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(delete).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Dining", Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync("/transactions");
        var rows = me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bistro" });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "Groceries" })).ToHaveCountAsync(2);
    }
}
