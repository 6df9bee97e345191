using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>
/// The build a county deploys, as docs/deploy.md deploys it: the published folder (FUPIN_PUBLISHED, made by test.sh
/// with <c>dotnet publish</c>) started with <c>dotnet Fupin.Web.dll</c> in Production on an empty data folder, and
/// Debian's nginx in front with the repository's own <c>deploy/nginx/fupin.conf</c> (its ports and certificate paths
/// substituted) and a throwaway certificate. Sign-in keys encrypted with a certificate, JSON logs, forwarded headers
/// believed from nginx only. Nothing missing is skipped: no published folder, nginx or openssl fails the run.
/// </summary>
public abstract class DeployedApp : IAsyncLifetime
{
    public const string AdminPassword = "Deploy-Admin-Pass-2026";

    public readonly string Root = Directory.CreateTempSubdirectory("fupin-deploy-").FullName;
    public string DataFolder => Path.Combine(Root, "data");
    public string HttpsUrl { get; private set; } = "";
    public string AppUrl { get; private set; } = "";
    public string Published { get; } = Environment.GetEnvironmentVariable("FUPIN_PUBLISHED")
        ?? throw new InvalidOperationException("FUPIN_PUBLISHED is not set: run ./test.sh, which publishes the application first.");

    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    private Process? _app;
    private Process? _nginx;
    private readonly System.Text.StringBuilder _output = new();

    public abstract string Provider { get; }

    /// <summary>The provider's settings for the published process (database, connection).</summary>
    protected abstract IEnumerable<(string Key, string Value)> DatabaseEnvironment { get; }

    /// <summary>Settings the process runs with, as a county's /etc/fupin/fupin.env would give them.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataFolder);
        var tls = Directory.CreateDirectory(Path.Combine(Root, "tls")).FullName;
        await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "2",
            "-keyout", Path.Combine(tls, "privkey.pem"), "-out", Path.Combine(tls, "fullchain.pem")]);
        await RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=fupin-dataprotection", "-days", "2",
            "-keyout", Path.Combine(tls, "dp.key"), "-out", Path.Combine(tls, "dp.crt")]);
        await RunAsync("openssl", ["pkcs12", "-export", "-inkey", Path.Combine(tls, "dp.key"), "-in", Path.Combine(tls, "dp.crt"),
            "-out", Path.Combine(tls, "dataprotection.pfx"), "-passout", "pass:Dp-Cert-Pass"]);

        var appPort = WebAppProcess.FreePort();
        AppUrl = $"http://127.0.0.1:{appPort}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = AppUrl,
            ["Proxy__KnownProxies"] = "127.0.0.1",
            ["Data__Folder"] = DataFolder,
            ["DataProtection__CertificatePath"] = Path.Combine(tls, "dataprotection.pfx"),
            ["DataProtection__CertificatePassword"] = "Dp-Cert-Pass",
            ["Logging__Console__FormatterName"] = "json",
            ["FUPIN_ADMIN_PASSWORD"] = AdminPassword,
            ["FUPIN_SECURITY_PASSWORD"] = AdminPassword,
            ["FUPIN_AUDITOR_PASSWORD"] = AdminPassword,
            ["Security__SignInPerMinute"] = "5",
            ["Backup__Schedule"] = "false",
        };
        foreach (var (key, value) in DatabaseEnvironment)
        {
            environment[key] = value;
        }
        Settings = environment;
        _app = Start("dotnet", [Path.Combine(Published, "Fupin.Web.dll")], Published, environment);
        await WaitAsync(AppUrl + "/health", _app);

        // nginx with the repository's own server blocks, on free loopback ports, in a prefix of its own.
        var nginxRoot = Directory.CreateDirectory(Path.Combine(Root, "nginx")).FullName;
        var https = WebAppProcess.FreePort();
        var http = WebAppProcess.FreePort();
        var site = (await File.ReadAllTextAsync(Path.Combine(WebAppProcess.RepoRoot, "deploy", "nginx", "fupin.conf")))
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{https} ssl http2;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{http};", StringComparison.Ordinal)
            .Replace("http://127.0.0.1:5080", AppUrl, StringComparison.Ordinal)
            .Replace("/etc/fupin/tls/", tls + "/", StringComparison.Ordinal);
        Assert.Contains(AppUrl, site);
        await File.WriteAllTextAsync(Path.Combine(nginxRoot, "fupin.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(nginxRoot, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{nginxRoot}}/nginx.pid;
            error_log {{nginxRoot}}/error.log;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{nginxRoot}}/body;
                proxy_temp_path {{nginxRoot}}/proxy;
                fastcgi_temp_path {{nginxRoot}}/fastcgi;
                uwsgi_temp_path {{nginxRoot}}/uwsgi;
                scgi_temp_path {{nginxRoot}}/scgi;
                include {{nginxRoot}}/fupin.conf;
            }
            """);
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _nginx = Start(nginx, ["-p", nginxRoot, "-c", Path.Combine(nginxRoot, "nginx.conf"), "-g", "daemon off;"], nginxRoot, new Dictionary<string, string>());
        HttpsUrl = $"https://127.0.0.1:{https}";
        using (var probe = Client("127.0.0.1"))
        {
            await WaitAsync(HttpsUrl + "/health", _nginx, probe);
        }

        var chromium = Environment.GetEnvironmentVariable("FUPIN_CHROMIUM") ?? "/usr/bin/chromium";
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A client of nginx that connects from the given loopback address (a "different machine" as nginx sees it) and trusts the throwaway certificate.</summary>
    public HttpClient Client(string from)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(HttpsUrl) };
    }

    /// <summary>
    /// Runs a verb of the published build (backup, restore, audit-verify) through <c>deploy/fupin-cli</c>, as the
    /// deployment guide does: the server's settings come from an environment file like /etc/fupin/fupin.env.
    /// </summary>
    public async Task<(int Code, string Output)> VerbAsync(params string[] args)
    {
        var envFile = Path.Combine(Root, "fupin.env");
        await File.WriteAllLinesAsync(envFile, Settings.Select(s => $"{s.Key}={s.Value}").Prepend("# as /etc/fupin/fupin.env"));
        var output = new System.Text.StringBuilder();
        using var process = Start("sh", [Path.Combine(WebAppProcess.RepoRoot, "deploy", "fupin-cli"), .. args], Root,
            new Dictionary<string, string> { ["FUPIN_ENV_FILE"] = envFile, ["FUPIN_HOME"] = Published }, output);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public void StopApp()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            _app.WaitForExit();
        }
    }

    private Process Start(string file, string[] args, string workingDirectory, Dictionary<string, string> environment, System.Text.StringBuilder? into = null)
    {
        var sink = into ?? _output;
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        process.OutputDataReceived += (_, e) => { lock (sink) { sink.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (sink) { sink.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed: {await error}");
    }

    private async Task WaitAsync(string url, Process process, HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient() : null;
        var http = client ?? own!;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var nginxLog = Path.Combine(Root, "nginx", "error.log");
                throw new InvalidOperationException($"{url} did not answer:\n{Output}\n{(File.Exists(nginxLog) ? File.ReadAllText(nginxLog) : "")}");
            }
            await Task.Delay(250);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        Playwright?.Dispose();
        foreach (var process in new[] { _nginx, _app })
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process?.Dispose();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }
}

public class DeployedSqliteApp : DeployedApp
{
    public override string Provider => "Sqlite";

    protected override IEnumerable<(string Key, string Value)> DatabaseEnvironment => [("Database__Provider", "Sqlite")];
}

/// <summary>The published build on PostgreSQL: a database of its own on test.sh's server (FUPIN_TEST_PG).</summary>
public class DeployedPostgresApp : DeployedApp
{
    private readonly string _database = "fupin_deploy_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "Postgres";

    private static string Server => Environment.GetEnvironmentVariable("FUPIN_TEST_PG")
        ?? throw new InvalidOperationException("FUPIN_TEST_PG is not set: run ./test.sh, which starts a PostgreSQL server.");

    protected override IEnumerable<(string Key, string Value)> DatabaseEnvironment =>
        [("Database__Provider", "Postgres"), ("ConnectionStrings__Fupin", Server.Replace("Database=postgres", $"Database={_database}", StringComparison.Ordinal))];
}

/// <summary>A published instance of its own for the backup drill, which stops it to restore.</summary>
public sealed class DrillSqliteApp : DeployedSqliteApp;

/// <summary>The same on PostgreSQL.</summary>
public sealed class DrillPostgresApp : DeployedPostgresApp;
