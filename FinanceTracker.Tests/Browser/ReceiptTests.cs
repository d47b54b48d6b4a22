using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReceiptTests(BrowserStack stack) : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("ft-receipts-");

    [Fact]
    public async Task APersonAttachesAPhotoOfAReceiptAndSeesItsThumbnail()
    {
        var me = Person.New(await stack.NewPageAsync(Viewport.Desktop));
        var page = me.Page;
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.GoToAsync("Transactions", "Transactions");
        await me.AddTransactionAsync("86.40", "Groceries", "Corner grocer");

        await OpenAsync(me, "Corner grocer");
        var picture = ReceiptPicture.Png();
        await me.ChooseFilesAsync("Receipt", File("corner-grocer.png", picture));

        var thumbnail = page.GetByRole(AriaRole.Img, new() { Name = "corner-grocer.png", Exact = true });
        await Expect(thumbnail).ToBeVisibleAsync();
        await Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", ReceiptPicture.Width);
        await ShowReceiptsAsync(me);
        await me.ScreenshotAsync("40-receipt-dialog-desktop");

        // Full size opens in a new tab, with the very bytes that were attached.
        var fullSize = page.GetByRole(AriaRole.Link, new() { Name = "Open corner-grocer.png full size" });
        await Expect(fullSize).ToHaveAttributeAsync("target", "_blank");
        var download = await page.APIRequest.GetAsync((await fullSize.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.Equal("image/png", download.Headers["content-type"]);
        Assert.Equal("nosniff", download.Headers["x-content-type-options"]);
        Assert.Equal(picture, await download.BodyAsync());

        // Closing the dialog leaves a paperclip on the row.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        var row = me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Corner grocer" });
        await Expect(row.GetByRole(AriaRole.Img, new() { Name = "1 receipt" })).ToBeVisibleAsync();
        await me.ScreenshotAsync("41-transactions-paperclip-desktop");

        // Deleting asks first, over the transaction's dialog; then the receipt and the paperclip are gone.
        await OpenAsync(me, "Corner grocer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete receipt corner-grocer.png" }).ClickAsync();
        await Expect(page.GetByText("Delete this receipt?")).ToBeVisibleAsync();
        await Expect(page.GetByText("“corner-grocer.png” will be removed")).ToBeVisibleAsync();
        // The question's own Delete: it comes after the transaction form's (the alert dialog's text is slotted, so no filter by it).
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).Last.ClickAsync();
        await Expect(thumbnail).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Img, new() { Name = "1 receipt" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AProgramPassedOffAsAReceiptIsRefusedInWords()
    {
        var me = Person.New(await stack.NewPageAsync(Viewport.Desktop));
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.GoToAsync("Transactions", "Transactions");
        await me.AddTransactionAsync("12.99", "Entertainment", "Streaming service");

        await OpenAsync(me, "Streaming service");
        byte[] program = [(byte)'M', (byte)'Z', 0x90, 0x00, .. new byte[512]];
        await me.ChooseFilesAsync("Receipt", File("setup.exe", program));

        await Expect(me.Page.GetByText("Only JPEG, PNG, WebP, HEIC images and PDF files can be attached.")).ToBeVisibleAsync();
        await Expect(me.Page.GetByRole(AriaRole.Img, new() { Name = "setup.exe" })).ToHaveCountAsync(0);
        await ShowReceiptsAsync(me);
        await me.ScreenshotAsync("42-receipt-refused-desktop");
    }

    [Fact]
    public async Task ScreenshotsOfTheReceiptsInTheDialog()
    {
        var me = Person.New(await stack.NewPageAsync(Viewport.Desktop));
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.GoToAsync("Transactions", "Transactions");
        await me.AddTransactionAsync("86.40", "Groceries", "Corner grocer");
        await OpenAsync(me, "Corner grocer");
        await me.ChooseFilesAsync("Receipt", File("corner-grocer.png", ReceiptPicture.Png()), File("invoice.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray()));
        await Expect(me.Page.GetByRole(AriaRole.Link, new() { Name = "Open invoice.pdf full size" })).ToBeVisibleAsync();

        foreach (var (viewport, scheme, variant) in new[]
        {
            (Viewport.Desktop, ColorScheme.Dark, "desktop-dark"),
            (Viewport.Phone, ColorScheme.Light, "phone"),
            (Viewport.Phone, ColorScheme.Dark, "phone-dark"),
        })
        {
            var other = new Person(await stack.NewPageAsync(viewport, scheme), me.Email);
            await other.Page.GotoAsync("/account/login");
            await other.SignInAsync();
            await Expect(other.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
            await other.Page.GotoAsync("/transactions");
            await Expect(other.TransactionsTable.GetByRole(AriaRole.Img, new() { Name = "2 receipts" })).ToBeVisibleAsync();
            await OpenAsync(other, "Corner grocer");
            var thumbnail = other.Page.GetByRole(AriaRole.Img, new() { Name = "corner-grocer.png", Exact = true });
            await Expect(thumbnail).ToHaveJSPropertyAsync("naturalWidth", ReceiptPicture.Width);
            Assert.True(await other.HasNoHorizontalScrollAsync(), $"The dialog scrolls sideways ({variant}).");
            await ShowReceiptsAsync(other);
            await other.ScreenshotAsync($"43-receipt-dialog-{variant}");
        }
    }

    private static async Task OpenAsync(Person me, string payee)
    {
        await me.TransactionsTable.GetByRole(AriaRole.Button, new() { Name = payee }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Button, new() { Name = "Attach receipt" })).ToBeVisibleAsync();
    }

    /// <summary>Scrolls the dialog down to its receipts and buttons, where the screenshot should look.</summary>
    private static Task ShowReceiptsAsync(Person me) =>
        me.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ScrollIntoViewIfNeededAsync();

    private string File(string name, byte[] bytes)
    {
        var path = Path.Combine(_files.FullName, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _files.Delete(recursive: true);
}
