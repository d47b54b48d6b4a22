using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>The import Api as a person's client calls it; each helper asserts the happy-path status it expects.</summary>
public static class ImportClientExtensions
{
    public static Task<HttpResponseMessage> UploadImportAsync(
        this HttpClient client, byte[] content, string fileName, long accountId, string? mappingJson = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "accountId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (mappingJson is not null)
        {
            form.Add(new StringContent(mappingJson, Encoding.UTF8), "mapping");
        }
        return client.PostAsync("/api/imports", form);
    }

    public static async Task<ImportPreviewModel> PreviewImportAsync(
        this HttpClient client, byte[] content, string fileName, long accountId, string? mappingJson = null)
    {
        var response = await client.UploadImportAsync(content, fileName, accountId, mappingJson);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ImportPreviewModel>())!;
    }

    public static Task<ImportPreviewModel> PreviewImportAsync(this HttpClient client, string text, string fileName, long accountId, string? mappingJson = null) =>
        client.PreviewImportAsync(Encoding.UTF8.GetBytes(text), fileName, accountId, mappingJson);

    public static async Task<ImportCommitModel> CommitImportAsync(this HttpClient client, long importId, object? request = null)
    {
        var response = await client.PostAsJsonAsync($"/api/imports/{importId}/commit", request ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ImportCommitModel>())!;
    }

    /// <summary>Upload and commit with the defaults: every new row into <paramref name="accountId"/>.</summary>
    public static async Task<ImportCommitModel> ImportAsync(this HttpClient client, byte[] content, string fileName, long accountId)
    {
        var preview = await client.PreviewImportAsync(content, fileName, accountId);
        return await client.CommitImportAsync(preview.Id);
    }

    public static Task<ImportCommitModel> ImportAsync(this HttpClient client, string text, string fileName, long accountId) =>
        client.ImportAsync(Encoding.UTF8.GetBytes(text), fileName, accountId);
}
