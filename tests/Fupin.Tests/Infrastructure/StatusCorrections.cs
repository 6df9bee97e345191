using System.Globalization;
using Fupin.Web.Features.Households;

namespace Fupin.Tests.Infrastructure;

/// <summary>The county office's correction of a household status, as its page sends it: a form with the evidence file.</summary>
public static class StatusCorrections
{
    public static Task<HttpResponseMessage> CorrectStatusAsync(this HttpClient client, Guid householdId, HouseholdStatus status, DateOnly date,
        string reason, int version, CancellationToken ct, bool withFile = true)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(status.ToString()), "status" },
            { new StringContent(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "date" },
            { new StringContent(reason), "reason" },
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "version" },
        };
        if (withFile)
        {
            form.Add(new ByteArrayContent("%PDF-1.4\n更正依据"u8.ToArray()), "file", "更正依据.pdf");
        }
        return client.PostAsync($"/api/v1/households/{householdId}/status", form, ct);
    }
}
