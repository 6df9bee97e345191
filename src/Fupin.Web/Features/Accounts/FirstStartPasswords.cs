using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fupin.Web.Features.Accounts;

/// <summary>
/// Generated first-start passwords reach the operator once and are never left in a log. In a terminal
/// (`dotnet run`) they are printed there. When the output goes elsewhere — systemd's journal, a container's log —
/// they are written to <see cref="FileName"/> in the data folder, readable by the service's own user only, and
/// the output says only where the file is. The file is deleted as soon as every account in it has changed its
/// password (at that sign-in, and checked again at each start).
/// </summary>
public static class FirstStartPasswords
{
    public const string FileName = "first-start-passwords.txt";

    public static async Task ShowAsync(List<(string User, string Role, string Password)> created, string dataFolder, UserManager<AppUser> users)
    {
        if (created.Count == 0)
        {
            await ForgetIfChangedAsync(dataFolder, users.Users);
            return;
        }
        var lines = new List<string> { "首次启动生成的账号（首次登录后须修改密码）:" };
        lines.AddRange(created.Select(c => $"  {c.User,-10} {Roles.Label(c.Role),-12} 初始密码: {c.Password}"));
        if (!Console.IsOutputRedirected)
        {
            Console.WriteLine();
            Console.WriteLine("================================================================");
            lines.ForEach(l => Console.WriteLine("  " + l));
            Console.WriteLine("================================================================");
            Console.WriteLine();
            return;
        }
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        var text = string.Join('\n', lines.Prepend("# 精准扶贫与防返贫监测管理系统 — 全部账号改密后本文件自动删除")) + "\n";
        // Created with the owner's permissions only, before a byte of it is written.
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var file = new StreamWriter(path, new System.Text.UTF8Encoding(false), options))
        {
            await file.WriteAsync(text);
        }
        Console.WriteLine($"首次启动生成了 {created.Count} 个账号的初始密码，已写入 {path}（仅服务账号可读）；全部改密后该文件自动删除。");
    }

    /// <summary>Deletes the file once no account named in it still has to change its password.</summary>
    public static async Task ForgetIfChangedAsync(string dataFolder, IQueryable<AppUser> users)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            return;
        }
        var names = (await File.ReadAllLinesAsync(path))
            .Where(l => l.Contains("初始密码"))
            .Select(l => l.Trim().Split(' ', 2)[0])
            .ToList();
        if (!await users.AnyAsync(u => names.Contains(u.UserName!) && u.MustChangePassword))
        {
            File.Delete(path);
        }
    }
}
