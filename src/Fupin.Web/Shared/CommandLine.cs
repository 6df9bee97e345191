namespace Fupin.Web.Shared;

/// <summary>
/// The configuration of the host's command-line verbs (generate, audit-verify, backup, restore, migrate): the same
/// sources as the web host — appsettings.json and appsettings.{environment}.json in the working directory,
/// environment variables, then the command line — so a verb reaches the database the server uses.
/// Flags without a value (<c>--force</c>) are answered by <see cref="Has"/>, not by the configuration.
/// </summary>
public static class CommandLine
{
    public static IConfiguration Configuration(string[] args, IDictionary<string, string>? switches = null)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        var map = new Dictionary<string, string> { ["--data-folder"] = "Data:Folder" };
        foreach (var (key, value) in switches ?? new Dictionary<string, string>())
        {
            map[key] = value;
        }
        // Only "--name value" pairs go to the configuration; a lone flag would take the next word as its value.
        var pairs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (map.ContainsKey(args[i]) && i + 1 < args.Length)
            {
                pairs.Add(args[i]);
                pairs.Add(args[++i]);
            }
        }
        return new ConfigurationBuilder()
            .SetBasePath(ContentRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. pairs], map)
            .Build();
    }

    /// <summary>Where relative paths (the data folder) are resolved: the working directory, as for the web host.</summary>
    public static string ContentRoot => Directory.GetCurrentDirectory();

    public static bool Has(string[] args, string flag) => args.Contains(flag, StringComparer.Ordinal);
}
