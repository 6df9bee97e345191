using System.Text.RegularExpressions;
using Fupin.Web.Rules;

namespace Fupin.Tests.Infrastructure;

/// <summary>
/// Scans every API response a test client receives for a full, valid resident ID number. Only an
/// explicit reveal (an audited action) may return one. Every API test is thereby also a masking test.
/// </summary>
public sealed partial class MaskingGuard : DelegatingHandler
{
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")]
    private static partial Regex Candidate();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var revealing = request.RequestUri?.AbsolutePath.EndsWith("/reveal", StringComparison.Ordinal) == true;
        if (!revealing && (type.Contains("json") || type.StartsWith("text/", StringComparison.Ordinal)))
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            foreach (Match m in Candidate().Matches(body))
            {
                if (ResidentId.IsValid(m.Value, today))
                {
                    throw new InvalidOperationException($"Unmasked ID number in the response to {request.Method} {request.RequestUri?.AbsolutePath}");
                }
            }
        }
        return response;
    }
}
