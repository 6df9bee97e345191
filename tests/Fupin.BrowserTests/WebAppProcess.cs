using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Fupin.BrowserTests;

/// <summary>
/// The real web host as a process on a free loopback port, over a throwaway data folder (SQLite, demo
/// county), and one Chromium from Debian driven by Playwright. A missing browser fails the run.
/// </summary>
public class WebAppProcess : IAsyncLifetime
{
    public const string AdminPassword = "Browser-Admin-Pass-2026";
    public const string DemoPassword = "Browser-Demo-Pass-2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("fupin-browser-").FullName;

    public string DataFolder => _folder;
    private Process? _process;
    private readonly System.Text.StringBuilder _output = new();

    public string BaseUrl { get; private set; } = "";

    protected virtual IEnumerable<(string Key, string Value)> ExtraEnvironment => [];

    /// <summary>False: the host generates the first password and prints it, as on a real first start.</summary>
    protected virtual bool OperatorSetsAdminPassword => true;
    public IPlaywright Playwright { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fupin.slnx")))
            {
                dir = dir.Parent;
            }
            return dir?.FullName ?? throw new InvalidOperationException("Fupin.slnx not found above the test folder");
        }
    }

    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        var web = Path.Combine(RepoRoot, "src", "Fupin.Web");
        var dll = Path.Combine(web, "bin", "Debug", "net10.0", "Fupin.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} not built: run ./test.sh (it builds the solution first).");
        }
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        if (OperatorSetsAdminPassword)
        {
            start.Environment["FUPIN_ADMIN_PASSWORD"] = AdminPassword;
            start.Environment["FUPIN_SECURITY_PASSWORD"] = AdminPassword;
            start.Environment["FUPIN_AUDITOR_PASSWORD"] = AdminPassword;
            start.Environment["FUPIN_DEMO_PASSWORD"] = DemoPassword;
        }
        start.Environment["Data__Folder"] = _folder;
        start.Environment["Demo__Persons"] = "2000";
        start.Environment["Database__Provider"] = "Sqlite";
        foreach (var (key, value) in ExtraEnvironment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The web host did not start:\n" + Output);
            }
            await Task.Delay(250);
        }

        var chromium = Environment.GetEnvironmentVariable("FUPIN_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: run ./test.sh, which installs Debian's chromium.");
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

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

    /// <summary>Signed in as the demo county's office (county), or as the account given.</summary>
    public async Task<IPage> SignedInPageAsync(string user = "county", string password = DemoPassword, ViewportSize? viewport = null, Geolocation? location = null)
    {
        var options = new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 } };
        if (location is not null)
        {
            // A phone in the field: the browser hands the page this position.
            options.Geolocation = location;
            options.Permissions = ["geolocation"];
            options.IsMobile = true;
            options.HasTouch = true;
        }
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await InteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Types into a form field and leaves it, and types again if a re-render of the form (after a select
    /// loaded its options) replaced the text before the server had it.
    /// </summary>
    public static async Task FillFieldAsync(IPage page, string testId, string value)
    {
        var input = page.Locator($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]").First;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await input.FillAsync(value);
            await input.PressAsync("Tab");
            await page.WaitForTimeoutAsync(150);
            if (await input.InputValueAsync() == value)
            {
                return;
            }
        }
        await Assertions.Expect(input).ToHaveValueAsync(value);
    }

    /// <summary>
    /// Picks an option of a MudSelect and waits until the select shows it: the server sets the value after awaiting
    /// the popover's JavaScript, so a click that follows at once (a save) could otherwise run before the value is set.
    /// </summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option, bool exact = true)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(option, new() { Exact = exact }).First.ClickAsync();
        // The select shows the chosen text in its own markup (the value itself sits in a hidden input).
        var shown = select.Locator("xpath=ancestor-or-self::div[contains(concat(' ', @class, ' '), ' mud-select ')][1]");
        await Assertions.Expect(shown).ToContainTextAsync(option);
    }

    /// <summary>The same, for a select found by its test id.</summary>
    public static Task ChooseAsync(IPage page, string testId, string option, bool exact = true) =>
        ChooseAsync(page, page.GetByTestId(testId), option, exact);

    /// <summary>After a full page load: wait until Blazor's circuit is attached, or typing is lost.</summary>
    /// <summary>
    /// Chooses a file in a Blazor InputFile once the component has hooked its change handler to the element
    /// (it does so after its own first interactive render, which can come after the layout's marker): a file set
    /// before that is never uploaded. Blazor's script marks the element when it does (the next file id).
    /// </summary>
    public static async Task ChooseFileAsync(IPage page, string selector, string path)
    {
        await page.WaitForFunctionAsync("s => document.querySelector(s)?._blazorInputFileNextFileId !== undefined", selector);
        await page.Locator(selector).SetInputFilesAsync(path);
    }

    public static Task InteractiveAsync(IPage page) =>
        page.Locator("[data-interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
        GC.SuppressFinalize(this);
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A first start with no password configured, its output not a terminal (as under systemd): the host writes the
/// generated passwords to a file in the data folder readable by its own user only, never to its output.
/// </summary>
public sealed class FirstStartProcess : WebAppProcess
{
    protected override bool OperatorSetsAdminPassword => false;

    public string PasswordFile => Path.Combine(DataFolder, "first-start-passwords.txt");

    public string PrintedPassword =>
        System.Text.RegularExpressions.Regex.Match(File.ReadAllText(PasswordFile), @"初始密码[^:：]*[:：]\s*(\S+)").Groups[1].Value;
}

/// <summary>Administrators must use a second factor (Security:RequireTwoFactorForAdmins).</summary>
public sealed class TwoFactorProcess : WebAppProcess
{
    protected override IEnumerable<(string Key, string Value)> ExtraEnvironment => [("Security__RequireTwoFactorForAdmins", "true")];
}
