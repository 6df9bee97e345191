using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fupin.Web.Data;

internal static class ModelConventions
{
    /// <summary>
    /// Code values are stored by member name: readable in SQL, and safe when a list grows. [Flags]
    /// enums (multi-select) stay integers.
    /// </summary>
    public static void StoreEnumsAsText<T>(EntityTypeBuilder<T> b) where T : class
    {
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (t.IsEnum && t.GetCustomAttribute<FlagsAttribute>() is null)
            {
                b.Property(p.Name).HasConversion<string>().HasMaxLength(24);
            }
        }
    }
}
