using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Fupin.Web.Features.Import;

namespace Fupin.Tests.Infrastructure;

/// <summary>Uploads a file as a form field "file" and waits for the background job it starts, as a page or a department system does.</summary>
public static class JobUploads
{
    /// <summary>The upload's status and body; with 202, the finished job polled at <paramref name="statusUrl"/>/{id}.</summary>
    public static async Task<(HttpStatusCode Status, ImportsApi.JobView? Job, string Body)> UploadAndWaitAsync(
        this HttpClient client, string url, string statusUrl, byte[] content, string fileName, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await client.PostAsync(url, form, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, null, body);
        }
        var job = System.Text.Json.JsonSerializer.Deserialize<ImportsApi.JobView>(body, FupinApp.Json)!;
        var watch = Stopwatch.StartNew();
        while (!job.Finished && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, ct);
            job = (await client.GetFromJsonAsync<ImportsApi.JobView>($"{statusUrl}/{job.Id}", FupinApp.Json, ct))!;
        }
        Assert.True(job.Finished, "the import did not finish in time");
        return (response.StatusCode, job, body);
    }
}
