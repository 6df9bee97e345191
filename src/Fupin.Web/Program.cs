using System.Globalization;
using System.Text.Json.Serialization;
using Fupin.Web.Components;
using Fupin.Web.Data;
using Fupin.Web.Features.Accounts;
using Fupin.Web.Features.Assistance;
using Fupin.Web.Features.Assurance;
using Fupin.Web.Features.Audit;
using Fupin.Web.Features.Comparison;
using Fupin.Web.Features.Demo;
using Fupin.Web.Features.Exit;
using Fupin.Web.Features.Funds;
using Fupin.Web.Features.Households;
using Fupin.Web.Features.Import;
using Fupin.Web.Features.Income;
using Fupin.Web.Features.Monitoring;
using Fupin.Web.Features.Operations;
using Fupin.Web.Features.Policy;
using Fupin.Web.Features.Procedures;
using Fupin.Web.Features.Regions;
using Fupin.Web.Features.Stats;
using Fupin.Web.Features.Supervision;
using Fupin.Web.Shared;
using MudBlazor.Services;
using Scalar.AspNetCore;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = new CultureInfo("zh-CN");

switch (args.FirstOrDefault())
{
    case "generate":
        return await GenerateCommand.RunAsync(args[1..]);
    case "audit-verify":
        return await AuditVerifyCommand.RunAsync(args[1..]);
    case "backup":
        return await OperationsCommands.BackupAsync(args[1..]);
    case "restore":
        return await OperationsCommands.RestoreAsync(args[1..]);
    case "migrate":
        return await OperationsCommands.MigrateAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddFupinDatabase();
builder.AddFupinAccounts();
builder.AddFupinApi();
builder.AddFupinReverseProxy();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddLocalization();
builder.Services.AddSingleton<ProcedureDefinitions>();
builder.Services.AddSingleton<Fupin.Web.Shared.FileStore>();
builder.Services.AddSingleton(sp => new Fupin.Web.Features.Audit.AuditChain(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
builder.Services.AddSingleton<ProcedureAttachments>();
builder.Services.AddSingleton<AssistanceFiles>();
builder.Services.AddSingleton<UploadSafety>();
builder.Services.AddSingleton<ImportJobs>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ImportJobs>());
builder.Services.AddHostedService<Fupin.Web.Features.Supervision.Scheduler>();
builder.AddFupinOperations();

builder.Services.AddFupinCookieFormAntiforgery();
var app = builder.Build();

await app.InitializeDatabaseAsync();
// A county's procedure steps are checked now, so a mistake in them stops the start, not the first case.
app.Services.GetRequiredService<ProcedureDefinitions>();

// First: every later step (HSTS, the sign-in limit, the audit trail) sees the client's own address and scheme.
app.UseFupinReverseProxy();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization("zh-CN");
app.UseFupinSecurityHeaders();
app.UseRateLimiter();
app.UseAuthentication();
app.UseFupinSessionValidation();
app.UseFupinCurrentUser();
app.UseAuthorization();
app.UseAntiforgery();
app.UseFupinCookieFormAntiforgery();
app.UseFupinQueryRanges();

// Stylesheets, scripts and fonts are public: the sign-in page needs them before anyone has signed in.
app.MapStaticAssets().AllowAnonymous();
app.MapFupinHealth();
app.MapFupinReadiness();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/docs", o => o.WithTitle("扶贫系统 API")).AllowAnonymous();
app.MapAuth();
app.MapFupinAntiforgeryToken();
app.MapRegions();
app.MapHouseholds();
app.MapMembers();
app.MapStats();
app.MapAudit();
app.MapAccounts();
app.MapApiTokens();
app.MapPolicyValues();
app.MapIncome();
app.MapAssurance();
app.MapDynamicReport();
app.MapVillageExit();
app.MapExitReadiness();
app.MapProcedures();
app.MapImports();
app.MapComparison();
app.MapMonitoring();
app.MapAssistance();
app.MapFunds();
app.MapSupervision();
app.MapAccountPages();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
return 0;

public partial class Program;
