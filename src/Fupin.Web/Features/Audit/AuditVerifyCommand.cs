using Fupin.Web.Data;
using Fupin.Web.Shared;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Audit;

/// <summary>
/// <c>dotnet run --project src/Fupin.Web -- audit-verify</c>: seals what is unsealed, recomputes the whole
/// chain and prints what is wrong. Exit code 0 when intact, 1 when a row was changed or removed.
/// Uses the same configuration (database provider and connection) as the web host.
/// </summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var config = CommandLine.Configuration(args);
        var settings = DatabaseSetup.Read(config, CommandLine.ContentRoot);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, settings);
        await using var db = new AppDbContext(options.Options, CurrentUser.System());
        var chain = new AuditChain(config, DatabaseSetup.DataFolder(config, CommandLine.ContentRoot));
        await chain.SealAsync(db);
        var result = await chain.VerifyAsync(db);
        if (result.Checkpoint is { } checkpoint)
        {
            Console.WriteLine($"与检查点一致：{checkpoint.Source}时（{checkpoint.At:yyyy-MM-dd HH:mm} UTC）的链头第 {checkpoint.Seq} 条 {checkpoint.Hash}");
        }
        Console.WriteLine($"链头：第 {result.HeadSeq} 条 {result.HeadHash}");
        await AuditEvents.WriteAsync(db, TimeProvider.System, AuditEvent.AuditVerified, "AuditEntry",
            detail: result.Ok ? $"命令行校验通过，{result.SealedRows} 条" : $"命令行校验发现 {result.Problems.Count} 处问题");
        if (result.Ok)
        {
            Console.WriteLine($"审计日志完整：{result.SealedRows:N0} 条记录的哈希链校验通过。");
            return 0;
        }
        Console.WriteLine($"审计日志发现 {result.Problems.Count} 处问题：");
        foreach (var p in result.Problems)
        {
            Console.WriteLine("  - " + p);
        }
        return 1;
    }
}
