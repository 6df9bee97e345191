using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Fupin.Web.Shared;

/// <summary>
/// Schema names in the OpenAPI document: a nested type carries the name of the type it is declared in, so the many
/// <c>Request</c>, <c>View</c>, <c>Row</c> and <c>Result</c> records each get a schema of their own instead of sharing
/// (and overwriting) one; generics name their arguments the same way (<c>PagedOfListHouseholdsRow</c>).
/// </summary>
public static class OpenApiNames
{
    public static string? ReferenceId(JsonTypeInfo info) =>
        OpenApiOptions.CreateDefaultSchemaReferenceId(info) is { } id ? (Ours(info.Type) ? Name(info.Type) : id) : null;

    /// <summary>The schema name of a type of this application (or a generic over one).</summary>
    public static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying);
        }
        var own = type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Join("And", type.GetGenericArguments().Select(Name))
            : type.Name;
        return type.IsNested && !type.IsGenericParameter ? Name(type.DeclaringType!) + own : own;
    }

    private static bool Ours(Type type) =>
        type.Assembly == typeof(OpenApiNames).Assembly || (type.IsGenericType && type.GetGenericArguments().Any(Ours));
}
