namespace Fupin.Web.Features.Operations;

public static class OperationsSetup
{
    /// <summary>Backups (scheduled, on demand, before an upgrade), the instance's hold on its database, readiness.</summary>
    public static IHostApplicationBuilder AddFupinOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Backups>();
        builder.Services.AddSingleton<Upgrade.Hold>();
        builder.Services.AddHostedService<BackupScheduler>();
        return builder;
    }
}
