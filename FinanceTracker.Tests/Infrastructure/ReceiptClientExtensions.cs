using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Receipt calls for the tests: uploads as a browser sends them, or as raw multipart for hostile headers.</summary>
public static class ReceiptClientExtensions
{
    public static Task<HttpResponseMessage> UploadReceiptAsync(
        this HttpClient client, long transactionId, byte[] file, string fileName = "receipt", string contentType = "application/octet-stream")
    {
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var form = new MultipartFormDataContent { { part, "file", fileName } };
        return client.PostAsync($"/api/transactions/{transactionId}/receipts", form);
    }

    public static async Task<Receipt> AddReceiptAsync(this HttpClient client, long transactionId, byte[] file, string fileName = "receipt.jpg")
    {
        var response = await client.UploadReceiptAsync(transactionId, file, fileName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Receipt>())!;
    }

    /// <summary>A multipart body written byte by byte, so the part's headers can say anything (parameters after "name").</summary>
    public static Task<HttpResponseMessage> UploadRawReceiptAsync(this HttpClient client, long transactionId, string dispositionParameters, byte[] file)
    {
        var boundary = $"ft-{Guid.NewGuid():N}";
        byte[] body =
        [
            .. Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; {dispositionParameters}\r\n" +
                                      "Content-Type: application/octet-stream\r\n\r\n"),
            .. file,
            .. Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"),
        ];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return client.PostAsync($"/api/transactions/{transactionId}/receipts", content);
    }

    public static async Task<List<Receipt>> ListReceiptsAsync(this HttpClient client, long transactionId) =>
        (await client.GetFromJsonAsync<List<Receipt>>($"/api/transactions/{transactionId}/receipts"))!;

    /// <summary>The blob names storage holds under a user's prefix ({userId}/).</summary>
    public static async Task<List<string>> BlobNamesAsync(this BlobContainerClient container, long userId)
    {
        var names = new List<string>();
        if (!await container.ExistsAsync())
        {
            return names;
        }
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{userId}/" }))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    /// <summary>The owner of a receipt, read from the database: blob names start with it.</summary>
    public static async Task<long> OwnerOfReceiptAsync(this ApiFixture api, long receiptId) =>
        await api.Database.ScalarAsync<long>("SELECT user_id FROM receipts WHERE id = @id", ("@id", receiptId));
}
